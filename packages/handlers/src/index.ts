export { HandlerError } from './errors.js';
