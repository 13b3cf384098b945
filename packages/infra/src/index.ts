export { InfraError } from './errors.js';
