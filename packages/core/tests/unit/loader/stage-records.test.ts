import { describe, expect, it } from 'vitest';
import {
  createUserMessage,
  type QuarantinedRecord,
  type StagedUserStore,
  stageRecords,
  type UserMessage,
} from '../../../src/index.js';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse") */
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';

/** An in-memory store with the same version rule as the DynamoDB adapter (pure unit test only). */
const memoryStore = (): StagedUserStore & { items: Map<string, UserMessage>; failNext: number } => {
  const items = new Map<string, UserMessage>();
  const store = {
    items,
    failNext: 0,
    stage: async (message: UserMessage) => {
      if (store.failNext > 0) {
        store.failNext--;
        throw new Error('ThrottlingException');
      }
      const current = items.get(message.email);
      if (current !== undefined && current.source.version >= message.source.version) return 'stale' as const;
      items.set(message.email, message);
      return 'staged' as const;
    },
    // Same rule as stage, one message after another (a fake for a pure unit test).
    stageMany: async (messages: readonly UserMessage[]) => {
      const outcomes: ('staged' | 'stale')[] = [];
      for (const message of messages) outcomes.push(await store.stage(message));
      return outcomes;
    },
    get: async () => undefined,
    markMigrated: async () => {},
    recordFailedSignIn: async () => {},
  };
  return store;
};

const messageFor = (email: string, version: number): UserMessage => {
  const result = createUserMessage({ email, hash: BCRYPT, sourceId: email, sourceVersion: version });
  if (!result.ok) throw new Error(result.detail);
  return result.message;
};

const record = (offset: number, value: unknown, key?: unknown) => ({
  topic: 'legacy-users',
  partition: 0,
  offset,
  key,
  value,
});

describe('Function: stageRecords', () => {
  it('stages valid records and quarantines poison ones with their coordinates, and goes on', async () => {
    // Prepare
    const store = memoryStore();
    const quarantined: QuarantinedRecord[] = [];
    const undecodable = {
      topic: 'legacy-users',
      partition: 2,
      offset: 9,
      get value(): unknown {
        throw new SyntaxError('Unexpected token');
      },
    };

    // Act
    const report = await stageRecords(
      [
        record(1, messageFor('ada@example.com', 1), 'ada@example.com'),
        undecodable,
        record(3, { ...messageFor('bob@example.com', 1), schemaVersion: 99 }),
        record(4, { ...messageFor('eve@example.com', 1), hash: 'nonsense' }),
        record(5, messageFor('carol@example.com', 1), 'mallory@example.com'),
        record(6, messageFor('dan@example.com', 1)),
      ],
      { store, quarantine: { put: async (entry) => void quarantined.push(entry) }, now: () => new Date(0) },
    );

    // Assess
    expect(report).toMatchObject({ staged: 2, stale: 0, quarantined: 4, failed: [] });
    expect([...store.items.keys()].sort()).toEqual(['ada@example.com', 'dan@example.com']);
    expect(quarantined.map(({ recordId, reason }) => [recordId, reason]).sort()).toEqual([
      ['legacy-users-0-3', 'unknown-schema-version'],
      ['legacy-users-0-4', 'schema-violation'],
      ['legacy-users-0-5', 'key-mismatch'],
      ['legacy-users-2-9', 'invalid-json'],
    ]);
    expect(JSON.stringify(quarantined)).not.toContain(BCRYPT);
  });

  it('keeps the newer version when an older one arrives later, and changes nothing on replay', async () => {
    // Prepare
    const store = memoryStore();
    const dependencies = { store, quarantine: { put: async () => {} } };
    const batch = [record(1, messageFor('ada@example.com', 5)), record(2, messageFor('ada@example.com', 3))];

    // Act
    const first = await stageRecords(batch, dependencies);
    const replay = await stageRecords(batch, dependencies);

    // Assess
    expect(first).toMatchObject({ staged: 1, stale: 1 });
    expect(replay).toMatchObject({ staged: 0, stale: 2 });
    expect(store.items.get('ada@example.com')?.source.version).toBe(5);
  });

  it('reports records that hit a transient failure, so they are delivered again', async () => {
    // Prepare
    const store = memoryStore();
    store.failNext = 1;

    // Act
    const report = await stageRecords([record(7, messageFor('ada@example.com', 1))], {
      store,
      quarantine: { put: async () => {} },
    });

    // Assess
    expect(report.staged).toBe(0);
    expect(report.failed.map(({ record: failed }) => failed.offset)).toEqual([7]);
  });
});
