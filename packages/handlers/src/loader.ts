/**
 * The Loader Lambda's entry point (`handler`). Everything is built once, at module scope, and reused
 * by every invocation of a warm function; the handler body is one call.
 */

import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBQuarantineStore, DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { METRICS } from '@hashbridge/core';
import { createLoaderHandler } from './loader/create-loader-handler.js';
import { readLoaderConfig } from './loader/loader-config.js';

const config = readLoaderConfig(process.env);
// The SDK retries throttling and timeouts with backoff; after the last attempt the batch fails and MSK retries it.
const documents = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    maxAttempts: 6,
    ...(config.DYNAMODB_ENDPOINT === undefined ? {} : { endpoint: config.DYNAMODB_ENDPOINT }),
  }),
);

const handler = createLoaderHandler({
  store: new DynamoDBStagedUserStore({ client: documents, tableName: config.STAGING_TABLE }),
  quarantine: new DynamoDBQuarantineStore({ client: documents, tableName: config.QUARANTINE_TABLE }),
  logger: new Logger({ serviceName: METRICS.loader.service }),
  metrics: new Metrics({ namespace: METRICS.namespace, serviceName: METRICS.loader.service }),
  reportBatchItemFailures: config.REPORT_BATCH_ITEM_FAILURES,
  concurrency: config.STAGING_CONCURRENCY,
  retentionDays: config.HASH_RETENTION_DAYS,
});

export { handler };
