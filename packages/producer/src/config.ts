import { readFileSync } from 'node:fs';
import { COGNITO_IMPORT_CSV, DEFAULT_HASH_RETENTION_DAYS, QUARANTINE_TABLE, STAGING_TABLE } from '@hashbridge/core';
import * as z from 'zod';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_BATCHES_IN_FLIGHT,
  DEFAULT_IMPORT_DIR,
  DEFAULT_IMPORT_POLL_SECONDS,
  DEFAULT_MIGRATION_MEMORY_MB,
  DEFAULT_SOURCE,
  DEFAULT_TOPIC,
} from './constants.js';
import { ProducerConfigError } from './errors.js';

const shardSchema = z
  .string()
  .regex(/^\d+\/\d+$/, 'shard must look like i/N, e.g. 0/4')
  .transform((text) => {
    const [index, count] = text.split('/').map(Number) as [number, number];
    return { index, count };
  })
  .refine(({ index, count }) => count >= 1 && index < count, 'shard i/N needs 0 <= i < N');

/** Where the legacy users are: the connection, the table or query and its columns, a shard. */
const sourceSettings = {
  databaseUrl: z
    .string({ error: 'is required (--database-url or DATABASE_URL)' })
    .min(1, 'is required (--database-url or DATABASE_URL)'),
  table: z.string().min(1).default(DEFAULT_SOURCE.table),
  idColumn: z.string().min(1).default(DEFAULT_SOURCE.idColumn),
  emailColumn: z.string().min(1).default(DEFAULT_SOURCE.emailColumn),
  hashColumn: z.string().min(1).default(DEFAULT_SOURCE.hashColumn),
  profileColumn: z.string().min(1).default(DEFAULT_SOURCE.profileColumn),
  versionColumn: z.string().min(1).default(DEFAULT_SOURCE.versionColumn),
  disabledColumn: z.string().min(1).optional(),
  query: z.string().optional(),
  shard: shardSchema.optional(),
  batchSize: z.coerce.number().int().min(1).max(50_000).default(DEFAULT_BATCH_SIZE),
  progress: z.enum(['auto', 'bar', 'lines', 'off']).default('auto'),
};

/** Everything an export needs; flags override environment variables, which override the config file. */
const producerConfigSchema = z.object({
  ...sourceSettings,
  brokers: z
    .string({ error: 'is required (--brokers or KAFKA_BROKERS)' })
    .min(1, 'is required (--brokers or KAFKA_BROKERS)')
    .transform((text) =>
      text
        .split(',')
        .map((broker) => broker.trim())
        .filter(Boolean),
    ),
  topic: z.string().min(1).default(DEFAULT_TOPIC),
  auth: z.enum(['none', 'iam', 'scram']).default('none'),
  tls: z.enum(['on', 'off']).optional(),
  region: z.string().optional(),
  awsProfile: z.string().optional(),
  roleArn: z.string().optional(),
  saslUsername: z.string().optional(),
  saslPassword: z.string().optional(),
  saslMechanism: z.enum(['scram-sha-256', 'scram-sha-512']).default('scram-sha-512'),
  batchesInFlight: z.coerce.number().int().min(1).max(16).default(DEFAULT_BATCHES_IN_FLIGHT),
  checkpoint: z.string().min(1).default('.hashbridge/producer-checkpoint.json'),
  rejects: z.string().min(1).default('.hashbridge/producer-rejects.jsonl'),
  maxRejects: z.coerce.number().int().min(0).optional(),
  createTopic: z.boolean().default(false),
  compression: z.enum(['gzip', 'lz4', 'snappy', 'none']).default('gzip'),
  partitions: z.coerce.number().int().min(1).default(6),
  replicationFactor: z.coerce.number().int().min(1).default(1),
  dryRun: z.boolean().default(false),
});

/**
 * What the audit reads with: the export's source settings, the Migration Lambda's memory (its CPU share) and
 * whether Cognito's native import is to be used.
 */
const auditConfigSchema = z.object({
  ...sourceSettings,
  migrationMemoryMb: z.coerce.number().int().min(128).max(10_240).default(DEFAULT_MIGRATION_MEMORY_MB),
  nativeImport: z.boolean().default(true),
  json: z.boolean().default(false),
});

