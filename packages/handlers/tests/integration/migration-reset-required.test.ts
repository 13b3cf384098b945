import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createLoaderTables, DynamoDBStagedUserStore } from '@hashbridge/adapters';
import { createUserMessage } from '@hashbridge/core';
import {
  createInvokeServer,
  findFreePort,
  type LambdaHandler,
  startCognitoLocal,
  stopProcessGroup,
} from '@hashbridge/local-stack';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse"): no uppercase letter, no digit. */
const WEAK = { password: 'correct horse', hash: '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S' };
/** A passlib bcrypt hash of a password with every class (core's known-answer vectors). */
const STRONG_PASSWORD = 'Tr0ub4dor&3';
const STRONG_HASH = (
  JSON.parse(readFileSync(new URL('../../../core/tests/fixtures/passlib-vectors.json', import.meta.url), 'utf8')) as {
    vectors: { scheme: string; hash: string; password: string; expected: unknown }[];
  }
).vectors.find((v) => v.scheme === 'bcrypt' && v.expected === true && v.password === STRONG_PASSWORD)?.hash;
const FUNCTION_NAME = 'hashbridge-user-migration-with-rule';

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
  const workDir = mkdtempSync(join(tmpdir(), 'hashbridge-reset-required-'));
  const lambdaServer = createInvokeServer({
    [FUNCTION_NAME]: {
      timeoutMs: 5_000,
      load: async () => ((await import('../../src/migration.js')) as { handler: LambdaHandler }).handler,
    },
  });
  const users = {
    weak: `weak-${randomUUID()}@example.com`,
    weakMistyped: `weak-mistyped-${randomUUID()}@example.com`,
    strong: `strong-${randomUUID()}@example.com`,
  };
  let cognitoPid = -1;
  let cognito: CognitoIdentityProviderClient;
  let poolId = '';
  let clientId = '';

  const signIn = (username: string, password: string) =>
    cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
  const failureOf = (attempt: Promise<unknown>) =>
    attempt.then(
      () => ({ name: 'no error', message: '' }),
      (error: Error) => ({ name: error.name, message: error.message }),
    );
  const statusOf = async (email: string) =>
    (await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email }))).UserStatus;

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

    await new Promise<void>((resolve) => lambdaServer.listen(0, '127.0.0.1', resolve));
    const started = await startCognitoLocal({
      port: await findFreePort(),
      workDir,
      logFile: join(workDir, 'cognito.log'),
      lambdaEndpoint: `http://127.0.0.1:${(lambdaServer.address() as AddressInfo).port}`,
      userMigrationFunction: FUNCTION_NAME,
    });
    cognitoPid = started.pid;
    cognito = new CognitoIdentityProviderClient({ endpoint: started.env.COGNITO_ENDPOINT ?? '', ...local });
    const { UserPool } = await cognito.send(
      new CreateUserPoolCommand({ PoolName: `rule-${randomUUID()}`, UsernameAttributes: ['email'] }),
    );
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool?.Id ?? '',
        ClientName: 'login',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    poolId = UserPool?.Id ?? '';
    clientId = UserPoolClient?.ClientId ?? '';
  });

  afterAll(async () => {
    if (cognitoPid > 0) await stopProcessGroup(cognitoPid);
    await new Promise((resolve) => lambdaServer.close(resolve));
    rmSync(workDir, { recursive: true, force: true });
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
