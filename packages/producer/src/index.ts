export { ProducerError } from './errors.js';
