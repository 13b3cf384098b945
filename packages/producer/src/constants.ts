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

/** Rows per cursor read, per Kafka send, and per checkpoint. */
const DEFAULT_BATCH_SIZE = 1000;

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
