export { HashbridgeError } from './errors.js';
