import { describe, expect, it } from 'vitest';
import { decodeBcryptBase64, encodeBcryptBase64, encodeHash64 } from '../../../src/encoding/hash64.js';

describe('Function: encodeHash64', () => {
  it('packs bytes little-endian in the crypt alphabet, as crypt(3) does', () => {
    // 0x000001 → value 1 in the lowest 6 bits → './' alphabet index 1 first.
    expect(encodeHash64(Uint8Array.from([1, 0, 0]))).toBe('/...');
    expect(encodeHash64(Uint8Array.from([0xff]))).toBe('z1');
  });
});

describe('Function: decodeBcryptBase64', () => {
  it('round-trips 16 salt bytes through the 22 characters bcrypt stores', () => {
    // Prepare
    const salt = Uint8Array.from({ length: 16 }, (_, i) => i * 17);

    // Act
    const text = encodeBcryptBase64(salt);

    // Assess
    expect(text).toHaveLength(22);
    expect(decodeBcryptBase64(text, 16)).toEqual(salt);
  });

  it('refuses characters outside the bcrypt alphabet and short text', () => {
    expect(decodeBcryptBase64('+'.repeat(22), 16)).toBeUndefined();
    expect(decodeBcryptBase64('.'.repeat(10), 16)).toBeUndefined();
  });
});
