import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { createUserMessage, METRICS, STAGING_TABLE } from '@hashbridge/core';
import {
  type CognitoTriggerSandbox,
  createLoaderTables,
  type LambdaHandler,
  startCognitoTriggerSandbox,
} from '@hashbridge/local-stack';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse") */
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';
const PASSWORD = 'correct horse';
const DAY_SECONDS = 86_400;

/**
 * Guessing protection through Cognito's whole path: cognito-local calls the Migration Lambda's entry point
 * (loaded in this process, with its default lockout: 5 failures, then 1 s doubling), which reads and counts in
 * the stack's DynamoDB API. What the handler writes (its log, warnings on stderr, and its EMF metrics) is kept per test.
 */
describe('Migration Lambda guessing protection behind cognito-local', () => {
  const env = inject('stackEnv');
  const local = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const dynamo = new DynamoDBClient({ endpoint: env.DYNAMODB_ENDPOINT ?? '', ...local });
  const tables = { stagingTable: `staging-${randomUUID()}`, quarantineTable: `quarantine-${randomUUID()}` };
  const store = new DynamoDBStagedUserStore({
    client: DynamoDBDocumentClient.from(dynamo),
    tableName: tables.stagingTable,
  });
  const users = {
    guessed: `guessed-${randomUUID()}@example.com`,
    bystander: `bystander-${randomUUID()}@example.com`,
    forgetful: `forgetful-${randomUUID()}@example.com`,
  };
  let sandbox: CognitoTriggerSandbox;
  let written: string[] = [];

  const signIn = (username: string, password: string) => sandbox.signIn(username, password);
  const failureOf = (attempt: Promise<unknown>) =>
    attempt.then(
      () => ({ name: 'signed in', message: '' }),
      (error: Error) => ({ name: error.name, message: error.message }),
    );
  const jsonLines = () =>
    written
      .flatMap((chunk) => chunk.split('\n'))
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    vi.stubEnv('STAGING_TABLE', tables.stagingTable);
    vi.stubEnv('DYNAMODB_ENDPOINT', env.DYNAMODB_ENDPOINT ?? '');
    vi.stubEnv('AWS_REGION', 'local');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
    await createLoaderTables(dynamo, tables);
    for (const email of Object.values(users)) {
      const message = createUserMessage({ email, hash: BCRYPT, sourceId: email, sourceVersion: 1 });
      if (!message.ok) throw new Error(message.detail);
      await store.stage(message.message);
    }
    sandbox = await startCognitoTriggerSandbox({
      load: async () => ((await import('../../src/migration.js')) as { handler: LambdaHandler }).handler,
      poolName: `lockout-${randomUUID()}`,
    });
  });

  beforeEach(() => {
    written = [];
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
    }
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  afterAll(async () => {
    await sandbox?.stop();
    vi.unstubAllEnvs();
  });

  it('refuses the right password after five wrong ones, as it refuses anyone, and accepts it once the lock expires', async () => {
    // Prepare
    const unknown = await failureOf(signIn(`nobody-${randomUUID()}@example.com`, PASSWORD));
    const wrong = [];
    for (let attempt = 0; attempt < 5; attempt++)
      wrong.push(await failureOf(signIn(users.guessed, `guess ${attempt}`)));
    const lockedAt = Date.now();

    // Act
    const whileLocked = await failureOf(signIn(users.guessed, PASSWORD));
    const bystander = await signIn(users.bystander, PASSWORD);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lockedAt + 1_200 - Date.now())));
    const afterLock = await signIn(users.guessed, PASSWORD);

    // Assess: one answer for an unknown user, a wrong password and a locked account.
    expect(unknown.name).toBe('NotAuthorizedException');
    for (const refusal of [...wrong, whileLocked]) expect(refusal).toEqual(unknown);
    expect(bystander.AuthenticationResult?.IdToken).toBeTruthy();
    expect(afterLock.AuthenticationResult?.IdToken).toBeTruthy();
    const causes = jsonLines()
      .filter((line) => line.message === 'migration refused')
      .map((line) => line.cause);
    expect(causes).toEqual(['unknown-user', ...Array(5).fill('wrong-password'), 'locked']);
  });

  it('lets a success end the count, and gives the migrated record its expiry', async () => {
    // Prepare
    for (let attempt = 0; attempt < 4; attempt++) await failureOf(signIn(users.forgetful, `guess ${attempt}`));
    const counted = await store.get(users.forgetful);

    // Act
    const before = Math.floor(Date.now() / 1000);
    await signIn(users.forgetful, PASSWORD);
    const migrated = await store.get(users.forgetful);

    // Assess
    expect(counted?.failedSignIns).toBe(4);
    expect(migrated?.failedSignIns).toBeUndefined();
    expect(migrated?.migratedAt).toBeDefined();
    const expiresAt = migrated?.[STAGING_TABLE.timeToLiveAttribute] ?? 0;
    expect(expiresAt).toBeGreaterThanOrEqual(before + 30 * DAY_SECONDS);
    expect(expiresAt).toBeLessThanOrEqual(before + 30 * DAY_SECONDS + 60);
  });

  it('writes valid EMF metrics and log lines that hold no email, password or hash', async () => {
    // Act
    await failureOf(signIn(`nobody-${randomUUID()}@example.com`, 'some guess'));

    // Assess
    const lines = jsonLines();
    const emf = lines.filter((line) => '_aws' in line) as (Record<string, unknown> & {
      _aws: { CloudWatchMetrics: { Namespace: string; Metrics: { Name: string }[] }[] };
    })[];
    const names = emf.flatMap((blob) => blob._aws.CloudWatchMetrics.flatMap((d) => d.Metrics.map((m) => m.Name)));
    expect(emf.every((blob) => blob._aws.CloudWatchMetrics.every((d) => d.Namespace === METRICS.namespace))).toBe(true);
    expect(names).toEqual(
      expect.arrayContaining([METRICS.migration.signInsRefused, METRICS.migration.invocationDuration]),
    );
    const output = written.join('');
    expect(output).not.toContain('some guess');
    expect(output).not.toContain('nobody-');
    expect(output).not.toContain(BCRYPT.slice(7));
  });
});
