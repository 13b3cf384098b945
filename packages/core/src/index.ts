export type { NativeArgon2Module } from './backends/argon2.js';
export type { NativeBcryptModule } from './backends/bcrypt.js';
export type { HashBackendChoice, HashBackendNames } from './backends/use-hash-backends.js';
export { useHashBackends } from './backends/use-hash-backends.js';
export {
  COGNITO_PASSWORD_SYMBOLS,
  DEFAULT_COST_POLICY,
  DEFAULT_HASH_RETENTION_DAYS,
  DEFAULT_LOCKOUT_RULE,
  MAX_PASSWORD_LENGTH,
  SETTING_LIMITS,
} from './constants.js';
export { DEFAULT_TOPIC, ENVIRONMENT, METRICS, QUARANTINE_TABLE, REFUSAL_CAUSES, STAGING_TABLE } from './contract.js';
export { dummyVerify } from './dummy-verify.js';
export {
  HashBackendError,
  HashbridgeError,
  HashPolicyError,
  MalformedHashError,
  MissingContextError,
  PasswordValueError,
  UnknownHashError,
} from './errors.js';
export { forEachLimited } from './for-each-limited.js';
export type { HashCost } from './hash-cost.js';
export { describeHashCost } from './hash-cost.js';
export { identifyHash } from './identify-hash.js';
export { listSchemes } from './list-schemes.js';
export type { LoaderRecord, StageRecordsDependencies, StageRecordsReport } from './loader/stage-records.js';
export { stageRecords } from './loader/stage-records.js';
export type { LegacyUserRow } from './messages/create-user-message.js';
export { createUserMessage } from './messages/create-user-message.js';
export type { ParseUserMessageResult, RejectionReason } from './messages/parse-user-message.js';
export { parseUserMessage, validateUserMessage } from './messages/parse-user-message.js';
export type { UserMessage, UserMessageInput } from './messages/user-message.js';
export {
  MAX_EMAIL_LENGTH,
  MAX_HASH_LENGTH,
  MAX_PROFILE_BYTES,
  MAX_SOURCE_ID_LENGTH,
  normalizeEmail,
  USER_MESSAGE_SCHEMA_VERSION,
  userMessageSchema,
} from './messages/user-message.js';
export type {
  AuthenticateDependencies,
  AuthenticationOutcome,
  RejectionCause,
} from './migration/authenticate-staged-user.js';
export { authenticateStagedUser } from './migration/authenticate-staged-user.js';
export type {
  FailureRecord,
  MarkOutcome,
  MigrateUserDependencies,
  UserMigrationOutcome,
  UserMigrationRequest,
} from './migration/migrate-user.js';
export { migrateUser } from './migration/migrate-user.js';
export { unmetPasswordRequirements } from './migration/password-strength.js';
export { isLocked, lockedUntil } from './migration/sign-in-lockout.js';
export type { AttributeMapping } from './migration/user-attributes.js';
export { DEFAULT_ATTRIBUTE_MAPPING, mapUserAttributes, STANDARD_ATTRIBUTES } from './migration/user-attributes.js';
export { chooseMigrationLane } from './native-import/choose-migration-lane.js';
export { COGNITO_IMPORT_BOUNDS } from './native-import/cognito-import-bounds.js';
export type { CognitoImportRowOptions, CognitoImportUser } from './native-import/cognito-import-csv.js';
export { COGNITO_IMPORT_CSV, cognitoImportRow, importHeader } from './native-import/cognito-import-csv.js';
export { readCognitoImportHash } from './native-import/read-cognito-import-hash.js';
export { COGNITO_IMPORTABLE_SCHEMES, toCognitoImportHash } from './native-import/to-cognito-import-hash.js';
export type {
  Argon2idImportParameters,
  BcryptImportParameters,
  ChooseMigrationLaneOptions,
  CognitoHashAlgorithm,
  CognitoImportHashResult,
  CognitoImportParameters,
  LaneRefusalReason,
  MigrationLane,
  NativeImportRefusal,
  NativeImportRefusalReason,
  Pbkdf2Sha256ImportParameters,
  ScryptImportParameters,
} from './native-import/types.js';
export type { LegacySourceRow, LegacyUserSource } from './ports/legacy-user-source.js';
export type { MessageBatch, MessagePublisher } from './ports/message-publisher.js';
export type { NativeImportEntry, NativeImportLedger } from './ports/native-import-ledger.js';
export type { QuarantinedRecord, QuarantineStore } from './ports/quarantine-store.js';
export type { StagedUser, StagedUserStore, StageOutcome } from './ports/staged-user-store.js';
export type { StagingRecordSummary, StagingTableMaintenance } from './ports/staging-table-maintenance.js';
export type { CreatedImportJob, UserImportJob, UserImportJobStatus, UserImportJobs } from './ports/user-import-jobs.js';
export { FINAL_IMPORT_JOB_STATUSES } from './ports/user-import-jobs.js';
export type { SchemeName } from './scheme-names.js';
export { SCHEME_NAMES } from './scheme-names.js';
export type { LockoutRule } from './types/lockout.js';
export type { MigrationPhase, PhaseRunner } from './types/migration-phase.js';
export type { PasswordRequirement, PasswordStrengthRule } from './types/password-strength.js';
export type { CostPolicy } from './types/policy.js';
export type { HashContext } from './types/scheme.js';
export type { IdentifyOptions, VerifyOptions, VerifyResult } from './types/verify.js';
export { verifyPassword } from './verify-password.js';
