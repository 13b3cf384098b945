/**
 * The Migration Lambda's entry point (`handler`): Cognito's User Migration trigger. Clients, settings and the
 * hash backends are chosen once at module scope (the init phase), so a warm invocation only reads DynamoDB and
 * verifies the hash.
 */

import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { METRICS, useHashBackends } from '@hashbridge/core';
import { createMigrationHandler } from './migration/create-migration-handler.js';
import { loadHashBackends } from './migration/load-hash-backends.js';
import { readMigrationConfig } from './migration/migration-config.js';

const config = readMigrationConfig(process.env);
// Native bcrypt and argon2 from the Lambda layer (or node_modules) when present; core alone runs portable ones.
useHashBackends(await loadHashBackends(config.HASHBRIDGE_HASH_BACKEND));
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
  logger: new Logger({ serviceName: METRICS.migration.service }),
  metrics: new Metrics({ namespace: METRICS.namespace, serviceName: METRICS.migration.service }),
  lockout: { threshold: config.LOCKOUT_THRESHOLD, maxLockSeconds: config.LOCKOUT_MAX_SECONDS },
  retentionDays: config.HASH_RETENTION_DAYS,
  dummyScheme: config.DUMMY_SCHEME,
  deadlineMarginMs: config.DEADLINE_MARGIN_MS,
  ...(config.PASSWORD_STRENGTH_RULE === undefined ? {} : { passwordRule: config.PASSWORD_STRENGTH_RULE }),
  ...(config.ATTRIBUTE_MAPPING === undefined ? {} : { attributeMapping: config.ATTRIBUTE_MAPPING }),
});

export { handler };
