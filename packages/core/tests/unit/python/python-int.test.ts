import { describe, expect, it } from 'vitest';
import { MalformedHashError, verifyPassword } from '../../../src/index.js';
import { parsePythonBigInt, parsePythonInt } from '../../../src/python/python-int.js';

/** Expected values are what CPython 3.11 returns for the same input (undefined: it raises ValueError). */
describe("Function: parsePythonInt (Python's int())", () => {
  it.each([
    ['5000', 5000],
    [' 5000', 5000],
    ['5000\n', 5000],
    ['\t+5000 ', 5000],
    [' +1_000\n', 1000],
    ['-12', -12],
    ['5_000', 5000],
    ['05000', 5000],
    ['007', 7],
    ['٥٠٠٠', 5000],
    ['５０００', 5000],
    ['\u3000١٠٠٠', 1000],
    ['\u30005000\u2003', 5000],
    ['\x85 12\xa0', 12],
    ['\u{1d7d7}', 9],
    ['\u{1d7cf}\u{1d7e1}', 19],
    ['1\u0969', 13],
  ])('reads %j as %d', (text, value) => {
    // Act & Assess
    expect(parsePythonInt(text)).toBe(value);
  });

  it.each([
    '',
    ' ',
    '5__000',
    '_5000',
    '5000_',
    '1 0',
    '+ 5000',
    '1e3',
    '0x10',
    '5.0',
    '\x1c5000',
    '5\0',
    '²',
    '5000$',
    '\u200b1',
  ])('refuses %j, where Python raises ValueError', (text) => {
    // Act & Assess
    expect(parsePythonInt(text)).toBeUndefined();
  });

  it.each([
    ['\u{1e4f1}', 'Nag Mundari (Unicode 15)'],
    ['1\u{1e4f1}', 'Nag Mundari after an ASCII digit'],
    ['\u{11bf1}\u{11bf2}', 'Sunuwar (Unicode 16)'],
    ['\u{10d41}', 'Garay (Unicode 16)'],
  ])('refuses %j: %s digits are newer than Python 3.11 knows, though Node counts them as \\p{Nd}', (text) => {
    // Act & Assess
    expect(parsePythonInt(text)).toBeUndefined();
    expect(parsePythonBigInt(text)).toBeUndefined();
  });

  it.each([
    ['1000', 4096],
    ['3E8', 1000],
    ['０x1F', 31],
    ['+0x_3e8', 1000],
    ['0X3e8', 1000],
    ['-0x10', -16],
    ['0x', undefined],
    ['0x_', undefined],
    ['0x__1', undefined],
    ['0_x1', undefined],
    ['g', undefined],
  ] as const)('reads %j in base 16 as %s', (text, expected) => {
    // Act & Assess
    expect(parsePythonInt(text, 16)).toBe(expected);
  });

  it('refuses more than 4300 decimal digits, as CPython does even when the value is small', () => {
    // Act & Assess
    expect(parsePythonInt(`+${'0'.repeat(4300)}1`)).toBeUndefined();
    expect(parsePythonInt(`+${'0'.repeat(4299)}1`)).toBe(1);
    expect(parsePythonInt('1'.repeat(4301))).toBeUndefined();
    expect(parsePythonInt('1'.repeat(4300))).toBeGreaterThan(1e300);
    expect(parsePythonInt('1_'.repeat(4300).slice(0, -1))).toBeGreaterThan(1e300);
  });

  it('has no digit limit in base 16, a power of two', () => {
    // Act & Assess
    expect(parsePythonInt(`${'0'.repeat(5000)}1`, 16)).toBe(1);
  });
});

describe("Function: parsePythonBigInt (Python's int(), exact)", () => {
  it.each([
    ['16', 16n],
    [' +1_6 ', 16n],
    ['-3', -3n],
    ['\u0664', 4n],
    ['18446744073709551617', 18446744073709551617n],
  ])('reads %j as %s', (text, value) => {
    // Act & Assess
    expect(parsePythonBigInt(text)).toBe(value);
  });

  it.each(['', '1__6', '0x10', '\x1c1', `${'0'.repeat(4300)}4`])('refuses %j', (text) => {
    // Act & Assess
    expect(parsePythonBigInt(text)).toBeUndefined();
  });
});

/**
 * The families used to carry copies of int() that accepted Unicode 15+ digits and any number of digits;
 * passlib 1.7.4 on Python 3.11 raises ValueError for both (hashes checked with it).
 */
describe('Families reading numbers through parsePythonInt', () => {
  const SHA256_CRYPT = '$5$rounds=6000$saltsalt$DBy9HFY8eOex7GUWZgjxGzsv/nCec5j8SyMXN53LjQC';
  const SCRYPT = '$scrypt$ln=4,r=8,p=1$m/O+F6KUUkpJSWlNSQmBUA$51NCT49cm76p+pK3KNSACtkwHhf8+pccdv0ZlLrHzNI';
  const CISCO_TYPE7 = '120912';

  it.each([
    ['sha256_crypt', SHA256_CRYPT.replace('6000', `+${'0'.repeat(4295)}6000`)],
    ['sha256_crypt', SHA256_CRYPT.replace('6000', '٦٠٠٠')],
    ['scrypt', SCRYPT.replace('ln=4', `ln=${'0'.repeat(4299)}4`)],
    ['scrypt', SCRYPT.replace('ln=4', 'ln=\u0664')],
    ['cisco_type7', CISCO_TYPE7],
    ['cisco_type7', CISCO_TYPE7.replace('12', '\u0661\u0662')],
  ] as const)('%s verifies a hash whose number passlib reads (%#)', async (scheme, hash) => {
    // Act
    const result = await verifyPassword('pw', hash, { scheme });

    // Assess
    expect(result.ok).toBe(true);
  });

  it.each([
    ['sha256_crypt', SHA256_CRYPT.replace('6000', `+${'0'.repeat(4300)}6000`)],
    ['sha256_crypt', SHA256_CRYPT.replace('6000', '\u{1e4f6}\u{1e4f0}\u{1e4f0}\u{1e4f0}')],
    ['scrypt', SCRYPT.replace('ln=4', `ln=${'0'.repeat(4300)}4`)],
    ['scrypt', SCRYPT.replace('ln=4', 'ln=\u{1e4f4}')],
    ['cisco_type7', CISCO_TYPE7.replace('12', '\u{1e4f1}\u{1e4f2}')],
  ] as const)('%s rejects with MalformedHashError a number passlib cannot read (%#)', async (scheme, hash) => {
    // Act
    const attempt = verifyPassword('pw', hash, { scheme });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });
});
