import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
import { DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { createUserMessage } from '@hashbridge/core';
import { createLoaderTables, readState, stackPaths } from '@hashbridge/local-stack';
import { PASSLIB_VECTORS_FILE } from '@hashbridge/testing';
import { beforeAll, describe, expect, inject, it } from 'vitest';

/** One real passlib hash per scheme family, with its password (from core's known-answer vectors). */
const FAMILIES = [
  'bcrypt',
  'argon2',
  'pbkdf2_sha256',
  'sha512_crypt',
  'django_pbkdf2_sha256',
  'phpass',
  'md5_crypt',
  'ldap_salted_sha1',
];
const VECTORS = (
  JSON.parse(readFileSync(PASSLIB_VECTORS_FILE, 'utf8')) as {
    vectors: { scheme: string; hash: string; password: string; expected: unknown; source: string }[];
  }
).vectors;
const legacyUser = (scheme: string) => {
  // A password no log line could contain by chance (not "password").
  const vector = VECTORS.find(
    (v) => v.scheme === scheme && v.expected === true && v.source === 'passlib' && v.password === 'Tr0ub4dor&3',
  );
  if (vector === undefined) throw new Error(`no vector for ${scheme}`);
  return { scheme, hash: vector.hash, password: vector.password, email: `${scheme}-${randomUUID()}@example.com` };
};

const env = inject('stackEnv');
const local = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
const cognito = new CognitoIdentityProviderClient({ endpoint: env.COGNITO_ENDPOINT ?? '', ...local });
const dynamo = new DynamoDBClient({ endpoint: env.DYNAMODB_ENDPOINT ?? '', ...local });
const store = new DynamoDBStagedUserStore({ client: DynamoDBDocumentClient.from(dynamo) });

/** How many times the stack's Lambda endpoint ran the trigger (its log has one line per invocation). */
const triggerInvocations = (): number => {
  const logFile = join(stackPaths().logsDir, 'lambda.log');
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"functionName":"hashbridge-user-migration"')).length;
};

describe('Migration Lambda behind cognito-local (the stack)', () => {
  // The stack's lambda.log keeps the lines of earlier runs: this file's lines are those stamped after it began.
  const began = new Date().toISOString();
  let clientId = '';
  let poolId = '';
  const signIn = (username: string, password: string) =>
    cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
  const users = FAMILIES.map(legacyUser);

  beforeAll(async () => {
    expect(readState(stackPaths())).toBeDefined();
    await createLoaderTables(dynamo);
    for (const [index, user] of users.entries()) {
      const message = createUserMessage({
        email: user.email,
        hash: user.hash,
        sourceId: String(index),
        sourceVersion: 1,
        profile: { given_name: 'Legacy' },
      });
      if (!message.ok) throw new Error(message.detail);
      await store.stage(message.message);
    }
    const { UserPool } = await cognito.send(
      new CreateUserPoolCommand({ PoolName: `legacy-${randomUUID()}`, UsernameAttributes: ['email'] }),
    );
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool?.Id ?? '',
        ClientName: 'login',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    clientId = UserPoolClient?.ClientId ?? '';
    poolId = UserPool?.Id ?? '';
  });

  it.each(FAMILIES)('migrates a %s user on first sign-in and returns tokens', async (scheme) => {
    // Prepare
    const user = users.find((candidate) => candidate.scheme === scheme) ?? users[0];
    if (user === undefined) throw new Error('no user');

    // Act
    const { AuthenticationResult } = await signIn(user.email.toUpperCase(), user.password);

    // Assess
    const claims = JSON.parse(
      Buffer.from((AuthenticationResult?.IdToken ?? '').split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(claims).toMatchObject({ email: user.email, token_use: 'id' });
    const { UserAttributes } = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: poolId, Username: user.email }),
    );
    expect(UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: user.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'given_name', Value: 'Legacy' },
      ]),
    );
    expect((await store.get(user.email))?.migratedAt).toBeDefined();
  });

  it('serves the second sign-in from Cognito alone: the trigger is not called', async () => {
    // Prepare
    const user = users[0];
    if (user === undefined) throw new Error('no user');
    await signIn(user.email, user.password).catch(() => undefined);
    const before = triggerInvocations();

    // Act
    const { AuthenticationResult } = await signIn(user.email, user.password);

    // Assess
    expect(AuthenticationResult?.AccessToken).toBeTruthy();
    expect(triggerInvocations()).toBe(before);
  });

  it('gives a wrong password and an unknown user the identical error', async () => {
    // Prepare
    const user = users[1];
    if (user === undefined) throw new Error('no user');

    // Act
    const fresh = createUserMessage({ email: `fresh-${user.email}`, hash: user.hash, sourceId: 'f', sourceVersion: 1 });
    if (!fresh.ok) throw new Error(fresh.detail);
    await store.stage(fresh.message);
    const failure = (attempt: Promise<unknown>) =>
      attempt.then(
        () => ({ name: 'no error', message: '' }),
        (error: Error) => ({ name: error.name, message: error.message }),
      );
    const wrongPassword = await failure(signIn(`fresh-${user.email}`, `${user.password}!`));
    const unknown = await failure(signIn(`nobody-${randomUUID()}@example.com`, user.password));

    // Assess
    expect(wrongPassword).toEqual(unknown);
    expect(unknown.name).toBe('NotAuthorizedException');
  });

  it('logs neither passwords nor hashes, and ends each invocation with its durations, numbers only', () => {
    // Assess: the Lambda endpoint's log, and cognito-local's, after every sign-in above.
    const logs = ['lambda.log', 'cognito.log']
      .map((file) => readFileSync(join(stackPaths().logsDir, file), 'utf8'))
      .join('\n');
    for (const user of users) {
      expect(logs).not.toContain(user.hash);
      expect(logs).not.toContain(user.password);
    }
    const handlerLines = readFileSync(join(stackPaths().logsDir, 'lambda.log'), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"service":"hashbridge-migration"'))
      .map((line) => JSON.parse(line) as { message: string; timestamp: string; durationsMs?: unknown })
      .filter((line) => line.timestamp >= began);
    const endings = handlerLines.filter((line) => ['user migrated', 'migration refused'].includes(line.message));
    // Every family migrated, plus the wrong password and the unknown user refused.
    expect(endings.length).toBeGreaterThanOrEqual(FAMILIES.length + 2);
    for (const line of endings) {
      expect(line.durationsMs).toEqual({
        lookup: expect.any(Number),
        verify: expect.any(Number),
        mark: expect.any(Number),
        total: expect.any(Number),
      });
    }
  });
});
