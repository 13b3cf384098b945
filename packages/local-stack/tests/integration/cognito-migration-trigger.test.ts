import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  NotAuthorizedException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { UserMigrationTriggerEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvokeServer, findFreePort, LOCAL_AWS_REGION, startCognitoLocal } from '../../src/index.js';
import { stopProcessGroup } from '../../src/process.js';

/**
 * cognito-local, started the way the stack starts it, with its User Migration trigger wired to an
 * Invoke endpoint of our own that serves a test trigger. This is the path the migration Lambda takes.
 */
describe('Service: Cognito API (cognito-local) with a User Migration trigger', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'hashbridge-cognito-test-'));
  const seenEvents: UserMigrationTriggerEvent[] = [];
  const lambdaServer = createInvokeServer({
    'test-user-migration': {
      load: async () => async (raw) => {
        const event = raw as UserMigrationTriggerEvent;
        seenEvents.push(event);
        if (event.userName !== 'legacy@example.com' || event.request.password !== 'correct horse battery') {
          throw new Error('Bad password');
        }
        event.response.userAttributes = { email: 'legacy@example.com', email_verified: 'true' };
        event.response.finalUserStatus = 'CONFIRMED';
        event.response.messageAction = 'SUPPRESS';
        return event;
      },
    },
  });
  let cognitoPid = -1;
  let cognito: CognitoIdentityProviderClient;
  let clientId = '';

  const signIn = (username: string, password: string) =>
    cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );

  beforeAll(async () => {
    await new Promise<void>((resolve) => lambdaServer.listen(0, '127.0.0.1', resolve));
    const lambdaPort = (lambdaServer.address() as AddressInfo).port;
    const started = await startCognitoLocal({
      port: await findFreePort(),
      workDir,
      logFile: join(workDir, 'cognito.log'),
      lambdaEndpoint: `http://127.0.0.1:${lambdaPort}`,
      userMigrationFunction: 'test-user-migration',
    });
    cognitoPid = started.pid;
    cognito = new CognitoIdentityProviderClient({
      endpoint: started.env.COGNITO_ENDPOINT ?? '',
      region: LOCAL_AWS_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const { UserPool } = await cognito.send(
      new CreateUserPoolCommand({ PoolName: 'legacy-users', UsernameAttributes: ['email'] }),
    );
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool?.Id ?? '',
        ClientName: 'login-page',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    clientId = UserPoolClient?.ClientId ?? '';
  });

  afterAll(async () => {
    if (cognitoPid > 0) await stopProcessGroup(cognitoPid);
    await new Promise((resolve) => lambdaServer.close(resolve));
    rmSync(workDir, { recursive: true, force: true });
  });

  it('migrates an unknown user through the trigger and returns tokens', async () => {
    // Act
    const { AuthenticationResult } = await signIn('legacy@example.com', 'correct horse battery');

    // Assess
    expect(seenEvents).toHaveLength(1);
    expect(seenEvents[0]).toMatchObject({
      triggerSource: 'UserMigration_Authentication',
      userName: 'legacy@example.com',
      request: { password: 'correct horse battery' },
    });
    const idToken = AuthenticationResult?.IdToken ?? '';
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ email: 'legacy@example.com', token_use: 'id' });
    expect(AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('serves the second sign-in from Cognito alone, without calling the trigger', async () => {
    // Prepare
    const callsBefore = seenEvents.length;

    // Act
    const { AuthenticationResult } = await signIn('legacy@example.com', 'correct horse battery');

    // Assess
    expect(AuthenticationResult?.IdToken).toBeTruthy();
    expect(seenEvents).toHaveLength(callsBefore);
  });

  it('answers NotAuthorizedException when the trigger rejects the password', async () => {
    // Act
    const attempt = signIn('someone-else@example.com', 'guess');

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotAuthorizedException);
    expect(seenEvents.at(-1)?.userName).toBe('someone-else@example.com');
  });
});
