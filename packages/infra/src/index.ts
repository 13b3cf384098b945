export type { SynthesizeOptions } from './app.js';
export { synthesize } from './app.js';
export { DEFAULTS, USER_POOL_PASSWORD_RULE } from './constants.js';
export { BundlingError, InfraError, PublicAccessError } from './errors.js';
export type {
  BundledFunctionProps,
  BundlingLocationProps,
  HandlerFunctionProps,
  HandlerName,
} from './handler-function.js';
export { createBundledFunction, createHandlerFunction } from './handler-function.js';
export type { HashbridgeMigrationProps } from './hashbridge-migration.js';
export { HashbridgeMigration } from './hashbridge-migration.js';
export type { HashbridgeAlarms, HashbridgeMonitoringProps } from './hashbridge-monitoring.js';
export { HashbridgeMonitoring } from './hashbridge-monitoring.js';
export type { HashbridgePipelineProps } from './hashbridge-pipeline.js';
export { HashbridgePipeline } from './hashbridge-pipeline.js';
export type { HashbridgeStackProps } from './hashbridge-stack.js';
export { HashbridgeStack } from './hashbridge-stack.js';
export { validateHashRetention, validateLockoutMaxDuration, validateLockoutThreshold } from './migration-settings.js';
export type { MskPublicAccessProps } from './msk-public-access.js';
export { MskPublicAccess } from './msk-public-access.js';
export { createNativeHashLayer, LAYER_PACKAGES } from './native-hash-layer.js';
export { OPERATOR_CIDR_PATTERN, validateOperatorCidr } from './operator-cidr.js';
export type { StagingTablesProps } from './staging-tables.js';
export { StagingTables } from './staging-tables.js';
