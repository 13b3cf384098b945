import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createUserMessage, type StagingRecordSummary } from '@hashbridge/core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DynamoDBNativeImportLedger,
  DynamoDBStagedUserStore,
  DynamoDBStagingTableMaintenance,
} from '../../src/dynamodb/index.js';
import { dynamoDbForTest } from '../helpers/dynamodb.js';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse") */
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';

describe('Class: DynamoDBStagingTableMaintenance (against the DynamoDB API)', () => {
  let tables: Awaited<ReturnType<typeof dynamoDbForTest>>;
  let maintenance: DynamoDBStagingTableMaintenance;

  const scanAll = async (segments: number): Promise<StagingRecordSummary[]> => {
    const all: StagingRecordSummary[] = [];
    await maintenance.scan(segments, (page) => all.push(...page));
    return all.sort((a, b) => a.email.localeCompare(b.email));
  };

  beforeAll(async () => {
    tables = await dynamoDbForTest(inject('stackEnv').DYNAMODB_ENDPOINT ?? '');
    maintenance = new DynamoDBStagingTableMaintenance({
      client: tables.documents,
      tableName: tables.stagingTable,
      quarantineTableName: tables.quarantineTable,
    });
    const staged = new DynamoDBStagedUserStore({ client: tables.documents, tableName: tables.stagingTable });
    const messages = Array.from({ length: 250 }, (_, n) => {
      const result = createUserMessage({
        email: `user${n}@example.com`,
        hash: BCRYPT,
        sourceId: String(n),
        sourceVersion: 1,
      });
      if (!result.ok) throw new Error(result.detail);
      return result.message;
    });
    await staged.stageMany(messages);
    await staged.markMigrated('user1@example.com', new Date('2026-10-01T00:00:00Z'), new Date('2026-10-31T00:00:00Z'));
    await new DynamoDBNativeImportLedger({ client: tables.documents, tableName: tables.stagingTable }).record([
      {
        email: 'user2@example.com',
        scheme: 'bcrypt',
        algorithm: 'BCRYPT',
        importJobId: 'job',
        importedAt: '2026-12-01T00:00:00.000Z',
        sourceId: '2',
        sourceVersion: 1,
      },
    ]);
    await tables.documents.send(
      new PutCommand({
        TableName: tables.quarantineTable,
        Item: { recordId: 'legacy-users-0-7', reason: 'invalid-hash' },
      }),
    );
  });

  it('reads every item once across parallel segments, the same as one segment, and never hands out a hash', async () => {
    // Act
    const one = await scanAll(1);
    const four = await scanAll(4);

    // Assess
    expect(four).toHaveLength(250);
    expect(four).toEqual(one);
    expect(JSON.stringify(four)).not.toContain('$2b$');
    expect(four.find((item) => item.email === 'user1@example.com')).toMatchObject({
      lane: 'trigger',
      hasHash: true,
      migratedAt: '2026-10-01T00:00:00.000Z',
    });
    expect(four.find((item) => item.email === 'user2@example.com')).toMatchObject({
      lane: 'native',
      hasHash: false,
      importedAt: '2026-12-01T00:00:00.000Z',
    });
    expect(four.find((item) => item.email === 'user3@example.com')).toMatchObject({
      lane: 'trigger',
      hasHash: true,
      scheme: 'bcrypt',
    });
  });

  it('counts the quarantined records', async () => {
    expect(await maintenance.countQuarantined()).toBe(1);
  });

  it('removes the hash of a migrated user only, and keeps the record', async () => {
    // Act
    const removed = await maintenance.removeHashes(['user1@example.com', 'user3@example.com', 'user2@example.com']);

    // Assess
    expect(removed).toBe(1);
    const get = async (email: string) =>
      (await tables.documents.send(new GetCommand({ TableName: tables.stagingTable, Key: { email } }))).Item;
    expect(await get('user1@example.com')).not.toHaveProperty('hash');
    expect(await get('user1@example.com')).toHaveProperty('migratedAt');
    expect(await get('user3@example.com')).toHaveProperty('hash', BCRYPT);
    expect(await maintenance.removeHashes(['user1@example.com'])).toBe(0);
  });
});
