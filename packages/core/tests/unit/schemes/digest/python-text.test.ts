import { describe, expect, it } from 'vitest';
import { MalformedHashError, MissingContextError, PasswordValueError } from '../../../../src/index.js';
import { decodeLenientBase64 } from '../../../../src/schemes/digest/python-base64.js';
import { pythonInt, pythonText, pythonUpper } from '../../../../src/schemes/digest/python-text.js';

describe('Helper: decodeLenientBase64 (CPython’s non-strict b64decode)', () => {
  it.each([
    ['QUJD', 0, 'ABC'],
    ['QUJD', 2, 'ABC'],
    ['QUI', 1, 'AB'],
    ['QUI', 2, 'AB'],
    ['QQ', 2, 'A'],
    ['QR', 2, 'A'],
  ])('decodes %j with %i "=" as Python does', (data, padding, text) => {
    // Act
    const decoded = decodeLenientBase64(data, padding);

    // Assess
    expect(decoded?.toString('latin1')).toBe(text);
  });

  it.each([
    ['QUJDR', 0],
    ['QUJDR', 3],
    ['QUI', 0],
    ['QQ', 1],
    ['QU.D', 0],
  ])('refuses %j with %i "=" where binascii raises', (data, padding) => {
    // Act / Assess
    expect(decodeLenientBase64(data, padding)).toBeUndefined();
  });
});

describe('Helper: pythonInt', () => {
  it.each([
    ['0', 0],
    ['007', 7],
    ['\u0661\u0660', 10],
    ['\u{1d7d7}', 9],
    ['\u{1d7cf}\u{1d7e1}', 19],
    ['1\u0969', 13],
  ])('reads %j as int() does: %i', (text, value) => {
    // Act / Assess
    expect(pythonInt(text)).toBe(value);
  });

  it('refuses digits Python 3.11 does not know and more than 4300 digits', () => {
    // Act / Assess
    expect(pythonInt('\u{1e4f1}')).toBeUndefined();
    expect(pythonInt('1'.repeat(4301))).toBeUndefined();
    expect(pythonInt('1'.repeat(4300))).toBeGreaterThan(1e300);
    expect(pythonInt('')).toBeUndefined();
  });
});

describe('Helper: pythonText and pythonUpper', () => {
  it('turns lone surrogates into U+FFFD, as the trip through UTF-8 to Python does', () => {
    // Act / Assess
    expect(pythonText('a\ud800b')).toBe('a\ufffdb');
    expect(pythonText('😀')).toBe('😀');
  });

  it('upper-cases with full case mapping but leaves the case pairs Python 3.11 lacks', () => {
    // Act / Assess
    expect(pythonUpper('straße ǆ ŉ')).toBe('STRASSE Ǆ ʼN');
    expect(pythonUpper('aƛb\u{10d70}')).toBe('AƛB\u{10d70}');
  });
});

describe('Class: MissingContextError', () => {
  it('is a HashbridgeError of its own kind, naming the scheme and the field, never a secret', () => {
    // Act
    const error = new MissingContextError('postgres_md5', 'user');

    // Assess
    expect(error.name).toBe('MissingContextError');
    expect(error.scheme).toBe('postgres_md5');
    expect(error.field).toBe('user');
    expect(error.message).toContain('context.user');
    expect(error).not.toBeInstanceOf(MalformedHashError);
    expect(error).not.toBeInstanceOf(PasswordValueError);
  });
});
