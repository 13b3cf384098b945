import { describe, expect, it } from 'vitest';
import { saslprep } from '../../../../src/schemes/pbkdf2/saslprep.js';

/** Expected values are what passlib 1.7.4's `passlib.utils.saslprep` returns on CPython 3.11 (undefined: it raises). */
describe('Function: saslprep', () => {
  it.each([
    ['IX \u00e0', 'IX \u00e0'],
    ['I\u00adX', 'IX'],
    ['\u2168', 'IX'],
    ['a\u3000b', 'a b'],
    ['o\u0301', '\u00f3'],
    ['\u{1f101}', '0,'],
    ['\u05d01\u05d0', '\u05d01\u05d0'],
    ['\u00ad', ''],
    ['\u05d01', undefined],
    ['a\u05d0', undefined],
    ['\0', undefined],
    ['\u{e000}', undefined],
    ['\u{1f600}', undefined],
    ['\u{1ccd6}', undefined],
  ])('saslprep(%j) is %j, as passlib.utils.saslprep gives', (text, expected) => {
    // Act & Assess
    expect(saslprep(text)).toBe(expected);
  });
});
