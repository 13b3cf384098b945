import { randomUUID } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { LOCAL_AWS_REGION } from '../../src/index.js';

describe('Service: DynamoDB API (dynalite)', () => {
  const env = inject('stackEnv');
  const client = new DynamoDBClient({
    endpoint: env.DYNAMODB_ENDPOINT ?? '',
    region: LOCAL_AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const documents = DynamoDBDocumentClient.from(client);

  it('creates a table, writes conditionally and reads the item back', async () => {
    // Prepare
    const tableName = `smoke-${randomUUID()}`;
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'email', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    // CreateTable answers while the table is CREATING; dynalite makes it ACTIVE at once, but asynchronously.
    await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1 }, { TableName: tableName });
    const onlyIfNew = { ConditionExpression: 'attribute_not_exists(email)' };

    // Act
    await documents.send(
      new PutCommand({ TableName: tableName, Item: { email: 'ada@example.com', version: 1 }, ...onlyIfNew }),
    );
    const secondWrite = documents.send(
      new PutCommand({ TableName: tableName, Item: { email: 'ada@example.com', version: 2 }, ...onlyIfNew }),
    );

    // Assess
    await expect(secondWrite).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: { email: 'ada@example.com' } }));
    expect(Item).toEqual({ email: 'ada@example.com', version: 1 });
  });
});
