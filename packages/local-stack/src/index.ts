export {
  KAFKA_SASL_MECHANISM,
  KAFKA_SASL_USERNAME,
  KAFKA_VERSION,
  LOADER_FUNCTION_NAME,
  LOCAL_AWS_REGION,
  SERVICE_NAMES,
  USER_MIGRATION_FUNCTION_NAME,
} from './constants.js';
export { createLoaderTables } from './dynamodb/create-tables.js';
export { readEnvFile } from './env-file.js';
export { ArtifactDownloadError, LocalStackError, MissingPrerequisiteError, ServiceStartError } from './errors.js';
export { invokeFunction } from './event-source/invoke-function.js';
export type { KafkaRecordInput } from './event-source/msk-event.js';
export { toMskEvent } from './event-source/msk-event.js';
export type { LocalEventSourceOptions } from './event-source/run-local-event-source.js';
export { MSK_BATCH_SIZE, runLocalEventSource } from './event-source/run-local-event-source.js';
export { readStackFunctions, STACK_CONFIG_FILE } from './lambda/functions.js';
export type { InvocationLog } from './lambda/invoke-server.js';
export { createInvokeServer } from './lambda/invoke-server.js';
export { findRootDir, stackPaths } from './paths.js';
export { findFreePort } from './ports.js';
export { parseJavaMajor } from './prerequisites/java.js';
export { stopProcessGroup } from './process.js';
export type { CognitoLocalOptions } from './services/cognito.js';
export { startCognitoLocal } from './services/cognito.js';
export type { ServiceStatus, StackStatus, StartStackResult } from './stack.js';
export { readState, stackStatus, startStack, stopStack } from './stack.js';
export type { CognitoTriggerSandbox } from './testing/cognito-trigger-sandbox.js';
export { startCognitoTriggerSandbox } from './testing/cognito-trigger-sandbox.js';
export type { LambdaHandler, LocalFunction, LocalFunctionTable } from './types/lambda.js';
export type { RunningService, ServiceName, StackEnv, StackPaths, StackState } from './types/stack.js';
