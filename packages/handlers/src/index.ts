export {
  GENERIC_REFUSAL,
  HandlerConfigError,
  HandlerError,
  LoaderBatchError,
  MigrationDeadlineError,
  MigrationRefusedError,
} from './errors.js';
export type { LoaderDependencies, MskBatchResponse } from './loader/create-loader-handler.js';
export { createLoaderHandler } from './loader/create-loader-handler.js';
export type { LoaderConfig } from './loader/loader-config.js';
export { readLoaderConfig } from './loader/loader-config.js';
export type { MigrationDependencies } from './migration/create-migration-handler.js';
export { createMigrationHandler } from './migration/create-migration-handler.js';
export type { MigrationDurations } from './migration/invocation-timer.js';
export type { HashBackendSetting } from './migration/load-hash-backends.js';
export { loadHashBackends } from './migration/load-hash-backends.js';
export type { MigrationConfig } from './migration/migration-config.js';
export { readMigrationConfig } from './migration/migration-config.js';
export type { PreSignUpDependencies, SignUpRefusalCause } from './pre-sign-up/create-pre-sign-up-handler.js';
export { createPreSignUpHandler } from './pre-sign-up/create-pre-sign-up-handler.js';
export type { PreSignUpConfig } from './pre-sign-up/pre-sign-up-config.js';
export { readPreSignUpConfig } from './pre-sign-up/pre-sign-up-config.js';
export { SIGN_UP_REFUSAL, SignUpRefusedError } from './pre-sign-up/sign-up-refused-error.js';