/**
 * What the native import needs: the source, where the files go and, unless `filesOnly`, the user pool, the
 * role Cognito logs the job with, and the staging table that records who was imported.
 */
const importConfigSchema = z.object({
  ...sourceSettings,
  outDir: z.string().min(1).default(DEFAULT_IMPORT_DIR),
  filesOnly: z.boolean().default(false),
  userPoolId: z.string().min(1).optional(),
  importRoleArn: z.string().min(1).optional(),
  stagingTable: z.string().min(1).default(STAGING_TABLE.name),
  passwordHashColumn: z.string().min(1).default(COGNITO_IMPORT_CSV.passwordHashColumn),
  region: z.string().optional(),
  awsProfile: z.string().optional(),
  cognitoEndpoint: z.string().url().optional(),
  dynamodbEndpoint: z.string().url().optional(),
  pollSeconds: z.coerce.number().min(0).max(600).default(DEFAULT_IMPORT_POLL_SECONDS),
  json: z.boolean().default(false),
});

/** Where the staging table is, for `status` and `finish`; endpoints only for local testing. */
const stagingSettings = {
  stagingTable: z.string().min(1).default(STAGING_TABLE.name),
  quarantineTable: z.string().min(1).default(QUARANTINE_TABLE.name),
  region: z.string().optional(),
  awsProfile: z.string().optional(),
  dynamodbEndpoint: z.string().url().optional(),
  segments: z.coerce.number().int().min(1).max(64).default(4),
  progress: z.enum(['auto', 'bar', 'lines', 'off']).default('auto'),
  json: z.boolean().default(false),
};

/** `status`: the staging table, and with `compareSource` the legacy table too (the source settings then apply). */
const statusConfigSchema = z.object({
  ...sourceSettings,
  ...stagingSettings,
  // Optional here: an empty DATABASE_URL counts as none.
  databaseUrl: z
    .string()
    .optional()
    .transform((url) => (url === '' ? undefined : url)),
  compareSource: z.boolean().default(false),
});

/** `finish`: the long tail's file, the grace period of migrated users' hashes, and whether to act. */
const finishConfigSchema = z.object({
  ...stagingSettings,
  graceDays: z.coerce.number().int().min(0).max(3650).default(DEFAULT_HASH_RETENTION_DAYS),
  longTail: z.enum(['list', 'csv']).default('list'),
  out: z.string().min(1).optional(),
  yes: z.boolean().default(false),
});

type ProducerConfig = z.output<typeof producerConfigSchema>;
type ProducerConfigInput = Partial<Record<keyof z.input<typeof producerConfigSchema>, unknown>>;
type AuditConfig = z.output<typeof auditConfigSchema>;
type AuditConfigInput = Partial<Record<keyof z.input<typeof auditConfigSchema>, unknown>>;
type ImportConfig = z.output<typeof importConfigSchema>;
type StatusConfig = z.output<typeof statusConfigSchema>;
type StatusConfigInput = Partial<Record<keyof z.input<typeof statusConfigSchema>, unknown>>;
type FinishConfig = z.output<typeof finishConfigSchema>;
type FinishConfigInput = Partial<Record<keyof z.input<typeof finishConfigSchema>, unknown>>;
type ImportConfigInput = Partial<Record<keyof z.input<typeof importConfigSchema>, unknown>>;

/** Values from the environment, under the names the local stack writes to `.stack/env`. */
const fromEnvironment = (env: NodeJS.ProcessEnv): Record<string, unknown> => ({
  databaseUrl: env.DATABASE_URL,
  brokers: env.KAFKA_BROKERS,
  region: env.AWS_REGION,
  awsProfile: env.AWS_PROFILE,
  saslUsername: env.KAFKA_SASL_USERNAME,
  saslPassword: env.KAFKA_SASL_PASSWORD,
  userPoolId: env.COGNITO_USER_POOL_ID,
  cognitoEndpoint: env.COGNITO_ENDPOINT,
  dynamodbEndpoint: env.DYNAMODB_ENDPOINT,
});

const withoutUndefined = (input: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));

