import { DEFAULT_TOPIC } from '@hashbridge/core';

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
 * 20,000 a tenth to a fifth more (batches outlive the young generation). A crash re-sends at most the batches
 * that were in flight.
 */
const DEFAULT_BATCH_SIZE = 5000;

/**
 * Batches in flight at once by default, each on its own idempotent producer (a producer sends one batch at
 * a time, and each batch waits a round trip to the brokers). Measured on 1M rows with 50 ms added to every
 * request to Kafka, as against MSK over the internet: 17.0 s with one in flight, 9.3 s with two, 7.0 s with
 * three, 6.8 s with four; on loopback three cost no time and 0.2–0.4 CPU-seconds.
 */
const DEFAULT_BATCHES_IN_FLIGHT = 3;

export { DEFAULT_BATCH_SIZE, DEFAULT_BATCHES_IN_FLIGHT, DEFAULT_SOURCE, DEFAULT_TOPIC };
