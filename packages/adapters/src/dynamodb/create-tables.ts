import { CreateTableCommand, type DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { DEFAULT_QUARANTINE_TABLE, DEFAULT_STAGING_TABLE } from '../constants.js';

/**
 * Creates the staging and quarantine tables (on-demand, string partition keys) when they do not exist: for
 * the local stack and tests. On AWS the CDK stack in @hashbridge/infra owns them.
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
};

export { createLoaderTables };
