// The adapters themselves are in subpaths (`@hashbridge/adapters/cognito`, `/dynamodb`, `/kafka`, `/postgres`), so
// importing one never loads the others' SDKs.
export { DEFAULT_QUARANTINE_TABLE, DEFAULT_STAGING_TABLE } from './constants.js';
export { AdapterError, ImportJobError, PublishError, SourceReadError } from './errors.js';
