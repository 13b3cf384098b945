import {
  DEFAULT_HASH_RETENTION_DAYS,
  ENVIRONMENT,
  QUARANTINE_TABLE,
  SETTING_LIMITS,
  STAGING_TABLE,
} from '@hashbridge/core';
import * as z from 'zod';
import { HandlerConfigError } from '../errors.js';

const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true');

/** The Loader Lambda's environment. Unknown values fail loudly at cold start, with the variable's name. */
const loaderEnvironmentSchema = z.object({
  [ENVIRONMENT.stagingTable]: z.string().min(1).default(STAGING_TABLE.name),
  [ENVIRONMENT.quarantineTable]: z.string().min(1).default(QUARANTINE_TABLE.name),
  /** For MSK's provisioned mode: answer with `batchItemFailures` instead of failing the whole batch. */
  [ENVIRONMENT.reportBatchItemFailures]: booleanText.default(false),
  /** Records validated and quarantined at once per batch (staging itself goes in batched requests). */
  [ENVIRONMENT.stagingConcurrency]: z.coerce.number().int().min(1).max(100).default(16),
  /** Days a quarantined record is kept (DynamoDB TTL). */
  [ENVIRONMENT.retentionDays]: z.coerce
    .number()
    .int()
    .min(SETTING_LIMITS.retentionDays.min)
    .max(SETTING_LIMITS.retentionDays.max)
    .default(DEFAULT_HASH_RETENTION_DAYS),
  /** Only for the local stack: the DynamoDB API to talk to. */
  [ENVIRONMENT.dynamodbEndpoint]: z.url().optional(),
});

type LoaderConfig = z.output<typeof loaderEnvironmentSchema>;

const readLoaderConfig = (env: NodeJS.ProcessEnv): LoaderConfig => {
  const parsed = loaderEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new HandlerConfigError(`invalid Loader configuration: ${problems}`);
  }
  return parsed.data;
};

export type { LoaderConfig };
export { readLoaderConfig };
