// npm run start -w @hashbridge/login-amplify: the app on http://127.0.0.1:8081/ against the running local stack
// (npm run stack:up first), with a new user pool and one staged legacy user to sign in with. Ctrl-C stops it.
import { randomUUID } from 'node:crypto';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readEnvFile, stackPaths } from '@hashbridge/local-stack';
import { readPasslibVectors } from '@hashbridge/testing';
import { createAppUserPool, LOCAL_AWS, stageLegacyUser } from './local-setup.js';
import { serveLoginAmplify } from './serve.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** A bcrypt hash real passlib made for this password (core's known-answer vectors). */
const LEGACY = readPasslibVectors().find(
  (vector) => vector.scheme === 'bcrypt' && vector.password === 'Tr0ub4dor&3' && vector.expected === true,
);

const main = async (): Promise<void> => {
  if (LEGACY === undefined) throw new Error('no bcrypt vector in the passlib vectors');
  const env = readEnvFile(stackPaths().envFile);
  const cognitoEndpoint = env.COGNITO_ENDPOINT ?? '';
  const { userPoolId, userPoolClientId } = await createAppUserPool(
    new CognitoIdentityProviderClient({ endpoint: cognitoEndpoint, ...LOCAL_AWS }),
    `login-amplify-${randomUUID()}`,
  );
  const email = `legacy-${randomUUID().slice(0, 8)}@example.com`;
  await stageLegacyUser(new DynamoDBClient({ endpoint: env.DYNAMODB_ENDPOINT ?? '', ...LOCAL_AWS }), {
    email,
    hash: LEGACY.hash,
  });
  const { url } = await serveLoginAmplify(
    { userPoolId, userPoolClientId, userPoolEndpoint: cognitoEndpoint, migrationPeriod: true },
    Number(process.env.PORT ?? 8081),
  );
  process.stdout.write(`Amplify login app: ${url}\nPool ${userPoolId}, client ${userPoolClientId}.\n`);
  process.stdout.write(`Sign in as ${email} with the legacy password ${LEGACY.password}. Ctrl-C stops it.\n`);
};

main().catch((error: unknown) => {
  const hint =
    error instanceof Error && 'code' in error && error.code === 'ENOENT' ? ' (is the stack up? npm run stack:up)' : '';
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}${hint}\n`);
  process.exitCode = 1;
});
