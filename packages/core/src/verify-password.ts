import { DEFAULT_COST_POLICY, MAX_PASSWORD_LENGTH } from './constants.js';
import { PasswordValueError, UnknownHashError } from './errors.js';
import { candidateSchemes, findHashScheme, findSyntacticScheme } from './identify-hash.js';
import { codePointLength } from './password.js';
import type { PasswordHashScheme } from './types/scheme.js';
import type { VerifyOptions, VerifyResult } from './types/verify.js';

const schemeFor = (hash: string, options: VerifyOptions): PasswordHashScheme => {
  if (options.scheme !== undefined) {
    const [scheme] = candidateSchemes([options.scheme]);
    if (options.schemes !== undefined && !options.schemes.includes(options.scheme)) {
      throw new UnknownHashError(`scheme "${options.scheme}" is not in the allowed schemes`);
    }
    if (scheme !== undefined) return scheme;
  }
  // A well-formed match first; failing that, the scheme whose prefix the hash has, to say what is wrong with it.
  const scheme = findHashScheme(hash, options.schemes) ?? findSyntacticScheme(hash, options.schemes);
  if (scheme === undefined) throw new UnknownHashError('the hash is not in the format of any allowed scheme');
  return scheme;
};

/**
 * Checks a password against a stored passlib hash and answers exactly as passlib would.
 *
 * A wrong password is `{ ok: false }`. Errors are for hashes and passwords that cannot be checked:
 * `UnknownHashError` (no scheme recognises the hash), `MalformedHashError` (a known scheme, badly formed),
 * `HashPolicyError` (asks for more work than the cost policy allows; refused before hashing) and
 * `PasswordValueError` (a password passlib itself refuses: over 4096 characters, or a NUL byte where the
 * scheme forbids it). Digests are compared in constant time; no error message contains a secret.
 *
 * @example
 * ```ts
 * import { verifyPassword } from '@hashbridge/core';
 * const { ok, scheme, needsUpdate } = await verifyPassword('correct horse', storedHash);
 * ```
 */
const verifyPassword = async (password: string, hash: string, options: VerifyOptions = {}): Promise<VerifyResult> => {
  if (typeof password !== 'string') throw new PasswordValueError('the password must be a string');
  if (typeof hash !== 'string') throw new UnknownHashError('the hash must be a string');
  if (codePointLength(password) > MAX_PASSWORD_LENGTH) {
    throw new PasswordValueError(`the password is longer than ${MAX_PASSWORD_LENGTH} characters`);
  }
  const scheme = schemeFor(hash, options);
  const prepared = scheme.prepare(hash, {
    policy: { ...DEFAULT_COST_POLICY, ...options.policy },
    ...options.context,
  });
  const ok = await prepared.verify(password);
  return { ok, scheme: scheme.name, needsUpdate: prepared.needsUpdate };
};

export { verifyPassword };
