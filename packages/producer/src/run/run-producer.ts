import { createHash } from 'node:crypto';
import type { LegacySourceRow, LegacyUserSource, MessagePublisher } from '@hashbridge/core';
import type { ProducerConfig } from '../config.js';
import { ProducerError, RejectThresholdError } from '../errors.js';
import { type CheckpointStore, fileCheckpointStore } from './checkpoint.js';
import { createProgress, type Progress } from './progress.js';
import { RejectsFile } from './rejects-file.js';
import { rowOutcome } from './row-outcome.js';

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

/**
 * What a run reads from and sends to. `runProducer` takes them over: it closes the source and the publisher
 * when it ends, however it ends.
 */
interface ProducerPorts {
  readonly source: LegacyUserSource;
  /** Where the messages go; none for a dry run. Its `channels` is how many batches are in flight at once. */
  readonly publisher?: MessagePublisher;
  /** @default the JSON file at `config.checkpoint` */
  readonly checkpoints?: CheckpointStore;
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

const prepareBatch = (rows: readonly LegacySourceRow[]): PreparedBatch => {
  const keys: string[] = [];
  const values: string[] = [];
  const refused: string[] = [];
  for (const row of rows) {
    const outcome = rowOutcome(row);
    if ('message' in outcome) {
      keys.push(outcome.message.email);
      values.push(JSON.stringify(outcome.message));
    } else {
      refused.push(`${JSON.stringify({ rowId: row.id, reason: outcome.reason, detail: outcome.detail })}\n`);
    }
  }
  return { keys, values, refused, read: rows.length, lastId: rows.at(-1)?.id };
};

/** A failed batch, with what the operator can check; the adapter's own error stays as the cause. */
const publishFailed = (error: unknown): ProducerError =>
  new ProducerError(
    `sending to Kafka failed: ${error instanceof Error ? error.message : String(error)}. Check --brokers, --auth and --tls, that the topic exists (or pass --create-topic), and that this machine may reach the brokers (MSK's public IAM listener is port 9198).`,
    { cause: error },
  );

/**
 * Streams the legacy users to the publisher: one JSON message per user, keyed by the normalised email, in
 * batches, several in flight at once (one per publisher lane). Once a batch and every batch before it are
 * acknowledged a checkpoint is written, so a run killed at any moment — SIGKILL included — and started again
 * delivers every user (at least once: the loader's staging is idempotent). Refused rows go to the rejects file
 * with their id and reason, never their hash.
 *
 * @example
 * const config = resolveProducerConfig({ table: 'users' }, process.env);
 * const summary = await runProducer(config, await openProducerPorts(config));
 */
const runProducer = async (
  config: ProducerConfig,
  ports: ProducerPorts,
  options: RunProducerOptions = {},
): Promise<ProducerSummary> => {
  const started = performance.now();
  const { source, publisher } = ports;
  const checkpoints = ports.checkpoints ?? fileCheckpointStore(config.checkpoint);
  const exportKey = exportKeyOf(config);
  let lastId: string | undefined;
  let sent = 0;
  let rejected = 0;
  let read = 0;
  let interrupted = false;
  let checkpoint: ReturnType<CheckpointStore['read']>;
  let rejects: RejectsFile | undefined;

  /** After a batch is acknowledged (and every batch before it): its rejects, the checkpoint, the progress. */
  const record = async (batch: PreparedBatch, progress: Progress): Promise<void> => {
    rejected += batch.refused.length;
    await rejects?.append(batch.refused);
    sent += config.dryRun ? 0 : batch.keys.length;
    read += batch.read;
    lastId = batch.lastId ?? lastId;
    if (!config.dryRun && lastId !== undefined) {
      await checkpoints.write({
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

  // Up to `lanes` batches are in flight, batch n on lane n mod lanes, while the next is read and validated:
  // each batch waits a round trip to the brokers, and a lane sends one batch at a time. Acknowledgements may
  // come in any order, but each batch is recorded (rejects, checkpoint) only after it and every batch before
  // it, so the checkpoint never passes an unacknowledged row. A user is in one batch of an export only, so
  // batches crossing each other cannot reorder a user's messages.
  const lanes = publisher?.channels ?? 1;
  let recorded: Promise<void> = Promise.resolve();
  const window: Promise<void>[] = [];
  let batchNumber = 0;
  try {
    if (options.restart === true) checkpoints.clear();
    checkpoint = config.dryRun ? undefined : checkpoints.read(exportKey);
    lastId = checkpoint?.lastId;
    sent = checkpoint?.sent ?? 0;
    rejected = checkpoint?.rejected ?? 0;
    rejects = await RejectsFile.open(config.rejects, checkpoint?.rejectsBytes);
    const total = await source.count(lastId);
    const progress = createProgress(total, config.progress, options.progressStream);

    for await (const rows of readAhead(source.batches(lastId, config.batchSize))) {
      const batch = prepareBatch(rows);
      // The lane this batch goes to is free once the batch it sent before is recorded.
      if (window.length >= lanes) await window.shift();
      if (options.signal?.aborted === true) {
        interrupted = true;
        break;
      }
      const lane = batchNumber++ % lanes;
      const acknowledged =
        publisher === undefined || config.dryRun || batch.keys.length === 0
          ? Promise.resolve()
          : publisher.publish(lane, { topic: config.topic, keys: batch.keys, values: batch.values }).catch((error) => {
              throw publishFailed(error);
            });
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
    await publisher?.close();
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

export type { ProducerPorts, ProducerSummary, RunProducerOptions };
export { runProducer };
