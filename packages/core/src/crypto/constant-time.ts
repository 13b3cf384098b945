import { timingSafeEqual } from 'node:crypto';

/**
 * Compares two digests (strings or bytes) in time that depends only on their length. Different lengths
 * still run one comparison, so the only thing a timing observer learns is that lengths differ.
 */
const constantTimeEqual = (a: string | Uint8Array, b: string | Uint8Array): boolean => {
  const left = typeof a === 'string' ? Buffer.from(a, 'utf8') : Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const right = typeof b === 'string' ? Buffer.from(b, 'utf8') : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
};

export { constantTimeEqual };
