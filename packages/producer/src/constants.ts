/** The topic the producer writes and the loader's event source reads. */
const DEFAULT_TOPIC = 'legacy-users';

/** The default legacy source: table `users` with these columns. */
const DEFAULT_SOURCE = Object.freeze({
  table: 'users',
  idColumn: 'id',
  emailColumn: 'email',
  hashColumn: 'password_hash',
  profileColumn: 'profile',
  versionColumn: 'updated_at',
});

/**
 * Rows per cursor read, per Kafka send, and per checkpoint. Measured on a 1M-row export
 * (benchmarks/pipeline.md): 5,000 took the least CPU; 2,000 a tenth more (more round trips), 10,000 and
 * 20,000 a tenth to a fifth more (batches outlive the young generation). A crash re-sends at most one batch.
 */
const DEFAULT_BATCH_SIZE = 5000;

/**
 * How long one Kafka request may take before it is retried. Generous: a batch of thousands of messages
 * crosses the internet to MSK's public endpoint and waits for every in-sync replica.
 */
const KAFKA_REQUEST_TIMEOUT_MS = 30_000;

/** Retries of a failed Kafka request (safe: the producer is idempotent) before the run stops. */
const KAFKA_RETRIES = 5;

/** How long closing the Kafka client may take, once every batch is acknowledged, before its thread is stopped. */
const KAFKA_CLOSE_TIMEOUT_MS = 10_000;

export {
  DEFAULT_BATCH_SIZE,
  DEFAULT_SOURCE,
  DEFAULT_TOPIC,
  KAFKA_CLOSE_TIMEOUT_MS,
  KAFKA_REQUEST_TIMEOUT_MS,
  KAFKA_RETRIES,
};
