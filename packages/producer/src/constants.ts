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

/** Lambda gives a function one full vCPU at 1,769 MB and a share in proportion below it. */
const LAMBDA_MB_PER_VCPU = 1769;

/** The reference stack's Migration Lambda memory (packages/infra): one full vCPU. */
const DEFAULT_MIGRATION_MEMORY_MB = LAMBDA_MB_PER_VCPU;

/** Cognito ends the User Migration trigger after 5 seconds: the user sees a failed sign-in. */
const TRIGGER_TIMEOUT_SECONDS = 5;

/**
 * An estimated verify above this puts the trigger's limit at risk: the estimate is of the hash alone, while a
 * cold start, the DynamoDB read and a noisy neighbour add to it.
 */
const VERIFY_SECONDS_AT_RISK = 2.5;

/** Where `hashbridge import` writes its CSV files (they hold password hashes: the folder is the operator's alone). */
const DEFAULT_IMPORT_DIR = '.hashbridge/import';

/** Seconds between two looks at a running import job; Cognito imports a file of 100,000 users in minutes. */
const DEFAULT_IMPORT_POLL_SECONDS = 10;

export {
  DEFAULT_BATCH_SIZE,
  DEFAULT_BATCHES_IN_FLIGHT,
  DEFAULT_IMPORT_DIR,
  DEFAULT_IMPORT_POLL_SECONDS,
  DEFAULT_MIGRATION_MEMORY_MB,
  DEFAULT_SOURCE,
  DEFAULT_TOPIC,
  LAMBDA_MB_PER_VCPU,
  TRIGGER_TIMEOUT_SECONDS,
  VERIFY_SECONDS_AT_RISK,
};
