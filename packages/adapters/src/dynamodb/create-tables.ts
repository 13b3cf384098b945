import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { DEFAULT_QUARANTINE_TABLE, DEFAULT_STAGING_TABLE } from '../constants.js';
import { AdapterError } from '../errors.js';

/** How long a new table may take to become ACTIVE (seconds on AWS, an instant on dynalite). */
const TABLE_ACTIVE_TIMEOUT_MS = 60_000;

/**
 * Waits until the table accepts reads and writes: CreateTable answers while the table is still CREATING, and
 * a write before it is ACTIVE fails with ResourceNotFoundException (dynalite too, under load).
 */
const waitUntilActive = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  const deadline = Date.now() + TABLE_ACTIVE_TIMEOUT_MS;
  for (let delay = 25; ; delay = Math.min(delay * 2, 1000)) {
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (Table?.TableStatus === 'ACTIVE') return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    if (Date.now() > deadline) {
      throw new AdapterError(`table ${tableName} did not become ACTIVE within ${TABLE_ACTIVE_TIMEOUT_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
};

/**
 * Creates the staging and quarantine tables (on-demand, string partition keys) when they do not exist, and
 * returns once both are ACTIVE: for the local stack and tests. On AWS the CDK stack in @hashbridge/infra owns
 * them.
 */
const createLoaderTables = async (
  client: DynamoDBClient,
  names: { stagingTable?: string; quarantineTable?: string } = {},
): Promise<void> => {
  const tables: [string, string][] = [
    [names.stagingTable ?? DEFAULT_STAGING_TABLE, 'email'],
    [names.quarantineTable ?? DEFAULT_QUARANTINE_TABLE, 'recordId'],
  ];
  for (const [tableName, key] of tables) {
    try {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
  }
  for (const [tableName] of tables) await waitUntilActive(client, tableName);
};

export { createLoaderTables };
