/**
 * The Migration Lambda's entry point (`handler`): Cognito's User Migration trigger. Clients and settings are
 * built once at module scope, so a warm invocation only reads DynamoDB and verifies the hash.
 */

import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBStagedUserStore } from '@hashbridge/adapters';
import { createMigrationHandler } from './migration/create-migration-handler.js';
import { readMigrationConfig } from './migration/migration-config.js';

const config = readMigrationConfig(process.env);
// Built once per execution environment, so warm invocations reuse its connection: the SDK's Node HTTP handler
// keeps sockets alive by default (benchmarks/migration-handler.ts counts the connections warm invocations open).
const documents = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    maxAttempts: 2,
    ...(config.DYNAMODB_ENDPOINT === undefined ? {} : { endpoint: config.DYNAMODB_ENDPOINT }),
  }),
);

const handler = createMigrationHandler({
  store: new DynamoDBStagedUserStore({ client: documents, tableName: config.STAGING_TABLE }),
  logger: new Logger({ serviceName: 'hashbridge-migration' }),
  dummyScheme: config.DUMMY_SCHEME,
  deadlineMarginMs: config.DEADLINE_MARGIN_MS,
  ...(config.PASSWORD_STRENGTH_RULE === undefined ? {} : { passwordRule: config.PASSWORD_STRENGTH_RULE }),
  ...(config.ATTRIBUTE_MAPPING === undefined ? {} : { attributeMapping: config.ATTRIBUTE_MAPPING }),
});

export { handler };
