import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createLoaderTables } from '@hashbridge/local-stack';

/** Clients for the stack's DynamoDB API (dynalite), and fresh tables so tests never share state. */
const dynamoDbForTest = async (endpoint: string) => {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const suffix = randomUUID().slice(0, 8);
  const stagingTable = `staging-${suffix}`;
  const quarantineTable = `quarantine-${suffix}`;
  await createLoaderTables(client, { stagingTable, quarantineTable });
  return { client, documents: DynamoDBDocumentClient.from(client), stagingTable, quarantineTable };
};

export { dynamoDbForTest };
