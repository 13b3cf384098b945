export type { ProducerConfig, ProducerConfigInput } from './config.js';
export { resolveProducerConfig } from './config.js';
export { DEFAULT_BATCH_SIZE, DEFAULT_BATCHES_IN_FLIGHT, DEFAULT_SOURCE, DEFAULT_TOPIC } from './constants.js';
export { ProducerConfigError, ProducerError, RejectThresholdError } from './errors.js';
export type { Checkpoint, CheckpointStore } from './run/checkpoint.js';
export { fileCheckpointStore, readCheckpoint } from './run/checkpoint.js';
export type { ProducerPorts, ProducerSummary, RunProducerOptions } from './run/run-producer.js';
export { runProducer } from './run/run-producer.js';
export { openProducerPorts } from './wiring/open-producer-ports.js';
