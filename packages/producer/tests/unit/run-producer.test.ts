import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { type ProducerConfig, ProducerError, resolveProducerConfig, runProducer } from '../../src/index.js';
import { FakePublisher, FakeSource, legacyRows, MemoryCheckpointStore } from '../helpers/fake-ports.js';

/** Batches of 2 rows; the ports are fakes, so the connection settings are never used. */
const configFor = (overrides: Record<string, unknown> = {}): ProducerConfig => {
  const work = mkdtempSync(join(tmpdir(), 'hashbridge-run-producer-'));
  return resolveProducerConfig(
    {
      databaseUrl: 'postgres://unused',
      brokers: 'unused:9092',
      batchSize: 2,
      checkpoint: join(work, 'checkpoint.json'),
      rejects: join(work, 'rejects.jsonl'),
      progress: 'off',
      ...overrides,
    },
    {},
  );
};

const emailsOf = (ids: readonly string[]): string[] => ids.map((id) => `user${id}@example.com`);

describe('Function: runProducer', () => {
  it('sends batch n on lane n mod channels, one batch per lane and at most `channels` in flight', async () => {
    // Prepare
    const source = new FakeSource(legacyRows(20));
    const publisher = new FakePublisher(3, { autoAcknowledge: true });
    const checkpoints = new MemoryCheckpointStore();

    // Act
    const summary = await runProducer(configFor(), { source, publisher, checkpoints });

    // Assess
    expect(publisher.calls.map((call) => call.lane)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
    expect(publisher.maxInFlightPerLane).toBe(1);
    expect(publisher.maxInFlight).toBeLessThanOrEqual(3);
    expect(summary).toMatchObject({ read: 20, sent: 20, rejected: 0, interrupted: false });
    expect(checkpoints.current).toMatchObject({ lastId: '020', sent: 20 });
    expect(source.closed && publisher.closed).toBe(true);
  });

  it('keeps several batches in flight at once when the brokers are slow to answer', async () => {
    // Prepare
    const publisher = new FakePublisher(3);
    const run = runProducer(configFor(), {
      source: new FakeSource(legacyRows(6)),
      publisher,
      checkpoints: new MemoryCheckpointStore(),
    });

    // Act: nothing is acknowledged yet.
    await vi.waitFor(() => expect(publisher.calls).toHaveLength(3));

    // Assess
    expect(publisher.maxInFlight).toBe(3);
    for (const call of publisher.calls) call.acknowledge();
    await run;
  });

  it('moves the checkpoint past a batch only once it and every batch before it are acknowledged', async () => {
    // Prepare
    const publisher = new FakePublisher(3);
    const checkpoints = new MemoryCheckpointStore();
    const run = runProducer(configFor(), { source: new FakeSource(legacyRows(6)), publisher, checkpoints });
    await vi.waitFor(() => expect(publisher.calls).toHaveLength(3));
    const [first, second, third] = publisher.calls;

    // Act: acknowledgements arrive in reverse order.
    third?.acknowledge();
    second?.acknowledge();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const beforeFirst = checkpoints.written.length;
    first?.acknowledge();
    await run;

    // Assess
    expect(beforeFirst).toBe(0);
    expect(checkpoints.written.map((checkpoint) => checkpoint.lastId)).toEqual(['002', '004', '006']);
  });

  it('fails when batch n fails after batch n+1 succeeded, with the checkpoint still before batch n', async () => {
    // Prepare
    const publisher = new FakePublisher(3);
    const checkpoints = new MemoryCheckpointStore();
    const run = runProducer(configFor(), { source: new FakeSource(legacyRows(10)), publisher, checkpoints });
    const outcome = run.catch((error: unknown) => error);
    await vi.waitFor(() => expect(publisher.calls).toHaveLength(3));
    const [first, second, third] = publisher.calls;

    // Act
    first?.acknowledge();
    third?.acknowledge();
    second?.fail(new Error('NOT_ENOUGH_REPLICAS'));

    // Assess
    const error = await outcome;
    expect(error).toBeInstanceOf(ProducerError);
    expect((error as Error).message).toMatch(/^sending to Kafka failed: NOT_ENOUGH_REPLICAS\. Check --brokers/);
    expect(checkpoints.current?.lastId).toBe('002');
    expect(checkpoints.written.map((checkpoint) => checkpoint.lastId)).toEqual(['002']);
    expect(publisher.closed).toBe(true);
  });

  it('resumes a failed export from its checkpoint and delivers every user at least once', async () => {
    // Prepare: the first run fails on its second batch.
    const rows = legacyRows(10);
    const config = configFor();
    const checkpoints = new MemoryCheckpointStore();
    const failing = new FakePublisher(3);
    const firstRun = runProducer(config, { source: new FakeSource(rows), publisher: failing, checkpoints });
    const firstOutcome = firstRun.catch(() => 'failed');
    await vi.waitFor(() => expect(failing.calls).toHaveLength(3));
    failing.calls[0]?.acknowledge();
    failing.calls[2]?.acknowledge();
    failing.calls[1]?.fail(new Error('broker gone'));
    await firstOutcome;

    // Act
    const again = new FakePublisher(3, { autoAcknowledge: true });
    const summary = await runProducer(config, { source: new FakeSource(rows), publisher: again, checkpoints });

    // Assess: the second run starts at the failed batch; together the runs delivered everyone.
    expect(again.calls[0]?.keys).toEqual(emailsOf(['003', '004']));
    expect(summary).toMatchObject({ resumedFrom: '002', sent: 10 });
    const delivered = new Set([...failing.acknowledgedKeys, ...again.acknowledgedKeys]);
    expect([...delivered].sort()).toEqual(emailsOf(rows.map((row) => row.id)));
  });

  it('re-sends a batch Kafka acknowledged when the run died before its checkpoint was written', async () => {
    // Prepare: the second checkpoint write never happens (the process "dies" there).
    const rows = legacyRows(8);
    const config = configFor();
    const crashing = new MemoryCheckpointStore({ crashOnWrite: 2 });
    const firstPublisher = new FakePublisher(1, { autoAcknowledge: true });
    await expect(
      runProducer(config, { source: new FakeSource(rows), publisher: firstPublisher, checkpoints: crashing }),
    ).rejects.toThrow(/simulated crash/);
    const store = new MemoryCheckpointStore();
    if (crashing.current !== undefined) await store.write(crashing.current);

    // Act
    const secondPublisher = new FakePublisher(1, { autoAcknowledge: true });
    await runProducer(config, { source: new FakeSource(rows), publisher: secondPublisher, checkpoints: store });

    // Assess: batch 2 was acknowledged by Kafka in the first run and is sent again (at least once).
    expect(firstPublisher.acknowledgedKeys).toContain('user003@example.com');
    expect(secondPublisher.calls[0]?.keys).toEqual(emailsOf(['003', '004']));
    expect(store.current).toMatchObject({ lastId: '008', sent: 8 });
  });

  it('on abort (SIGINT) sends no new batch, waits for the ones in flight and checkpoints them', async () => {
    // Prepare
    const abort = new AbortController();
    const publisher = new FakePublisher(3);
    const checkpoints = new MemoryCheckpointStore();
    const run = runProducer(
      configFor(),
      { source: new FakeSource(legacyRows(20)), publisher, checkpoints },
      { signal: abort.signal },
    );
    await vi.waitFor(() => expect(publisher.calls).toHaveLength(3));

    // Act
    abort.abort();
    for (const call of publisher.calls) call.acknowledge();
    const summary = await run;

    // Assess
    expect(publisher.calls).toHaveLength(3);
    expect(summary).toMatchObject({ interrupted: true, read: 6, sent: 6 });
    expect(checkpoints.current?.lastId).toBe('006');
  });

  it('refuses, as unidentified, a hash no scheme reads exactly: in the rejects file, never its hash', async () => {
    // Prepare: garbage, and a bcrypt prefix without a bcrypt hash after it.
    const rows = legacyRows(4).map((row) =>
      row.id === '002'
        ? { ...row, hash: 'not a hash at all' }
        : row.id === '003'
          ? { ...row, hash: '$2b$12$cut' }
          : row,
    );
    const config = configFor();
    const publisher = new FakePublisher(2, { autoAcknowledge: true });

    // Act
    const summary = await runProducer(config, {
      source: new FakeSource(rows),
      publisher,
      checkpoints: new MemoryCheckpointStore(),
    });

    // Assess
    expect(summary).toMatchObject({ sent: 2, rejected: 2 });
    expect(publisher.acknowledgedKeys).toEqual(emailsOf(['001', '004']));
    const report = readFileSync(config.rejects, 'utf8');
    expect(
      report
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { rowId: '002', reason: 'unidentified', detail: expect.any(String) },
      { rowId: '003', reason: 'unidentified', detail: expect.any(String) },
    ]);
    expect(report).not.toContain('not a hash at all');
    expect(report).not.toContain('$2b$12$cut');
  });

  it('sends a Django scrypt hash under django_scrypt, the scheme whose format it is (issue 14)', async () => {
    // Prepare: Django 5.2's make_password("pässword", hasher="scrypt").
    const django =
      'scrypt$16384$j32mWELXNcWIGDv2Gg5MoE$8$5$Ll/Ok2CsScjBe0TWlPgqXXy2P6rzeJl+Vx0IlZlMQt79DWtUCqfJi+uHrbQLpd3bx00VmaDBCNUN6yVwFxALtw==';
    const rows = legacyRows(1).map((row) => ({ ...row, hash: django }));
    const publisher = new FakePublisher(1, { autoAcknowledge: true });

    // Act
    const summary = await runProducer(configFor(), {
      source: new FakeSource(rows),
      publisher,
      checkpoints: new MemoryCheckpointStore(),
    });

    // Assess
    expect(summary).toMatchObject({ sent: 1, rejected: 0 });
    expect(publisher.sentValues.map((value) => JSON.parse(value))).toMatchObject([
      { hash: django, scheme: 'django_scrypt' },
    ]);
  });

  it('refuses an empty hash as invalid-hash: there is nothing to identify', async () => {
    // Prepare
    const config = configFor();
    const rows = legacyRows(1).map((row) => ({ ...row, hash: '' }));

    // Act
    await runProducer(config, {
      source: new FakeSource(rows),
      publisher: new FakePublisher(1, { autoAcknowledge: true }),
      checkpoints: new MemoryCheckpointStore(),
    });

    // Assess
    expect(JSON.parse(readFileSync(config.rejects, 'utf8'))).toMatchObject({ rowId: '001', reason: 'invalid-hash' });
  });

  it('refuses a row whose account is disabled in the legacy table as disabled-account, and sends the rest', async () => {
    // Prepare
    const config = configFor();
    const rows = legacyRows(3).map((row) => (row.id === '002' ? { ...row, disabled: true } : row));
    const publisher = new FakePublisher(1, { autoAcknowledge: true });

    // Act
    const summary = await runProducer(config, {
      source: new FakeSource(rows),
      publisher,
      checkpoints: new MemoryCheckpointStore(),
    });

    // Assess
    expect(summary).toMatchObject({ sent: 2, rejected: 1 });
    expect(publisher.acknowledgedKeys).toEqual(emailsOf(['001', '003']));
    expect(JSON.parse(readFileSync(config.rejects, 'utf8'))).toMatchObject({
      rowId: '002',
      reason: 'disabled-account',
    });
  });

  it('in a dry run publishes nothing and writes no checkpoint', async () => {
    const checkpoints = new MemoryCheckpointStore();
    const summary = await runProducer(configFor({ dryRun: true }), {
      source: new FakeSource(legacyRows(5)),
      checkpoints,
    });
    expect(summary).toMatchObject({ dryRun: true, read: 5, sent: 0 });
    expect(checkpoints.written).toEqual([]);
  });
});
