import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createUserMessage, type NativeImportEntry, type UserMessage } from '@hashbridge/core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoDBNativeImportLedger, DynamoDBStagedUserStore } from '../../src/dynamodb/index.js';
import { dynamoDbForTest } from '../helpers/dynamodb.js';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse") */
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';

const messageFor = (email: string, version: number): UserMessage => {
  const result = createUserMessage({ email, hash: BCRYPT, sourceId: `row-${version}`, sourceVersion: version });
  if (!result.ok) throw new Error(result.detail);
  return result.message;
};

const entryFor = (email: string, version: number): NativeImportEntry => ({
  email,
  scheme: 'bcrypt',
  algorithm: 'BCRYPT',
  importJobId: 'import-job-1',
  importedAt: '2026-12-03T09:00:00.000Z',
  sourceId: `row-${version}`,
  sourceVersion: version,
});

describe('Class: DynamoDBNativeImportLedger (against the DynamoDB API)', () => {
  let ledger: DynamoDBNativeImportLedger;
  let staged: DynamoDBStagedUserStore;
  let tables: Awaited<ReturnType<typeof dynamoDbForTest>>;

  const itemOf = async (email: string) =>
    (await tables.documents.send(new GetCommand({ TableName: tables.stagingTable, Key: { email } }))).Item;

  beforeAll(async () => {
    tables = await dynamoDbForTest(inject('stackEnv').DYNAMODB_ENDPOINT ?? '');
    ledger = new DynamoDBNativeImportLedger({ client: tables.documents, tableName: tables.stagingTable });
    staged = new DynamoDBStagedUserStore({ client: tables.documents, tableName: tables.stagingTable });
  });

  it('records an imported user with the job and source version, and no hash', async () => {
    // Act
    await ledger.record([entryFor('ada@example.com', 7)]);

    // Assess
    expect(await itemOf('ada@example.com')).toEqual({
      email: 'ada@example.com',
      lane: 'native',
      scheme: 'bcrypt',
      algorithm: 'BCRYPT',
      importJobId: 'import-job-1',
      importedAt: '2026-12-03T09:00:00.000Z',
      sourceId: 'row-7',
      sourceVersion: 7,
    });
  });

  it('removes the hash of a user the pipeline had staged, once Cognito imported them', async () => {
    // Prepare
    await staged.stage(messageFor('bob@example.com', 3));

    // Act
    await ledger.record([entryFor('bob@example.com', 3)]);

    // Assess
    const item = await itemOf('bob@example.com');
    expect(item).toMatchObject({ lane: 'native', sourceVersion: 3 });
    expect(item).not.toHaveProperty('hash');
    expect(await staged.get('bob@example.com')).toBeUndefined();
  });

  it('leaves a user who migrated through the trigger as they are', async () => {
    // Prepare
    await staged.stage(messageFor('cleo@example.com', 1));
    await staged.markMigrated('cleo@example.com', new Date('2026-12-01T00:00:00Z'), new Date('2026-12-31T00:00:00Z'));

    // Act
    await ledger.record([entryFor('cleo@example.com', 1)]);

    // Assess
    const item = await itemOf('cleo@example.com');
    expect(item).toMatchObject({ hash: BCRYPT, migratedAt: '2026-12-01T00:00:00.000Z' });
    expect(item).not.toHaveProperty('lane');
  });

  it('keeps the Loader from staging an imported user again from an export of the same row', async () => {
    // Prepare
    await ledger.record([entryFor('dan@example.com', 5)]);

    // Act
    const outcomes = await staged.stageMany([messageFor('dan@example.com', 5)]);

    // Assess
    expect(outcomes).toEqual(['stale']);
    expect(await itemOf('dan@example.com')).not.toHaveProperty('hash');
    expect(await staged.get('dan@example.com')).toBeUndefined();
  });

  it('names the users already in Cognito: imported, or migrated through the trigger', async () => {
    // Prepare
    await staged.stage(messageFor('eve@example.com', 1));

    // Act
    const found = await ledger.alreadyInCognito([
      'ada@example.com',
      'cleo@example.com',
      'eve@example.com',
      'nobody@example.com',
    ]);

    // Assess
    expect([...found].sort()).toEqual(['ada@example.com', 'cleo@example.com']);
  });
});
