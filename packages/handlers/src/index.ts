export { HandlerConfigError, HandlerError, LoaderBatchError } from './errors.js';
export type { LoaderDependencies, MskBatchResponse } from './loader/create-loader-handler.js';
export { createLoaderHandler } from './loader/create-loader-handler.js';
export type { LoaderConfig } from './loader/loader-config.js';
export { readLoaderConfig } from './loader/loader-config.js';
export type { KafkaRecordInput } from './loader/msk-event.js';
export { toMskEvent } from './loader/msk-event.js';
export type { LocalEventSourceOptions } from './local-event-source/run-local-event-source.js';
export { MSK_BATCH_SIZE, runLocalEventSource } from './local-event-source/run-local-event-source.js';
