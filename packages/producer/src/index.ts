export type { ProducerConfig, ProducerConfigInput } from './config.js';
export { resolveProducerConfig } from './config.js';
export { DEFAULT_BATCH_SIZE, DEFAULT_SOURCE, DEFAULT_TOPIC } from './constants.js';
export { ProducerConfigError, ProducerError, RejectThresholdError } from './errors.js';
export type { Checkpoint } from './run/checkpoint.js';
export { readCheckpoint } from './run/checkpoint.js';
export type { ProducerSummary, RunProducerOptions } from './run/run-producer.js';
export { runProducer } from './run/run-producer.js';
export { createKafka, kafkaConfigFor, mskIamTokenProvider } from './sink/kafka-client.js';
