/**
 * How long one Kafka request may take before it is retried. Generous: a batch of thousands of messages
 * crosses the internet to MSK's public endpoint and waits for every in-sync replica.
 */
const KAFKA_REQUEST_TIMEOUT_MS = 30_000;

/** Retries of a failed Kafka request (safe: the producer is idempotent) before the batch fails. */
const KAFKA_RETRIES = 5;

/** How long closing the Kafka client may take, once every batch is acknowledged, before its thread is stopped. */
const KAFKA_CLOSE_TIMEOUT_MS = 10_000;

export { KAFKA_CLOSE_TIMEOUT_MS, KAFKA_REQUEST_TIMEOUT_MS, KAFKA_RETRIES };
