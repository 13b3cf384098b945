export type { PostgresSourceSettings } from './postgres-user-source.js';
export { PostgresUserSource } from './postgres-user-source.js';
