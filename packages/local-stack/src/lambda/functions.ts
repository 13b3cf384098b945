import { USER_MIGRATION_FUNCTION_NAME } from '../constants.js';
import type { LambdaHandler, LocalFunctionTable } from '../types/lambda.js';

/** The handlers are loaded from source (this process runs under tsx), so the stack serves current code. */
const MIGRATION_MODULE = new URL('../../../handlers/src/migration.ts', import.meta.url).href;

/**
 * The functions the stack's Lambda endpoint serves. cognito-local invokes `USER_MIGRATION_FUNCTION_NAME` as
 * its User Migration trigger: the Migration Lambda of @hashbridge/handlers, with Cognito's 5-second limit.
 */
const stackFunctions: LocalFunctionTable = {
  [USER_MIGRATION_FUNCTION_NAME]: {
    timeoutMs: 5_000,
    load: async () => ((await import(MIGRATION_MODULE)) as { handler: LambdaHandler }).handler,
  },
};

export { stackFunctions };
