import {
  type CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { createUserMessage } from '@hashbridge/core';
import { createLoaderTables } from '@hashbridge/local-stack';

/** Settings of the local stack's services, for the start script and the tests. */
const LOCAL_AWS = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } as const;

/**
 * A user pool on the stack's cognito-local as the migration needs it: email as the user name, and an app client
 * with no secret allowing both USER_PASSWORD_AUTH (first sign-ins, which reach the trigger) and SRP (afterwards),
 * as the reference stack's client does.
 */
const createAppUserPool = async (
  cognito: CognitoIdentityProviderClient,
  poolName: string,
): Promise<{ userPoolId: string; userPoolClientId: string }> => {
  const { UserPool } = await cognito.send(
    new CreateUserPoolCommand({ PoolName: poolName, UsernameAttributes: ['email'] }),
  );
  const { UserPoolClient } = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: UserPool?.Id ?? '',
      ClientName: 'login-amplify',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  return { userPoolId: UserPool?.Id ?? '', userPoolClientId: UserPoolClient?.ClientId ?? '' };
};

/** Stages a legacy user in the stack's staging table, as the Loader would: the trigger finds it at first sign-in. */
const stageLegacyUser = async (dynamo: DynamoDBClient, user: { email: string; hash: string }): Promise<void> => {
  await createLoaderTables(dynamo);
  const message = createUserMessage({ email: user.email, hash: user.hash, sourceId: user.email, sourceVersion: 1 });
  if (!message.ok) throw new Error(message.detail);
  await new DynamoDBStagedUserStore({ client: DynamoDBDocumentClient.from(dynamo) }).stage(message.message);
};

export { createAppUserPool, LOCAL_AWS, stageLegacyUser };
