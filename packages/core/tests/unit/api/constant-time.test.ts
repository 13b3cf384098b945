import { describe, expect, it } from 'vitest';
import { constantTimeEqual } from '../../../src/crypto/constant-time.js';

describe('Function: constantTimeEqual', () => {
  it('tells equal from different digests, strings or bytes', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual(Uint8Array.from([1, 2]), Uint8Array.from([1, 2]))).toBe(true);
  });

  it('answers false, without throwing, for different lengths', () => {
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });
});
