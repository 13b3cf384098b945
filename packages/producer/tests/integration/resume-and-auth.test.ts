import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeEmail } from '@hashbridge/core';
import { readState, stackPaths } from '@hashbridge/local-stack';
import { Consumer, stringDeserializers } from '@platformatic/kafka';
import { Kafka, type KafkaConfig, logLevel, Partitioners, type PartitionMetadata } from 'kafkajs';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openProducerPorts, resolveProducerConfig, runProducer } from '../../src/index.js';
import { BAD_ROWS, seedLegacyUsers } from '../helpers/legacy-users.js';

const env = inject('stackEnv');
const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');

/** Every message on the topic, its key and partition (reads until the end offsets). */
const messagesOnTopic = async (config: KafkaConfig, topic: string): Promise<{ key: string; partition: number }[]> => {
  const kafka = new Kafka({ ...config, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const total = ends.reduce((sum, { high }) => sum + Number(high), 0);
  const consumer = kafka.consumer({ groupId: `check-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const messages: { key: string; partition: number }[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`read ${messages.length} of ${total}`)), 60_000);
    consumer
      .run({
        eachMessage: async ({ message, partition }) => {
          messages.push({ key: message.key?.toString() ?? '', partition });
          if (messages.length >= total) {
            clearTimeout(timer);
            resolve();
          }
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return messages;
};

/** Every key on the topic. */
const keysOnTopic = async (config: KafkaConfig, topic: string): Promise<string[]> =>
  (await messagesOnTopic(config, topic)).map((message) => message.key);

/** Kafka's compression codec ids, as the low three bits of a record batch's attributes. */
const KAFKA_CODEC_IDS = { none: 0, gzip: 1, snappy: 2, lz4: 3 } as const;

/**
 * The codecs of the record batches the stack's broker stored for `topic`, read from its log segments on disk
 * (record batch v2: batch length at byte 8, attributes at byte 21), so the test sees what was really sent.
 */
const codecsStoredFor = (topic: string): Set<number> => {
  const dataDir = readState(stackPaths())?.dataDir;
  if (dataDir === undefined) throw new Error('no local stack state: the tests run against `npm run stack:up`');
  const logDir = join(dataDir, 'kafka', 'data');
  const codecs = new Set<number>();
  const partitions = readdirSync(logDir).filter(
    (name) => name.startsWith(`${topic}-`) && /^\d+$/.test(name.slice(topic.length + 1)),
  );
  for (const partition of partitions) {
    for (const segment of readdirSync(join(logDir, partition)).filter((name) => name.endsWith('.log'))) {
      const log = readFileSync(join(logDir, partition, segment));
      for (let offset = 0; offset + 23 <= log.length; offset += 12 + log.readInt32BE(offset + 8)) {
        codecs.add(log.readInt16BE(offset + 21) & 0x7);
      }
    }
  }
  return codecs;
};

const runCli = (args: string[]) =>
  spawn(process.execPath, ['--import', TSX, CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** 6,000 users in a fresh table, and the CLI arguments of an export to a fresh topic in batches of 100. */
const resumableExport = async (progress: 'off' | 'lines') => {
  const { table, rows } = await seedLegacyUsers(env.DATABASE_URL ?? '', 6_000, { withBadRows: false });
  const topic = `legacy-users-${randomUUID()}`;
  const work = mkdtempSync(join(tmpdir(), 'hashbridge-resume-'));
  const checkpoint = join(work, 'checkpoint.json');
  const args = [
    '--table',
    table,
    '--topic',
    topic,
    '--create-topic',
    '--batch-size',
    '100',
    '--checkpoint',
    checkpoint,
  ];
  args.push('--rejects', join(work, 'rejects.jsonl'), '--progress', progress);
  return { rows, topic, checkpoint, args };
};

/** Waits until the checkpoint records at least `sent` messages. */
const checkpointReaches = async (checkpoint: string, sent: number): Promise<void> => {
  for (let waited = 0; waited < 60_000; waited += 20) {
    if (existsSync(checkpoint) && JSON.parse(readFileSync(checkpoint, 'utf8')).sent >= sent) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('Producer: resuming and authentication', () => {
  it('delivers every user after being killed with SIGKILL mid-run and started again', async () => {
    // Prepare
    const { rows, topic, checkpoint, args } = await resumableExport('off');

    // Act: kill the first run once it has checkpointed part of the export.
    const first = runCli(args);
    const exited = new Promise((resolve) => first.once('exit', resolve));
    await checkpointReaches(checkpoint, 500);
    first.kill('SIGKILL');
    await exited;
    const sentBeforeKill = JSON.parse(readFileSync(checkpoint, 'utf8')).sent as number;
    const second = runCli(args);
    const output: string[] = [];
    second.stdout.on('data', (chunk) => output.push(String(chunk)));
    const code = await new Promise((resolve) => second.once('exit', resolve));

    // Assess
    expect(sentBeforeKill).toBeGreaterThanOrEqual(500);
    expect(sentBeforeKill).toBeLessThan(6_000);
    expect(code).toBe(0);
    expect(output.join('')).toMatch(/resumed after id/);
    const messages = await messagesOnTopic({ brokers: [env.KAFKA_BROKERS ?? ''] }, topic);
    const keys = new Set(messages.map((message) => message.key));
    expect([...keys].sort()).toEqual(rows.map((row) => normalizeEmail(row.email)).sort());
    // Each user on the partition Kafka's Java-compatible rule gives its key (kafkajs's own implementation of it).
    const javaCompatible = Partitioners.DefaultPartitioner();
    const partitionMetadata: PartitionMetadata[] = Array.from({ length: 6 }, (_, partitionId) => ({
      partitionId,
      partitionErrorCode: 0,
      leader: 1,
      replicas: [1],
      isr: [1],
    }));
    for (const { key, partition } of messages) {
      expect(partition).toBe(javaCompatible({ topic, partitionMetadata, message: { key, value: null } }));
    }
  });

  it('reports each refused row exactly once across a SIGKILL and a resumed run', async () => {
    // Prepare: one row in 50 has no email, spread through the table so rejects are written all along.
    const { table, rows } = await seedLegacyUsers(env.DATABASE_URL ?? '', 3_000, { withBadRows: false });
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    await client.query(`UPDATE ${table} SET email = NULL WHERE id % 50 = 0`);
    await client.end();
    const work = mkdtempSync(join(tmpdir(), 'hashbridge-rejects-resume-'));
    const checkpoint = join(work, 'checkpoint.json');
    const rejects = join(work, 'rejects.jsonl');
    const topic = `legacy-users-${randomUUID()}`;
    const args = ['--table', table, '--topic', topic, '--create-topic', '--batch-size', '100'];
    args.push('--checkpoint', checkpoint, '--rejects', rejects, '--progress', 'off');

    // Act
    const first = runCli(args);
    const exited = new Promise((resolve) => first.once('exit', resolve));
    await checkpointReaches(checkpoint, 500);
    first.kill('SIGKILL');
    await exited;
    const code = await new Promise((resolve) => runCli(args).once('exit', resolve));

    // Assess
    expect(code).toBe(0);
    const reported = readFileSync(rejects, 'utf8')
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as { rowId: string; reason: string });
    const refusedIds = rows.filter((row) => row.id % 50 === 0).map((row) => String(row.id));
    expect(reported.map((entry) => entry.rowId)).toEqual(refusedIds);
    expect(new Set(reported.map((entry) => entry.reason))).toEqual(new Set(['invalid-email']));
    const keys = new Set(await keysOnTopic({ brokers: [env.KAFKA_BROKERS ?? ''] }, topic));
    expect([...keys].sort()).toEqual(
      rows
        .filter((row) => row.id % 50 !== 0)
        .map((row) => normalizeEmail(row.email))
        .sort(),
    );
  });

  it('stops once the batches in flight are acknowledged on SIGINT, with a checkpoint and exit code 130, and resumes', async () => {
    // Prepare
    const { rows, topic, checkpoint, args } = await resumableExport('lines');

    // Act
    const first = runCli(args);
    const output: string[] = [];
    first.stdout.on('data', (chunk) => output.push(String(chunk)));
    await checkpointReaches(checkpoint, 300);
    first.kill('SIGINT');
    const code = await new Promise((resolve) => first.once('exit', resolve));
    const stoppedAt = JSON.parse(readFileSync(checkpoint, 'utf8'));
    const second = runCli(args);
    const secondCode = await new Promise((resolve) => second.once('exit', resolve));

    // Assess
    expect(code).toBe(130);
    expect(output.join('')).toMatch(/^interrupted: read \d+ rows/m);
    expect(stoppedAt.sent).toBeLessThan(6_000);
    expect(secondCode).toBe(0);
    const keys = new Set(await keysOnTopic({ brokers: [env.KAFKA_BROKERS ?? ''] }, topic));
    expect(keys.size).toBe(rows.length);
  });

  it('sends over the SASL/SCRAM listener with the credentials from the environment', async () => {
    // Prepare
    const { table, rows } = await seedLegacyUsers(env.DATABASE_URL ?? '', 50, { withBadRows: false });
    const topic = `legacy-users-${randomUUID()}`;
    const work = mkdtempSync(join(tmpdir(), 'hashbridge-scram-'));
    const config = resolveProducerConfig(
      {
        table,
        topic,
        createTopic: true,
        auth: 'scram',
        tls: 'off',
        brokers: env.KAFKA_SASL_BROKERS,
        checkpoint: join(work, 'checkpoint.json'),
        rejects: join(work, 'rejects.jsonl'),
        progress: 'off',
      },
      env,
    );

    // Act
    const summary = await runProducer(config, await openProducerPorts(config));

    // Assess
    expect(summary.sent).toBe(50);
    const keys = await keysOnTopic(
      {
        brokers: [env.KAFKA_SASL_BROKERS ?? ''],
        sasl: {
          mechanism: 'scram-sha-512',
          username: env.KAFKA_SASL_USERNAME ?? '',
          password: env.KAFKA_SASL_PASSWORD ?? '',
        },
      },
      topic,
    );
    expect(keys.sort()).toEqual(rows.map((row) => normalizeEmail(row.email)).sort());
  });

  it('stops with the cause and what to check when no broker can be reached, keeping no checkpoint', async () => {
    // Prepare: nothing listens on port 1.
    const { table } = await seedLegacyUsers(env.DATABASE_URL ?? '', 20, { withBadRows: false });
    const work = mkdtempSync(join(tmpdir(), 'hashbridge-unreachable-'));
    const config = resolveProducerConfig(
      {
        table,
        brokers: '127.0.0.1:1',
        checkpoint: join(work, 'checkpoint.json'),
        rejects: join(work, 'rejects.jsonl'),
        progress: 'off',
      },
      env,
    );

    // Act
    const run = runProducer(config, await openProducerPorts(config));

    // Assess
    await expect(run).rejects.toThrow(/sending to Kafka failed: .*ECONNREFUSED 127\.0\.0\.1:1.*Check --brokers/);
    expect(existsSync(config.checkpoint)).toBe(false);
  }, 30_000);

  it('exits with code 2 and what to check, instead of hanging, when the source table does not exist', async () => {
    // Prepare
    const work = mkdtempSync(join(tmpdir(), 'hashbridge-no-table-'));
    const args = ['--table', 'no_such_users', '--topic', `never-${randomUUID()}`, '--progress', 'off'];
    args.push('--checkpoint', join(work, 'checkpoint.json'), '--rejects', join(work, 'rejects.jsonl'));

    // Act
    const cli = runCli(args);
    const stderr: string[] = [];
    cli.stderr.on('data', (chunk) => stderr.push(String(chunk)));
    const code = await new Promise((resolve) => cli.once('exit', resolve));

    // Assess
    expect(code).toBe(2);
    expect(stderr.join('')).toMatch(
      /^hashbridge-producer: cannot read the legacy users \(relation "no_such_users" does not exist\); check --database-url, --table/,
    );
  }, 30_000);

  it('says which --rejects path it cannot write', async () => {
    const { table } = await seedLegacyUsers(env.DATABASE_URL ?? '', 5, { withBadRows: false });
    const work = mkdtempSync(join(tmpdir(), 'hashbridge-bad-rejects-'));
    const notAFolder = join(work, 'file');
    writeFileSync(notAFolder, '');
    const config = resolveProducerConfig(
      {
        table,
        dryRun: true,
        checkpoint: join(work, 'c.json'),
        rejects: join(notAFolder, 'rejects.jsonl'),
        progress: 'off',
      },
      env,
    );

    await expect(runProducer(config, await openProducerPorts(config))).rejects.toThrow(
      /cannot write the rejects report .*choose another path with --rejects/,
    );
  });

  it.each(['gzip', 'lz4', 'snappy', 'none'] as const)(
    'sends with --compression %s, as the broker stores it, readable by another client',
    async (codec) => {
      // Prepare
      const { table, rows } = await seedLegacyUsers(env.DATABASE_URL ?? '', 300, { withBadRows: false });
      const topic = `legacy-users-${randomUUID()}`;
      const work = mkdtempSync(join(tmpdir(), `hashbridge-${codec}-`));
      const config = resolveProducerConfig(
        {
          table,
          topic,
          createTopic: true,
          compression: codec,
          checkpoint: join(work, 'checkpoint.json'),
          rejects: join(work, 'rejects.jsonl'),
          progress: 'off',
        },
        env,
      );

      // Act
      const summary = await runProducer(config, await openProducerPorts(config));

      // Assess: read back by @platformatic/kafka's consumer (kafkajs has no lz4 or snappy codec of its own).
      expect(summary.sent).toBe(300);
      const consumer = new Consumer({
        groupId: `check-${randomUUID()}`,
        clientId: 'check',
        bootstrapBrokers: [env.KAFKA_BROKERS ?? ''],
        deserializers: stringDeserializers,
      });
      const stream = await consumer.consume({ topics: [topic], mode: 'earliest' });
      const keys: string[] = [];
      for await (const message of stream) {
        keys.push(message.key);
        if (keys.length === rows.length) break;
      }
      await stream.close();
      await consumer.close(true);
      expect(keys.sort()).toEqual(rows.map((row) => normalizeEmail(row.email)).sort());
      expect(codecsStoredFor(topic)).toEqual(new Set([KAFKA_CODEC_IDS[codec]]));
    },
    60_000,
  );

  it('validates everything and sends nothing on a dry run', async () => {
    // Prepare
    const { table } = await seedLegacyUsers(env.DATABASE_URL ?? '', 20);
    const work = mkdtempSync(join(tmpdir(), 'hashbridge-dry-'));
    const config = resolveProducerConfig(
      {
        table,
        topic: `never-${randomUUID()}`,
        dryRun: true,
        checkpoint: join(work, 'checkpoint.json'),
        rejects: join(work, 'rejects.jsonl'),
        progress: 'off',
      },
      env,
    );

    // Act
    const summary = await runProducer(config, await openProducerPorts(config));

    // Assess
    expect(summary).toMatchObject({ read: 20 + BAD_ROWS.length, sent: 0, rejected: BAD_ROWS.length, dryRun: true });
    expect(existsSync(config.checkpoint)).toBe(false);
    const admin = new Kafka({ brokers: config.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    expect(await admin.listTopics()).not.toContain(config.topic);
    await admin.disconnect();
  });
});
