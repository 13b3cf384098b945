import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rehashSha256 } from '../../../../src/schemes/digest/rehash-sha256.js';

/** The reference: node:crypto, one call per round. */
const nodeRehash = (digest: Uint8Array, times: number): Buffer => {
  let block = Buffer.from(digest);
  for (let round = 0; round < times; round++) block = createHash('sha256').update(block).digest();
  return block;
};

describe('Helper: rehashSha256', () => {
  it('equals node:crypto for any 32-byte start and number of rounds', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat({ max: 300 }), (digest, times) => {
        // Act / Assess
        expect(rehashSha256(digest, times).equals(nodeRehash(digest, times))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('returns a copy for zero rounds and leaves its input alone', () => {
    // Prepare
    const digest = createHash('sha256').update('x').digest();
    const before = Buffer.from(digest);

    // Act
    const same = rehashSha256(digest, 0);
    rehashSha256(digest, 5);

    // Assess
    expect(same.equals(before)).toBe(true);
    expect(same).not.toBe(digest);
    expect(digest.equals(before)).toBe(true);
  });
});
