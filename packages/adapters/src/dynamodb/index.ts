export type { DynamoDBNativeImportLedgerOptions } from './dynamodb-native-import-ledger.js';
export { DynamoDBNativeImportLedger } from './dynamodb-native-import-ledger.js';
export type { DynamoDBQuarantineStoreOptions } from './dynamodb-quarantine-store.js';
export { DynamoDBQuarantineStore } from './dynamodb-quarantine-store.js';
export type { DynamoDBStagedUserStoreOptions } from './dynamodb-staged-user-store.js';
export { DynamoDBStagedUserStore } from './dynamodb-staged-user-store.js';
export type { DynamoDBStagingTableMaintenanceOptions } from './dynamodb-staging-table-maintenance.js';
export { DynamoDBStagingTableMaintenance } from './dynamodb-staging-table-maintenance.js';
