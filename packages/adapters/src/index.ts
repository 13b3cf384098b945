export { AdapterError } from './errors.js';
