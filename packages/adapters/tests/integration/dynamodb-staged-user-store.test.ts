import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createUserMessage, type UserMessage } from '@hashbridge/core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoDBQuarantineStore, DynamoDBStagedUserStore } from '../../src/dynamodb/index.js';
import { dynamoDbForTest } from '../helpers/dynamodb.js';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse") */
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';

const messageFor = (email: string, version: number, profile: Record<string, unknown> = {}): UserMessage => {
  const result = createUserMessage({
    email,
    hash: BCRYPT,
    sourceId: `row-${version}`,
    sourceVersion: version,
    profile,
  });
  if (!result.ok) throw new Error(result.detail);
  return result.message;
};

describe('Class: DynamoDBStagedUserStore (against the DynamoDB API)', () => {
  let store: DynamoDBStagedUserStore;
  let tables: Awaited<ReturnType<typeof dynamoDbForTest>>;

  beforeAll(async () => {
    tables = await dynamoDbForTest(inject('stackEnv').DYNAMODB_ENDPOINT ?? '');
    store = new DynamoDBStagedUserStore({
      client: tables.documents,
      tableName: tables.stagingTable,
      now: () => new Date('2026-11-25T12:00:00Z'),
    });
  });

  it('stages a user under the normalised email, with the hash verbatim', async () => {
    // Act
    const outcome = await store.stage(messageFor('Ada@Example.com', 1, { given_name: 'Ada' }));

    // Assess
    expect(outcome).toBe('staged');
    expect(await store.get(' ADA@example.com')).toEqual({
      email: 'ada@example.com',
      hash: BCRYPT,
      scheme: 'bcrypt',
      profile: { given_name: 'Ada' },
      sourceId: 'row-1',
      sourceVersion: 1,
      stagedAt: '2026-11-25T12:00:00.000Z',
      schemaVersion: 1,
    });
  });

  it('keeps a newer version against an older or repeated one', async () => {
    // Prepare
    await store.stage(messageFor('bob@example.com', 10));

    // Act
    const older = await store.stage(messageFor('bob@example.com', 9));
    const replay = await store.stage(messageFor('bob@example.com', 10));
    const newer = await store.stage(messageFor('bob@example.com', 11));

    // Assess
    expect([older, replay, newer]).toEqual(['stale', 'stale', 'staged']);
    expect((await store.get('bob@example.com'))?.sourceVersion).toBe(11);
  });

  it('marks a user migrated once with its expiry, and keeps both across a re-export', async () => {
    // Prepare
    await store.stage(messageFor('carol@example.com', 1));

    // Act
    await store.markMigrated('Carol@example.com', new Date('2026-11-26T08:00:00Z'), new Date('2026-12-26T08:00:00Z'));
    await store.markMigrated('carol@example.com', new Date('2026-11-27T08:00:00Z'), new Date('2026-12-27T08:00:00Z'));
    await store.stage(messageFor('carol@example.com', 2));

    // Assess: the expiry is the TTL attribute, in epoch seconds.
    expect(await store.get('carol@example.com')).toMatchObject({
      sourceVersion: 2,
      migratedAt: '2026-11-26T08:00:00.000Z',
      expiresAt: Date.parse('2026-12-26T08:00:00Z') / 1000,
    });
  });

  it('counts every one of many parallel failed sign-ins of one user, and the mark clears them', async () => {
    // Prepare
    await store.stage(messageFor('hal@example.com', 1));

    // Act
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.recordFailedSignIn('Hal@example.com', new Date(Date.UTC(2026, 11, 1, 9, 0, i)), true),
      ),
    );
    const counted = await store.get('hal@example.com');
    await store.recordFailedSignIn('hal@example.com', new Date('2026-12-01T09:59:00Z'), false);
    const uncounted = await store.get('hal@example.com');
    await store.markMigrated('hal@example.com', new Date('2026-12-01T10:00:00Z'), new Date('2026-12-31T10:00:00Z'));

    // Assess
    expect(counted?.failedSignIns).toBe(40);
    expect(counted?.lastFailedSignInAt).toMatch(/^2026-12-01T09:00:\d\d\.000Z$/);
    expect(uncounted).toEqual(counted);
    const marked = await store.get('hal@example.com');
    expect(marked?.failedSignIns).toBeUndefined();
    expect(marked?.lastFailedSignInAt).toBeUndefined();
  });

  it('never creates a record for a failed sign-in of an email that is not staged, and does not throw', async () => {
    await store.recordFailedSignIn('nobody@example.com', new Date(), true);
    await store.recordFailedSignIn('nobody@example.com', new Date(), false);
    expect(await store.get('nobody@example.com')).toBeUndefined();
  });

  it('stages a batch in input order: new users, newer versions, and stale ones left alone', async () => {
    // Prepare: dora is staged at 5 and migrated; erin is staged at 9.
    await store.stage(messageFor('dora@example.com', 5));
    await store.markMigrated('dora@example.com', new Date('2026-11-26T08:00:00Z'), new Date('2026-12-26T08:00:00Z'));
    await store.stage(messageFor('erin@example.com', 9));
    const batch = [
      messageFor('fay@example.com', 1),
      messageFor('dora@example.com', 6),
      messageFor('erin@example.com', 8),
      messageFor('gus@example.com', 2),
      messageFor('gus@example.com', 3),
      ...Array.from({ length: 120 }, (_, i) => messageFor(`bulk${i}@example.com`, 1)),
    ];

    // Act
    const outcomes = await store.stageMany(batch);

    // Assess
    expect(outcomes.slice(0, 5)).toEqual(['staged', 'staged', 'stale', 'stale', 'staged']);
    expect(outcomes.slice(5).every((outcome) => outcome === 'staged')).toBe(true);
    expect(await store.get('dora@example.com')).toMatchObject({
      sourceVersion: 6,
      migratedAt: '2026-11-26T08:00:00.000Z',
    });
    expect((await store.get('erin@example.com'))?.sourceVersion).toBe(9);
    expect((await store.get('gus@example.com'))?.sourceVersion).toBe(3);
    expect((await store.get('bulk119@example.com'))?.hash).toBe(BCRYPT);
    expect(await store.stageMany(batch)).toEqual(batch.map(() => 'stale'));
  });

  it('refuses to mark a user that was never staged', async () => {
    await expect(store.markMigrated('nobody@example.com', new Date(), new Date())).rejects.toThrow();
  });

  it('answers undefined for an unknown user', async () => {
    expect(await store.get('nobody@example.com')).toBeUndefined();
  });
});

describe('Class: DynamoDBQuarantineStore (against the DynamoDB API)', () => {
  it('keeps one item per record coordinates, without the value, with its expiry', async () => {
    // Prepare
    const tables = await dynamoDbForTest(inject('stackEnv').DYNAMODB_ENDPOINT ?? '');
    const quarantine = new DynamoDBQuarantineStore({ client: tables.documents, tableName: tables.quarantineTable });
    const record = {
      recordId: 'legacy-users-1-42',
      topic: 'legacy-users',
      partition: 1,
      offset: 42,
      reason: 'invalid-json' as const,
      detail: 'the value is not valid JSON',
      quarantinedAt: '2026-11-25T12:00:00.000Z',
      expiresAt: Date.parse('2026-12-25T12:00:00.000Z') / 1000,
    };

    // Act
    await quarantine.put(record);
    await quarantine.put(record);

    // Assess
    const { Items } = await tables.documents.send(new ScanCommand({ TableName: tables.quarantineTable }));
    expect(Items).toEqual([record]);
  });
});
