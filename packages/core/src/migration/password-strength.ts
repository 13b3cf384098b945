import { COGNITO_PASSWORD_SYMBOLS } from '../constants.js';
import { codePointLength } from '../password.js';
import type { PasswordRequirement, PasswordStrengthRule } from '../types/password-strength.js';

const SYMBOLS: ReadonlySet<string> = new Set(COGNITO_PASSWORD_SYMBOLS);

/** Cognito counts a space as a special character only inside the password, not among leading or trailing ones. */
const hasSymbol = (password: string): boolean => {
  for (const character of password) if (SYMBOLS.has(character)) return true;
  return password.replace(/^ +| +$/g, '').includes(' ');
};

/**
 * The parts of `rule` that `password` does not meet, in the rule's order; empty when it meets them all.
 * Character classes are Cognito's: Basic Latin letters, the digits 0–9 and Cognito's special characters, so a
 * password that passes here passes the pool's policy with the same settings.
 *
 * @example
 * unmetPasswordRequirements('correct horse', { minLength: 8, requireLowercase: true, requireUppercase: true,
 *   requireDigits: false, requireSymbols: false }); // ['requireUppercase']
 */
const unmetPasswordRequirements = (password: string, rule: PasswordStrengthRule): PasswordRequirement[] => {
  const unmet: PasswordRequirement[] = [];
  if (codePointLength(password) < rule.minLength) unmet.push('minLength');
  if (rule.requireLowercase && !/[a-z]/.test(password)) unmet.push('requireLowercase');
  if (rule.requireUppercase && !/[A-Z]/.test(password)) unmet.push('requireUppercase');
  if (rule.requireDigits && !/[0-9]/.test(password)) unmet.push('requireDigits');
  if (rule.requireSymbols && !hasSymbol(password)) unmet.push('requireSymbols');
  return unmet;
};

export { unmetPasswordRequirements };
