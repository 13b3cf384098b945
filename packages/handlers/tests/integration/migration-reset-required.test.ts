import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { createUserMessage } from '@hashbridge/core';
import {
  type CognitoTriggerSandbox,
  createLoaderTables,
  type LambdaHandler,
  startCognitoTriggerSandbox,
} from '@hashbridge/local-stack';
import { PASSLIB_VECTORS_FILE } from '@hashbridge/testing';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse"): no uppercase letter, no digit. */
const WEAK = { password: 'correct horse', hash: '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S' };
/** A passlib bcrypt hash of a password with every class (core's known-answer vectors). */
const STRONG_PASSWORD = 'Tr0ub4dor&3';
const STRONG_HASH = (
  JSON.parse(readFileSync(PASSLIB_VECTORS_FILE, 'utf8')) as {
    vectors: { scheme: string; hash: string; password: string; expected: unknown }[];
  }
).vectors.find((v) => v.scheme === 'bcrypt' && v.expected === true && v.password === STRONG_PASSWORD)?.hash;

/**
 * The stack's cognito-local calls the stack's Migration Lambda, whose environment has no strength rule. Here a
 * second cognito-local calls the same entry point (packages/handlers/src/migration.ts) loaded in this process
 * with PASSWORD_STRENGTH_RULE set, reading the stack's DynamoDB API: Cognito's whole path, rule on.
 */
describe('Migration Lambda with PASSWORD_STRENGTH_RULE behind cognito-local', () => {
  const env = inject('stackEnv');
  const local = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const dynamo = new DynamoDBClient({ endpoint: env.DYNAMODB_ENDPOINT ?? '', ...local });
  const tables = { stagingTable: `staging-${randomUUID()}`, quarantineTable: `quarantine-${randomUUID()}` };
  const store = new DynamoDBStagedUserStore({
    client: DynamoDBDocumentClient.from(dynamo),
    tableName: tables.stagingTable,
  });
  const users = {
    weak: `weak-${randomUUID()}@example.com`,
    weakMistyped: `weak-mistyped-${randomUUID()}@example.com`,
    strong: `strong-${randomUUID()}@example.com`,
  };
  let sandbox: CognitoTriggerSandbox;

  const signIn = (username: string, password: string) => sandbox.signIn(username, password);
  const failureOf = (attempt: Promise<unknown>) =>
    attempt.then(
      () => ({ name: 'no error', message: '' }),
      (error: Error) => ({ name: error.name, message: error.message }),
    );
  const statusOf = async (email: string) =>
    (await sandbox.cognito.send(new AdminGetUserCommand({ UserPoolId: sandbox.poolId, Username: email }))).UserStatus;

  beforeAll(async () => {
    // The entry point reads its settings when it is first loaded, at the first invocation.
    vi.stubEnv('PASSWORD_STRENGTH_RULE', JSON.stringify({ minLength: 8 }));
    vi.stubEnv('STAGING_TABLE', tables.stagingTable);
    vi.stubEnv('DYNAMODB_ENDPOINT', env.DYNAMODB_ENDPOINT ?? '');
    vi.stubEnv('AWS_REGION', 'local');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');

    await createLoaderTables(dynamo, tables);
    if (STRONG_HASH === undefined) throw new Error('no bcrypt vector for the strong password');
    for (const [email, hash] of [
      [users.weak, WEAK.hash],
      [users.weakMistyped, WEAK.hash],
      [users.strong, STRONG_HASH],
    ] as const) {
      const message = createUserMessage({ email, hash, sourceId: email, sourceVersion: 1 });
      if (!message.ok) throw new Error(message.detail);
      await store.stage(message.message);
    }

    sandbox = await startCognitoTriggerSandbox({
      load: async () => ((await import('../../src/migration.js')) as { handler: LambdaHandler }).handler,
      poolName: `rule-${randomUUID()}`,
    });
  });

  afterAll(async () => {
    await sandbox?.stop();
    vi.unstubAllEnvs();
  });

  it('answers PasswordResetRequiredException to a correct password that fails the rule, and keeps the user', async () => {
    // Act
    const failure = await failureOf(signIn(users.weak, WEAK.password));

    // Assess: Cognito created the user, in RESET_REQUIRED, and the staged record is marked.
    expect(failure.name).toBe('PasswordResetRequiredException');
    expect(await statusOf(users.weak)).toBe('RESET_REQUIRED');
    expect((await store.get(users.weak))?.migratedAt).toBeDefined();
  });

  it('signs a correct password that meets the rule in, CONFIRMED', async () => {
    // Act
    const { AuthenticationResult } = await signIn(users.strong, STRONG_PASSWORD);

    // Assess
    expect(AuthenticationResult?.IdToken).toBeTruthy();
    expect(await statusOf(users.strong)).toBe('CONFIRMED');
  });

  it('gives a wrong password of a weak-password user the same error as an unknown user, and creates nobody', async () => {
    // Act
    const wrongPassword = await failureOf(signIn(users.weakMistyped, 'correct horse!'));
    const unknownUser = await failureOf(signIn(`nobody-${randomUUID()}@example.com`, WEAK.password));

    // Assess
    expect(wrongPassword).toEqual(unknownUser);
    expect(wrongPassword.name).toBe('NotAuthorizedException');
    expect((await failureOf(statusOf(users.weakMistyped))).name).toBe('UserNotFoundException');
    expect((await store.get(users.weakMistyped))?.migratedAt).toBeUndefined();
  });
});
