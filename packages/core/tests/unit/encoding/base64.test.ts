import { describe, expect, it } from 'vitest';
import {
  decodeAdaptedBase64,
  decodeBase64Padded,
  decodeBase64Unpadded,
  encodeAdaptedBase64,
} from '../../../src/encoding/base64.js';

describe('Function: decodeBase64Unpadded', () => {
  it('refuses a character outside the alphabet instead of skipping it, as Buffer.from would', () => {
    // Prepare: Node's own decoder drops the '.', returning 15 bytes as if nothing was wrong.
    const text = 'OB.dtnSEXZK8U5cgxU/GYQ';
    expect(Buffer.from(text, 'base64')).toHaveLength(15);

    // Act
    const decoded = decodeBase64Unpadded(text);

    // Assess
    expect(decoded).toBeUndefined();
  });

  it('refuses lengths no base64 text can have, and padding', () => {
    expect(decodeBase64Unpadded('abcde')).toBeUndefined();
    expect(decodeBase64Unpadded('YQ==')).toBeUndefined();
  });

  it('decodes unpadded tails', () => {
    expect(decodeBase64Unpadded('YWI')?.toString()).toBe('ab');
  });
});

describe('Function: decodeBase64Padded', () => {
  it('requires the padding and refuses "=" inside the text', () => {
    expect(decodeBase64Padded('YWI=')?.toString()).toBe('ab');
    expect(decodeBase64Padded('YWI')).toBeUndefined();
    expect(decodeBase64Padded('Y=I=')).toBeUndefined();
  });
});

describe('Function: decodeAdaptedBase64', () => {
  it('reads passlib ab64, where "." stands for "+"', () => {
    // Prepare
    const bytes = Buffer.from([0xfb, 0xef, 0xbe, 0x01]);

    // Act
    const text = encodeAdaptedBase64(bytes);

    // Assess
    expect(text).toBe('..++AQ'.replaceAll('+', '.'));
    expect(decodeAdaptedBase64(text)).toEqual(bytes);
    expect(decodeAdaptedBase64('..+.AQ')).toBeUndefined();
  });
});
