// The adapters themselves are in subpaths (`@hashbridge/adapters/dynamodb`, `/kafka`, `/postgres`), so
// importing one never loads the others' SDKs.
export { DEFAULT_QUARANTINE_TABLE, DEFAULT_STAGING_TABLE } from './constants.js';
export { AdapterError, PublishError, SourceReadError } from './errors.js';
