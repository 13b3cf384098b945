import type { LocalFunctionTable } from '../types/lambda.js';

/**
 * The functions the stack's Lambda endpoint serves. cognito-local invokes
 * `USER_MIGRATION_FUNCTION_NAME` as its User Migration trigger; the migration handler of
 * @hashbridge/handlers is registered here once it exists. Until then the endpoint answers that
 * name with `ResourceNotFoundException`, exactly as AWS would for a missing function.
 */
const stackFunctions: LocalFunctionTable = {};

export { stackFunctions };
