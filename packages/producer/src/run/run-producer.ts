import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createUserMessage, type UserMessage } from '@hashbridge/core';
import type { ProducerConfig } from '../config.js';
import { RejectThresholdError } from '../errors.js';
import { createTopic } from '../sink/kafka-client.js';
import { KafkaSinkThread } from '../sink/kafka-sink-thread.js';
import { type LegacyRow, UserSource } from '../source/user-source.js';
import { readCheckpoint, writeCheckpoint } from './checkpoint.js';
import { createProgress, type Progress } from './progress.js';
import { RejectsFile } from './rejects-file.js';

interface ProducerSummary {
  /** Rows this run read (after the checkpoint it resumed from). */
  readonly read: number;
  /** Messages acknowledged by Kafka, in total over every run of this export. */
  readonly sent: number;
  /** Rows refused, in total over every run of this export; each is a line of the rejects file. */
  readonly rejected: number;
  readonly resumedFrom?: string;
  readonly interrupted: boolean;
  readonly dryRun: boolean;
  readonly seconds: number;
}

interface RunProducerOptions {
  /** Aborting stops once the batches in flight are acknowledged and checkpointed (SIGINT). */
  readonly signal?: AbortSignal;
  /** Start again from the first row, ignoring any checkpoint. */
  readonly restart?: boolean;
  readonly progressStream?: NodeJS.WriteStream;
}

/** What identifies "the same export", so a checkpoint is never applied to another one. */
const exportKeyOf = (config: ProducerConfig): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        config.topic,
        config.query ?? config.table,
        config.idColumn,
        config.emailColumn,
        config.hashColumn,
        config.profileColumn,
        config.versionColumn,
        config.shard ?? null,
      ]),
    )
    .digest('hex')
    .slice(0, 16);

/**
 * Yields what `source` yields, asking for the next item while the caller is busy with the current one: the
 * next batch is read from PostgreSQL while the current one is being sent to Kafka.
 */
async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done === true) return;
      next = iterator.next();
      yield result.value;
    }
  } finally {
    // Stopped early: let the read in flight settle before the cursor is closed.
    await next.catch(() => undefined);
    await iterator.return?.();
  }
}

/** A jsonb column arrives parsed; a text column holding JSON is parsed here. */
const profileOf = (raw: unknown): Record<string, unknown> | null | 'invalid' => {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') {
    try {
      return profileOf(JSON.parse(raw));
    } catch {
      return 'invalid';
    }
  }
  return typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : 'invalid';
};

/** One batch of rows, turned into what is sent and what is refused. */
interface PreparedBatch {
  /** Kafka keys (normalised emails) and values (JSON messages) of the rows sent, in row order. */
  readonly keys: string[];
  readonly values: string[];
  /** Lines for the rejects file, one per refused row. */
  readonly refused: string[];
  readonly read: number;
  readonly lastId: string | undefined;
}

type RowOutcome = { readonly message: UserMessage } | { readonly reason: string; readonly detail: string };

/** The message for one row, or why the row is refused. Never carries the hash into a reason. */
const messageOf = (row: LegacyRow): RowOutcome => {
  if (row.collides) {
    return { reason: 'email-collision', detail: 'another row has the same email once trimmed and lower-cased' };
  }
  if (typeof row.email !== 'string' || row.email.trim() === '')
    return { reason: 'invalid-email', detail: 'email is missing' };
  if (typeof row.hash !== 'string' || row.hash === '')
    return { reason: 'invalid-hash', detail: 'password hash is missing' };
  const profile = profileOf(row.profile);
  if (profile === 'invalid') return { reason: 'invalid-profile', detail: 'profile is not a JSON object' };
  const result = createUserMessage({
    email: row.email,
    hash: row.hash,
    profile,
    sourceId: row.id,
    sourceVersion: row.version,
  });
  if (result.ok) return { message: result.message };
  const field = result.detail.split(':')[0] ?? 'row';
  return { reason: `invalid-${field.split('.')[0]}`, detail: result.detail };
};

const prepareBatch = (rows: readonly LegacyRow[]): PreparedBatch => {
  const keys: string[] = [];
  const values: string[] = [];
  const refused: string[] = [];
  for (const row of rows) {
    const outcome = messageOf(row);
    if ('message' in outcome) {
      keys.push(outcome.message.email);
      values.push(JSON.stringify(outcome.message));
    } else {
      refused.push(`${JSON.stringify({ rowId: row.id, reason: outcome.reason, detail: outcome.detail })}\n`);
    }
  }
  return { keys, values, refused, read: rows.length, lastId: rows.at(-1)?.id };
};

