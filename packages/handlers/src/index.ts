export { HandlerConfigError, HandlerError, LoaderBatchError } from './errors.js';
export type { LoaderDependencies, MskBatchResponse } from './loader/create-loader-handler.js';
export { createLoaderHandler } from './loader/create-loader-handler.js';
export type { LoaderConfig } from './loader/loader-config.js';
export { readLoaderConfig } from './loader/loader-config.js';
