import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { LOCAL_AWS_REGION } from '../constants.js';
import { createInvokeServer } from '../lambda/invoke-server.js';
import { findFreePort } from '../ports.js';
import { stopProcessGroup } from '../process.js';
import { startCognitoLocal } from '../services/cognito.js';
import type { LambdaHandler } from '../types/lambda.js';

interface CognitoTriggerSandbox {
  /** cognito-local's endpoint, for SDK clients and the login page. */
  readonly endpoint: string;
  readonly cognito: CognitoIdentityProviderClient;
  readonly poolId: string;
  readonly clientId: string;
  /** cognito-local's working folder: its data is in `.cognito/db/<poolId>.json`. */
  readonly workDir: string;
  /** A first sign-in as apps make it (USER_PASSWORD_AUTH through the app client): the path to the trigger. */
  readonly signIn: (username: string, password: string) => Promise<InitiateAuthCommandOutput>;
  /** Stops cognito-local and the Invoke server and deletes the working folder. */
  readonly stop: () => Promise<void>;
}

const FUNCTION_NAME = 'hashbridge-user-migration-sandbox';

/**
 * A cognito-local of its own whose User Migration trigger calls the handler `load` returns, run in this process
 * behind an Invoke server of its own; with a user pool (email as user name) and an app client allowing
 * USER_PASSWORD_AUTH. For tests that need the Migration Lambda under settings other than the stack's (whose
 * cognito-local calls the stack's Lambda endpoint, started with the stack's environment).
 *
 * @example
 * const sandbox = await startCognitoTriggerSandbox({ load: async () => (await import('./migration.js')).handler });
 * // … InitiateAuth through sandbox.cognito with sandbox.clientId …
 * await sandbox.stop();
 */
const startCognitoTriggerSandbox = async (options: {
  readonly load: () => Promise<LambdaHandler>;
  readonly poolName?: string;
}): Promise<CognitoTriggerSandbox> => {
  const workDir = mkdtempSync(join(tmpdir(), 'hashbridge-cognito-sandbox-'));
  const lambdaServer = createInvokeServer({ [FUNCTION_NAME]: { timeoutMs: 5_000, load: options.load } });
  await new Promise<void>((resolve) => lambdaServer.listen(0, '127.0.0.1', resolve));
  let cognitoPid = -1;
  const stop = async (): Promise<void> => {
    if (cognitoPid > 0) await stopProcessGroup(cognitoPid);
    await new Promise((resolve) => lambdaServer.close(resolve));
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const started = await startCognitoLocal({
      port: await findFreePort(),
      workDir,
      logFile: join(workDir, 'cognito.log'),
      lambdaEndpoint: `http://127.0.0.1:${(lambdaServer.address() as AddressInfo).port}`,
      userMigrationFunction: FUNCTION_NAME,
    });
    cognitoPid = started.pid;
    const endpoint = started.env.COGNITO_ENDPOINT ?? '';
    const cognito = new CognitoIdentityProviderClient({
      endpoint,
      region: LOCAL_AWS_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const { UserPool } = await cognito.send(
      new CreateUserPoolCommand({ PoolName: options.poolName ?? 'sandbox', UsernameAttributes: ['email'] }),
    );
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool?.Id ?? '',
        ClientName: 'login',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    const clientId = UserPoolClient?.ClientId ?? '';
    return {
      endpoint,
      cognito,
      poolId: UserPool?.Id ?? '',
      clientId,
      workDir,
      signIn: (username, password) =>
        cognito.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: clientId,
            AuthParameters: { USERNAME: username, PASSWORD: password },
          }),
        ),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};

export type { CognitoTriggerSandbox };
export { startCognitoTriggerSandbox };
