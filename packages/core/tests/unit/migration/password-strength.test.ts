import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COGNITO_PASSWORD_SYMBOLS, type PasswordStrengthRule, unmetPasswordRequirements } from '../../../src/index.js';

/** A pool policy as strict as Cognito's default: 8 characters, every class required. */
const STRICT: PasswordStrengthRule = {
  minLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
};
const LENGTH_ONLY: PasswordStrengthRule = {
  minLength: 8,
  requireLowercase: false,
  requireUppercase: false,
  requireDigits: false,
  requireSymbols: false,
};

describe('Function: unmetPasswordRequirements', () => {
  it('returns nothing for a password that meets every requirement', () => {
    expect(unmetPasswordRequirements('Tr0ub4dor&3', STRICT)).toEqual([]);
  });

  it('names every requirement a password misses, in the order of the rule', () => {
    expect(unmetPasswordRequirements('correct horse', STRICT)).toEqual(['requireUppercase', 'requireDigits']);
    expect(unmetPasswordRequirements('abc', STRICT)).toEqual([
      'minLength',
      'requireUppercase',
      'requireDigits',
      'requireSymbols',
    ]);
    expect(unmetPasswordRequirements('ABCDEFGH', STRICT)).toEqual([
      'requireLowercase',
      'requireDigits',
      'requireSymbols',
    ]);
  });

  it('checks only the requirements the rule turns on', () => {
    expect(unmetPasswordRequirements('aaaaaaaa', LENGTH_ONLY)).toEqual([]);
    expect(unmetPasswordRequirements('aaaaaaa', LENGTH_ONLY)).toEqual(['minLength']);
  });

  it('counts the length in characters (code points), not UTF-16 units or bytes', () => {
    // Seven emoji: 14 UTF-16 units and 28 UTF-8 bytes, but seven characters.
    expect(unmetPasswordRequirements('😀'.repeat(7), LENGTH_ONLY)).toEqual(['minLength']);
    expect(unmetPasswordRequirements('😀'.repeat(8), LENGTH_ONLY)).toEqual([]);
  });

  it('counts only Basic Latin letters as lowercase or uppercase, as Cognito does', () => {
    const letters = { ...LENGTH_ONLY, minLength: 6, requireLowercase: true, requireUppercase: true };
    expect(unmetPasswordRequirements('éàüßøN', letters)).toEqual(['requireLowercase']);
    expect(unmetPasswordRequirements('ÉÀÜØÑÇ', letters)).toEqual(['requireLowercase', 'requireUppercase']);
  });

  it('counts only 0–9 as digits', () => {
    const digits = { ...LENGTH_ONLY, minLength: 6, requireDigits: true };
    expect(unmetPasswordRequirements('٣٤٥٦٧٨', digits)).toEqual(['requireDigits']);
    expect(unmetPasswordRequirements('٣٤٥٦٧9', digits)).toEqual([]);
  });

  it.each([...COGNITO_PASSWORD_SYMBOLS])('counts %s as a special character', (symbol) => {
    expect(unmetPasswordRequirements(`abcdefg${symbol}`, { ...LENGTH_ONLY, requireSymbols: true })).toEqual([]);
  });

  it('does not count other punctuation as a special character', () => {
    const symbols = { ...LENGTH_ONLY, requireSymbols: true };
    expect(unmetPasswordRequirements('abcdefg§€¿«»', symbols)).toEqual(['requireSymbols']);
    expect(unmetPasswordRequirements('abcd\tefgh', symbols)).toEqual(['requireSymbols']);
  });

  it('counts a space as a special character only inside the password', () => {
    const symbols = { ...LENGTH_ONLY, requireSymbols: true };
    expect(unmetPasswordRequirements('abcd efgh', symbols)).toEqual([]);
    expect(unmetPasswordRequirements('  abcdefgh', symbols)).toEqual(['requireSymbols']);
    expect(unmetPasswordRequirements('abcdefgh  ', symbols)).toEqual(['requireSymbols']);
  });

  it('passes any password made of one character of each class plus filler up to the minimum length', () => {
    const of = (alphabet: string) => fc.constantFrom(...alphabet);
    fc.assert(
      fc.property(
        of('abcdefghijklmnopqrstuvwxyz'),
        of('ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        of('0123456789'),
        of(COGNITO_PASSWORD_SYMBOLS),
        fc.string({ minLength: 4, maxLength: 40 }),
        (lower, upper, digit, symbol, filler) => {
          const password = `${filler}${lower}${upper}${digit}${symbol}`;
          expect(unmetPasswordRequirements(password, STRICT)).toEqual([]);
        },
      ),
    );
  });
});