/** Merges config file, environment and flags, then validates; the error names every bad setting. */
const resolveSettings = <Schema extends z.ZodType>(
  schema: Schema,
  flags: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  configFile?: string,
): z.output<Schema> => {
  let fileValues: Record<string, unknown> = {};
  if (configFile !== undefined) {
    try {
      fileValues = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ProducerConfigError(`cannot read the config file ${configFile}: ${(error as Error).message}`);
    }
  }
  const merged = {
    ...withoutUndefined(fileValues),
    ...withoutUndefined(fromEnvironment(env)),
    ...withoutUndefined(flags),
  };
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const flagName = (key: string): string => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    const problems = parsed.error.issues.map((issue) => `  --${flagName(issue.path.join('.'))}: ${issue.message}`);
    throw new ProducerConfigError(`invalid settings:\n${problems.join('\n')}\nRun with --help for every option.`);
  }
  return parsed.data;
};

/** The export's settings from flags, environment and config file; the error names every bad setting. */
const resolveProducerConfig = (
  flags: ProducerConfigInput,
  env: NodeJS.ProcessEnv,
  configFile?: string,
): ProducerConfig => {
  const config = resolveSettings(producerConfigSchema, flags, env, configFile);
  if (config.auth === 'scram' && (config.saslUsername === undefined || config.saslPassword === undefined)) {
    throw new ProducerConfigError('--auth scram needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD in the environment');
  }
  if (config.auth === 'iam' && config.region === undefined) {
    throw new ProducerConfigError('--auth iam needs --region (or AWS_REGION): the region of the MSK cluster');
  }
  return config;
};

/** The audit's settings, from the same flags, environment and config file as the export's. */
const resolveAuditConfig = (flags: AuditConfigInput, env: NodeJS.ProcessEnv, configFile?: string): AuditConfig =>
  resolveSettings(auditConfigSchema, flags, env, configFile);

/** The import's settings; without `--files-only` the pool, the role and a region (or an endpoint) are required. */
const resolveImportConfig = (flags: ImportConfigInput, env: NodeJS.ProcessEnv, configFile?: string): ImportConfig => {
  const config = resolveSettings(importConfigSchema, flags, env, configFile);
  if (config.filesOnly) return config;
  const missing = [
    config.userPoolId === undefined ? '  --user-pool-id: is required to run import jobs (or COGNITO_USER_POOL_ID)' : '',
    config.importRoleArn === undefined
      ? '  --import-role-arn: is required to run import jobs: the role Cognito writes the job log with'
      : '',
    config.region === undefined && config.cognitoEndpoint === undefined
      ? '  --region: is required to run import jobs (or AWS_REGION)'
      : '',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new ProducerConfigError(
      `invalid settings:\n${missing.join('\n')}\nOr write the files only with --files-only. Run with --help for every option.`,
    );
  }
  return config;
};

/** The status's settings; `--source` needs the legacy table's connection. */
const resolveStatusConfig = (flags: StatusConfigInput, env: NodeJS.ProcessEnv, configFile?: string): StatusConfig => {
  const config = resolveSettings(statusConfigSchema, flags, env, configFile);
  if (config.compareSource && config.databaseUrl === undefined) {
    throw new ProducerConfigError(
      'invalid settings:\n  --database-url: is required with --source (or DATABASE_URL)\nRun with --help for every option.',
    );
  }
  return config;
};

/** The finish's settings. */
const resolveFinishConfig = (flags: FinishConfigInput, env: NodeJS.ProcessEnv, configFile?: string): FinishConfig =>
  resolveSettings(finishConfigSchema, flags, env, configFile);

export type {
  AuditConfig,
  AuditConfigInput,
  FinishConfig,
  FinishConfigInput,
  ImportConfig,
  ImportConfigInput,
  ProducerConfig,
  ProducerConfigInput,
  StatusConfig,
  StatusConfigInput,
};
export {
  auditConfigSchema,
  finishConfigSchema,
  importConfigSchema,
  producerConfigSchema,
  resolveAuditConfig,
  resolveFinishConfig,
  resolveImportConfig,
  resolveProducerConfig,
  resolveStatusConfig,
  statusConfigSchema,
};