/**
 * Streams the legacy users to Kafka: one JSON message per user, keyed by the normalised email, from one
 * consistent snapshot, in batches acknowledged by all in-sync replicas (idempotent producers, gzip), several
 * in flight at once. Once a batch and every batch before it are acknowledged a checkpoint is written, so a run
 * killed at any moment — SIGKILL included — and started again delivers every user (at least once: the
 * loader's staging is idempotent). Refused rows go to the rejects file with their id and reason, never their
 * hash.
 */
const runProducer = async (config: ProducerConfig, options: RunProducerOptions = {}): Promise<ProducerSummary> => {
  const started = performance.now();
  const exportKey = exportKeyOf(config);
  if (options.restart === true) rmSync(config.checkpoint, { force: true });
  const checkpoint = config.dryRun ? undefined : readCheckpoint(config.checkpoint, exportKey);
  let lastId = checkpoint?.lastId;
  let sent = checkpoint?.sent ?? 0;
  let rejected = checkpoint?.rejected ?? 0;
  let read = 0;
  let interrupted = false;

  const source = await UserSource.open(config.databaseUrl, config);
  let sink: KafkaSinkThread | undefined;
  let rejects: RejectsFile | undefined;

  /** After a batch is acknowledged (and every batch before it): its rejects, the checkpoint, the progress. */
  const record = async (batch: PreparedBatch, progress: Progress): Promise<void> => {
    rejected += batch.refused.length;
    await rejects?.append(batch.refused);
    sent += config.dryRun ? 0 : batch.keys.length;
    read += batch.read;
    lastId = batch.lastId ?? lastId;
    if (!config.dryRun && lastId !== undefined) {
      await writeCheckpoint(config.checkpoint, {
        exportKey,
        lastId,
        sent,
        rejected,
        rejectsBytes: rejects?.bytes ?? 0,
        updatedAt: new Date().toISOString(),
      });
    }
    progress.update(read);
    if (config.maxRejects !== undefined && rejected > config.maxRejects) {
      throw new RejectThresholdError(
        `${rejected} rows were rejected, more than --max-rejects ${config.maxRejects}; see ${config.rejects}`,
      );
    }
  };

  // Up to `batchesInFlight` batches are in flight, batch n on producer n mod batchesInFlight, while the next
  // is read and validated: each batch waits a round trip to the brokers, and a producer sends one batch at a
  // time. Acknowledgements may come in any order, but each batch is recorded (rejects, checkpoint) only after
  // it and every batch before it, so the checkpoint never passes an unacknowledged row. A user is in one
  // batch of an export only, so batches crossing each other cannot reorder a user's messages.
  let recorded: Promise<void> = Promise.resolve();
  const window: Promise<void>[] = [];
  let batchNumber = 0;
  try {
    rejects = await RejectsFile.open(config.rejects, checkpoint?.rejectsBytes);
    if (!config.dryRun) {
      if (config.createTopic) {
        await createTopic(config, {
          name: config.topic,
          partitions: config.partitions,
          replicationFactor: config.replicationFactor,
        });
      }
      sink = new KafkaSinkThread(config);
    }
    const total = await source.count(lastId);
    const progress = createProgress(total, config.progress, options.progressStream);

    for await (const rows of readAhead(source.batches(lastId, config.batchSize))) {
      const batch = prepareBatch(rows);
      // The producer this batch goes to is free once the batch it sent before is recorded.
      if (window.length >= config.batchesInFlight) await window.shift();
      if (options.signal?.aborted === true) {
        interrupted = true;
        break;
      }
      const producer = batchNumber++ % config.batchesInFlight;
      const acknowledged =
        sink === undefined || batch.keys.length === 0
          ? Promise.resolve()
          : sink.send(producer, config.topic, batch.keys, batch.values);
      // Chained, not Promise.all: a failed batch settles only after the batches before it are recorded.
      recorded = recorded.then(() => acknowledged).then(() => record(batch, progress));
      // A failure is raised by an `await` of the window or of `recorded`; until then it is not unhandled.
      acknowledged.catch(() => undefined);
      recorded.catch(() => undefined);
      window.push(recorded);
    }
    await recorded;
    if (!interrupted && options.signal?.aborted === true) interrupted = read < total;
    progress.finish(read);
  } finally {
    await recorded.catch(() => undefined);
    await rejects?.close();
    await sink?.close();
    await source.close();
  }
  return {
    read,
    sent,
    rejected,
    ...(checkpoint === undefined ? {} : { resumedFrom: checkpoint.lastId }),
    interrupted,
    dryRun: config.dryRun,
    seconds: (performance.now() - started) / 1000,
  };
};

export type { ProducerSummary, RunProducerOptions };
export { runProducer };
