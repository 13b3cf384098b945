import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@aws-lambda-powertools/logger';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { createUserMessage } from '@hashbridge/core';
import {
  createInvokeServer,
  createLoaderTables,
  findFreePort,
  type LambdaHandler,
  stopProcessGroup,
} from '@hashbridge/local-stack';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createMigrationHandler, SIGN_UP_REFUSAL } from '../../src/index.js';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse") */
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';
const LEGACY_PASSWORD = 'correct horse';
const NEW_PASSWORD = 'Squatter-Pass-2026';
const GUARD = 'hashbridge-pre-sign-up-test';
const MIGRATION = 'hashbridge-user-migration-test';

/**
 * A cognito-local of this file's own, with both triggers pointed at an Invoke server in this process. The local
 * stack's sandbox (startCognitoTriggerSandbox) configures the User Migration trigger only, so cognito-local is
 * started here the same way, as a child in its own process group, with a PreSignUp trigger too.
 */
const startCognitoWithTriggers = async (functions: Record<string, () => Promise<LambdaHandler>>) => {
  const workDir = mkdtempSync(join(tmpdir(), 'hashbridge-pre-sign-up-'));
  const server = createInvokeServer(
    Object.fromEntries(Object.entries(functions).map(([name, load]) => [name, { timeoutMs: 5_000, load }])),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = await findFreePort();
  const endpoint = `http://127.0.0.1:${port}`;
  mkdirSync(join(workDir, '.cognito'));
  writeFileSync(
    join(workDir, '.cognito', 'config.json'),
    JSON.stringify({
      LambdaClient: {
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        region: 'local',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      },
      TriggerFunctions: { PreSignUp: GUARD, UserMigration: MIGRATION },
      TokenConfig: { IssuerDomain: endpoint },
    }),
  );
  // cognito-local as the local stack resolves it (its dependency, not this package's).
  const fromLocalStack = createRequire(createRequire(import.meta.url).resolve('@hashbridge/local-stack'));
  const logFile = join(workDir, 'cognito.log');
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [fromLocalStack.resolve('cognito-local/lib/bin/start.js')], {
    cwd: workDir,
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1' },
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  child.unref();
  const stop = async () => {
    if (child.pid !== undefined) await stopProcessGroup(child.pid);
    await new Promise((resolve) => server.close(resolve));
    rmSync(workDir, { recursive: true, force: true });
  };
  for (let ready = false, waited = 0; !ready; waited += 100) {
    ready = await fetch(`${endpoint}/health`).then(
      () => true,
      () => false,
    );
    if (!ready && (waited > 30_000 || child.exitCode !== null)) {
      const tail = readFileSync(logFile, 'utf8');
      await stop();
      throw new Error(`cognito-local did not start:\n${tail}`);
    }
    if (!ready) await sleep(100);
  }
  return { endpoint, stop };
};

describe('PreSignUp guard behind cognito-local', () => {
  const env = inject('stackEnv');
  const local = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const dynamo = new DynamoDBClient({ endpoint: env.DYNAMODB_ENDPOINT ?? '', ...local });
  const tables = { stagingTable: `staging-${randomUUID()}`, quarantineTable: `quarantine-${randomUUID()}` };
  const store = new DynamoDBStagedUserStore({
    client: DynamoDBDocumentClient.from(dynamo),
    tableName: tables.stagingTable,
  });
  const legacyEmail = `ada-${randomUUID()}@example.com`;
  let cognito: CognitoIdentityProviderClient;
  let stopCognito: () => Promise<void> = async () => undefined;
  let clientId = '';

  const signUp = (email: string) =>
    cognito.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: email,
        Password: NEW_PASSWORD,
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );

  beforeAll(async () => {
    await createLoaderTables(dynamo, tables);
    const message = createUserMessage({ email: legacyEmail, hash: BCRYPT, sourceId: '1', sourceVersion: 1 });
    if (!message.ok) throw new Error(message.detail);
    await store.stage(message.message);

    // The guard runs as deployed: its entry module, configured by the environment at its cold start.
    vi.stubEnv('STAGING_TABLE', tables.stagingTable);
    vi.stubEnv('DYNAMODB_ENDPOINT', env.DYNAMODB_ENDPOINT ?? '');
    vi.stubEnv('AWS_REGION', 'local');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
    const started = await startCognitoWithTriggers({
      [GUARD]: async () => (await import('../../src/pre-sign-up.js')).handler as LambdaHandler,
      [MIGRATION]: async () =>
        createMigrationHandler({
          store,
          logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
        }) as LambdaHandler,
    });
    stopCognito = started.stop;
    cognito = new CognitoIdentityProviderClient({ endpoint: started.endpoint, ...local });
    const { UserPool } = await cognito.send(
      new CreateUserPoolCommand({ PoolName: 'self-sign-up', UsernameAttributes: ['email'] }),
    );
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool?.Id ?? '',
        ClientName: 'login',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    clientId = UserPoolClient?.ClientId ?? '';
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await stopCognito();
  });

  it("refuses a sign-up with a staged user's email, with the generic message and no internals", async () => {
    // Act
    const refusal = await signUp(legacyEmail.toUpperCase()).catch((error: Error) => error);

    // Assess
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as Error).name).toBe('UserLambdaValidationException');
    expect((refusal as Error).message).toContain(SIGN_UP_REFUSAL);
    expect((refusal as Error).message.toLowerCase()).not.toContain(legacyEmail);
  });

  it('lets a sign-up with an email nobody staged through', async () => {
    // Act
    const { UserSub, UserConfirmed } = await signUp(`new-${randomUUID()}@example.com`);

    // Assess
    expect(UserSub).toBeTruthy();
    expect(UserConfirmed).toBe(false);
  });

  it('leaves the address to its owner: the legacy user still migrates with the legacy password', async () => {
    // Prepare: someone tried to take the address first.
    await signUp(legacyEmail).catch(() => undefined);

    // Act
    const { AuthenticationResult } = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: legacyEmail, PASSWORD: LEGACY_PASSWORD },
      }),
    );

    // Assess
    expect(AuthenticationResult?.IdToken).toBeTruthy();
    expect((await store.get(legacyEmail))?.migratedAt).toBeDefined();
  });
});
