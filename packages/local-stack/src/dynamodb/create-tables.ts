import {
  CreateTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { QUARANTINE_TABLE, STAGING_TABLE } from '@hashbridge/core';

/** How long a new table may take to become ACTIVE, in seconds (seconds on AWS, an instant on dynalite). */
const TABLE_ACTIVE_TIMEOUT_S = 60;

/**
 * Creates the staging and quarantine tables (on-demand, the key schemas of core's contract) when they do not
 * exist, and returns once both are ACTIVE: for the local stack and tests. On AWS the CDK stack in
 * @hashbridge/infra owns them.
 */
const createLoaderTables = async (
  client: DynamoDBClient,
  names: { stagingTable?: string; quarantineTable?: string } = {},
): Promise<void> => {
  const tables: [string, string][] = [
    [names.stagingTable ?? STAGING_TABLE.name, STAGING_TABLE.partitionKey],
    [names.quarantineTable ?? QUARANTINE_TABLE.name, QUARANTINE_TABLE.partitionKey],
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
  // CreateTable answers while the table is still CREATING; a write before it is ACTIVE fails with
  // ResourceNotFoundException (dynalite too, under load). The SDK's waiter checks at once, then every second.
  for (const [tableName] of tables) {
    await waitUntilTableExists({ client, maxWaitTime: TABLE_ACTIVE_TIMEOUT_S, minDelay: 1 }, { TableName: tableName });
  }
};

export { createLoaderTables };
