import { describe, expect, it } from 'vitest';
import { isAscii, isPythonWhitespace, pythonLower, pythonText, pythonUpper } from '../../../src/python/python-text.js';

/** Expected values are what CPython 3.11 (Unicode 14) returns for the same text. */
describe('Function: pythonText', () => {
  it('turns lone surrogates into U+FFFD, as the trip through UTF-8 to Python does', () => {
    // Act & Assess
    expect(pythonText('a\ud800b')).toBe('a\ufffdb');
    expect(pythonText('\udc00')).toBe('\ufffd');
    expect(pythonText('😀')).toBe('😀');
  });
});

describe('Function: isAscii', () => {
  it.each([
    ['', true],
    ['abc\x00\x7f', true],
    ['é', false],
    ['\ud800', false],
    ['😀', false],
  ])('isAscii(%j) is %s', (text, expected) => {
    // Act & Assess
    expect(isAscii(text)).toBe(expected);
  });
});

describe('Function: isPythonWhitespace (str.isspace())', () => {
  it.each([0x09, 0x0d, 0x1c, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000])(
    'accepts U+%s',
    (codePoint) => {
      // Act & Assess
      expect(isPythonWhitespace(codePoint)).toBe(true);
    },
  );

  it.each([0x08, 0x0e, 0x21, 0x7f, 0x180e, 0x200b, 0xfeff])('refuses U+%s', (codePoint) => {
    // Act & Assess
    expect(isPythonWhitespace(codePoint)).toBe(false);
  });
});

describe('Function: pythonUpper (str.upper())', () => {
  it.each([
    ['straße ǆ ŉ ǅ ſ', 'STRASSE Ǆ ʼN Ǆ S'],
    ['ﬀ', 'FF'],
    ['aƛb\u{10d70}', 'AƛB\u{10d70}'],
    ['\ua7db\u1c8a\u{16ebb}x', '\ua7db\u1c8a\u{16ebb}X'],
  ])('upper-cases %j to %j, leaving the case pairs Python 3.11 lacks', (text, expected) => {
    // Act & Assess
    expect(pythonUpper(text)).toBe(expected);
  });
});

describe('Function: pythonLower (str.lower())', () => {
  it.each([
    ['İSTANBUL', 'i̇stanbul'],
    ['ΟΔΟΣ ΟΔΟΣ', 'οδος οδος'],
    ['a\ua7cb\u{10d50}', 'a\ua7cb\u{10d50}'],
  ])('lower-cases %j to %j, leaving the case pairs Python 3.11 lacks', (text, expected) => {
    // Act & Assess
    expect(pythonLower(text)).toBe(expected);
  });

  it.each([
    ['ΑΣ\ua7db', 'ας\ua7db'],
    ['ΑΣ\ua7cb', 'ας\ua7cb'],
    ['\ua7cbΣ', '\ua7cbσ'],
    ['ΑΣ\u{10d70}x', 'ας\u{10d70}x'],
    ['ΑΣƛ', 'ασƛ'],
    ['ƛΣ', 'ƛς'],
    ['ΑΣɤ', 'ασɤ'],
    ['xΣ\u0345\ua7d3', 'xσ\u0345\ua7d3'],
  ])('decides a final sigma in %j as Python 3.11 does: %j', (text, expected) => {
    // Act & Assess
    expect(pythonLower(text)).toBe(expected);
  });
});
