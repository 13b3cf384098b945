export { DEFAULT_QUARANTINE_TABLE, DEFAULT_STAGING_TABLE } from './constants.js';
export { createLoaderTables } from './dynamodb/create-tables.js';
export type { DynamoDBQuarantineStoreOptions } from './dynamodb/dynamodb-quarantine-store.js';
export { DynamoDBQuarantineStore } from './dynamodb/dynamodb-quarantine-store.js';
export type { DynamoDBStagedUserStoreOptions } from './dynamodb/dynamodb-staged-user-store.js';
export { DynamoDBStagedUserStore } from './dynamodb/dynamodb-staged-user-store.js';
export { AdapterError } from './errors.js';
