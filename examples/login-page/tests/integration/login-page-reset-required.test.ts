import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
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
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { serveLoginPage } from '../../serve.js';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse"): no uppercase letter, no digit. */
const WEAK = { password: 'correct horse', hash: '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S' };
const FUNCTION_NAME = 'hashbridge-user-migration-with-rule';

/**
 * A legacy user whose correct password fails the pool's rule is migrated with RESET_REQUIRED; the page must
 * tell them to reset it. The stack's Lambda has no rule, so a second cognito-local calls the Migration Lambda's
 * entry point loaded here with PASSWORD_STRENGTH_RULE set, reading the stack's DynamoDB API.
 */
describe('Login page in headless Chromium, for a legacy user whose password must be reset', () => {
  const env = inject('stackEnv');
  const local = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const stagingTable = `staging-${randomUUID()}`;
  const email = `weak-${randomUUID()}@example.com`;
  const workDir = mkdtempSync(join(tmpdir(), 'hashbridge-login-reset-'));
  const lambdaServer = createInvokeServer({
    [FUNCTION_NAME]: {
      timeoutMs: 5_000,
      load: async () => ((await import('@hashbridge/handlers/migration')) as { handler: LambdaHandler }).handler,
    },
  });
  let browser: Browser;
  let cognitoPid = -1;
  let pageServer: Server | undefined;
  let pageUrl = '';

  beforeAll(async () => {
    // The entry point reads its settings when it is first loaded, at the first invocation.
    vi.stubEnv('PASSWORD_STRENGTH_RULE', '{"minLength":8}');
    vi.stubEnv('STAGING_TABLE', stagingTable);
    vi.stubEnv('DYNAMODB_ENDPOINT', env.DYNAMODB_ENDPOINT ?? '');
    vi.stubEnv('AWS_REGION', 'local');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');

    const dynamo = new DynamoDBClient({ endpoint: env.DYNAMODB_ENDPOINT ?? '', ...local });
    await createLoaderTables(dynamo, { stagingTable, quarantineTable: `quarantine-${randomUUID()}` });
    const message = createUserMessage({ email, hash: WEAK.hash, sourceId: 'weak', sourceVersion: 1 });
    if (!message.ok) throw new Error(message.detail);
    await new DynamoDBStagedUserStore({ client: DynamoDBDocumentClient.from(dynamo), tableName: stagingTable }).stage(
      message.message,
    );

    await new Promise<void>((resolve) => lambdaServer.listen(0, '127.0.0.1', resolve));
    const started = await startCognitoLocal({
      port: await findFreePort(),
      workDir,
      logFile: join(workDir, 'cognito.log'),
      lambdaEndpoint: `http://127.0.0.1:${(lambdaServer.address() as AddressInfo).port}`,
      userMigrationFunction: FUNCTION_NAME,
    });
    cognitoPid = started.pid;
    const endpoint = started.env.COGNITO_ENDPOINT ?? '';
    const cognito = new CognitoIdentityProviderClient({ endpoint, ...local });
    const { UserPool } = await cognito.send(
      new CreateUserPoolCommand({ PoolName: `page-reset-${randomUUID()}`, UsernameAttributes: ['email'] }),
    );
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool?.Id ?? '',
        ClientName: 'login-page',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    const served = await serveLoginPage({ clientId: UserPoolClient?.ClientId ?? '', region: 'local', endpoint });
    pageServer = served.server;
    pageUrl = served.url;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    pageServer?.close();
    if (cognitoPid > 0) await stopProcessGroup(cognitoPid);
    await new Promise((resolve) => lambdaServer.close(resolve));
    rmSync(workDir, { recursive: true, force: true });
    vi.unstubAllEnvs();
  });

  it('tells the user to reset the password, and shows no tokens', async () => {
    // Prepare
    const page = await browser.newPage();
    await page.goto(pageUrl);

    // Act
    await page.fill('#email', email);
    await page.fill('#password', WEAK.password);
    await page.click('#submit');

    // Assess
    await expect
      .poll(() => page.textContent('#message'))
      .toBe('Your password must be reset before you can sign in. Use "Forgot password" to get a code.');
    expect(await page.isVisible('#result')).toBe(false);
  });
});
