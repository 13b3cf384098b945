/**
 * The PreSignUp guard's entry point (`handler`), for a user pool with self sign-up. The client and the store are
 * built once at module scope and reused by every warm invocation; the handler body is one call.
 */

import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { createPreSignUpHandler } from './pre-sign-up/create-pre-sign-up-handler.js';
import { readPreSignUpConfig } from './pre-sign-up/pre-sign-up-config.js';

const config = readPreSignUpConfig(process.env);
// One GetItem per address inside Cognito's 5 s: a retry fits, a long backoff does not.
const documents = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    maxAttempts: 2,
    ...(config.DYNAMODB_ENDPOINT === undefined ? {} : { endpoint: config.DYNAMODB_ENDPOINT }),
  }),
);

const handler = createPreSignUpHandler({
  store: new DynamoDBStagedUserStore({ client: documents, tableName: config.STAGING_TABLE }),
  logger: new Logger({ serviceName: 'hashbridge-pre-sign-up' }),
});

export { handler };
