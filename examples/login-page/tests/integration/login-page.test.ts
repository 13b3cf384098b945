import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { createUserMessage } from '@hashbridge/core';
import { createLoaderTables, findFreePort } from '@hashbridge/local-stack';
import { PASSLIB_VECTORS_FILE } from '@hashbridge/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveLoginPage } from '../../serve.js';

/** A bcrypt hash made by passlib for "Tr0ub4dor&3" (core's known-answer vectors). */
const VECTOR = (
  JSON.parse(readFileSync(PASSLIB_VECTORS_FILE, 'utf8')) as {
    vectors: { scheme: string; hash: string; password: string; expected: unknown }[];
  }
).vectors.find((v) => v.scheme === 'bcrypt' && v.password === 'Tr0ub4dor&3' && v.expected === true);

/** Debian's Chromium, headless, with nothing reaching out to the network by itself. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('Login page in headless Chromium, against cognito-local and the migration trigger', () => {
  const env = inject('stackEnv');
  const local = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const email = `page-${randomUUID()}@example.com`;
  let browser: Browser;
  let clientId = '';
  const servers: Server[] = [];

  const openPage = async (endpoint: string): Promise<Page> => {
    const { server, url } = await serveLoginPage({ clientId, region: 'local', endpoint });
    servers.push(server);
    const page = await browser.newPage();
    await page.goto(url);
    return page;
  };

  const signIn = async (page: Page, user: string, password: string) => {
    await page.fill('#email', user);
    await page.fill('#password', password);
    await page.click('#submit');
  };

  beforeAll(async () => {
    if (VECTOR === undefined) throw new Error('no bcrypt vector');
    const dynamo = new DynamoDBClient({ endpoint: env.DYNAMODB_ENDPOINT ?? '', ...local });
    await createLoaderTables(dynamo);
    const message = createUserMessage({
      email,
      hash: VECTOR.hash,
      sourceId: 'page',
      sourceVersion: 1,
      profile: { given_name: 'Page' },
    });
    if (!message.ok) throw new Error(message.detail);
    await new DynamoDBStagedUserStore({ client: DynamoDBDocumentClient.from(dynamo) }).stage(message.message);
    const cognito = new CognitoIdentityProviderClient({ endpoint: env.COGNITO_ENDPOINT ?? '', ...local });
    const { UserPool } = await cognito.send(
      new CreateUserPoolCommand({ PoolName: `page-${randomUUID()}`, UsernameAttributes: ['email'] }),
    );
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool?.Id ?? '',
        ClientName: 'login-page',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    clientId = UserPoolClient?.ClientId ?? '';
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  });

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) server.close();
  });

  it('refuses a wrong password with a clear message', async () => {
    // Prepare
    const page = await openPage(env.COGNITO_ENDPOINT ?? '');

    // Act
    await signIn(page, email, 'not my password');

    // Assess
    await expect.poll(() => page.textContent('#message')).toBe('Incorrect email or password.');
    expect(await page.isVisible('#result')).toBe(false);
  });

  it('signs a legacy user in with the old password and shows the token claims', async () => {
    // Prepare
    const page = await openPage(env.COGNITO_ENDPOINT ?? '');

    // Act
    await signIn(page, email.toUpperCase(), VECTOR?.password ?? '');

    // Assess
    await page.waitForSelector('#result', { state: 'visible' });
    expect(await page.textContent('#claims')).toContain(email);
    await page.screenshot({ path: `${process.env.LOGIN_PAGE_SCREENSHOT ?? '/tmp/hashbridge-login-page.png'}` });
  });

  it('says when Cognito cannot be reached', async () => {
    // Prepare: nothing listens on this port.
    const page = await openPage(`http://127.0.0.1:${await findFreePort()}`);

    // Act
    await signIn(page, email, 'whatever');

    // Assess
    await expect.poll(() => page.textContent('#message')).toMatch(/^Cannot reach the sign-in service/);
  });

  it('says when Cognito cannot be reached while asking for a reset code, and stays on the email form', async () => {
    // Prepare: nothing listens on this port.
    const page = await openPage(`http://127.0.0.1:${await findFreePort()}`);

    // Act
    await page.click('#forgot');
    await page.fill('#reset-email', email);
    await page.click('#reset-request-submit');

    // Assess
    await expect.poll(() => page.textContent('#message')).toMatch(/^Cannot reach the sign-in service/);
    expect(await page.isVisible('#reset-request')).toBe(true);
    expect(await page.isVisible('#reset-confirm')).toBe(false);
  });

  it('asks for an email address before asking Cognito for a reset code', async () => {
    // Prepare
    const page = await openPage(env.COGNITO_ENDPOINT ?? '');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.headers()['x-amz-target'] ?? ''));

    // Act
    await page.click('#forgot');
    await page.fill('#reset-email', 'not an email');
    await page.click('#reset-request-submit');

    // Assess
    await expect.poll(() => page.textContent('#message')).toBe('Enter the email address you sign in with.');
    expect(requests).not.toContain('AWSCognitoIdentityProviderService.ForgotPassword');
  });
});
