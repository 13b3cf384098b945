export type { FrameworkOracleName, FrameworkVector } from './framework-vectors.js';
export { FRAMEWORK_VECTORS_FILE, readFrameworkVectors } from './framework-vectors.js';
export type { PasslibVector } from './passlib-vectors.js';
export { PASSLIB_VECTORS_FILE, readPasslibVectors } from './passlib-vectors.js';
export type { OracleName } from './python-env.js';
export { ensurePythonEnv, ensureVirtualenv, ORACLE_DIR } from './python-env.js';
export type { OracleCheck, OracleContext, OracleScript, OracleVerdict } from './python-oracle.js';
export { PythonOracle } from './python-oracle.js';
