import { UnknownHashError } from './errors.js';
import { DEFAULT_IDENTIFY_ORDER, findScheme } from './registry.js';
import type { SchemeName } from './scheme-names.js';
import type { PasswordHashScheme } from './types/scheme.js';
import type { IdentifyOptions } from './types/verify.js';

/** The schemes to try, in order: the caller's allow-list, or the default order. */
const candidateSchemes = (schemes: readonly SchemeName[] | undefined): readonly PasswordHashScheme[] => {
  if (schemes === undefined) return DEFAULT_IDENTIFY_ORDER;
  return schemes.map((name) => {
    const scheme = findScheme(name);
    if (scheme === undefined)
      throw new UnknownHashError(`scheme "${name}" is not supported by this version of @hashbridge/core`);
    return scheme;
  });
};

/** The first candidate whose format the hash has. */
const findHashScheme = (hash: string, schemes?: readonly SchemeName[]): PasswordHashScheme | undefined =>
  candidateSchemes(schemes).find((scheme) => scheme.identify(hash));

/**
 * Names the scheme of a stored hash, as passlib's `CryptContext.identify` would, or `undefined` when no
 * candidate scheme recognises it. Identification is syntactic: a hash that identifies can still be malformed.
 *
 * @example
 * ```ts
 * import { identifyHash } from '@hashbridge/core';
 * identifyHash('$2b$12$GhvMmNVjRW29ulnudl.LbuAnUtN/LRfe1JsBm1Xu6LE3059z5Tr8m'); // 'bcrypt'
 * ```
 */
const identifyHash = (hash: string, options: IdentifyOptions = {}): SchemeName | undefined => {
  if (typeof hash !== 'string') return undefined;
  return findHashScheme(hash, options.schemes)?.name;
};

export { candidateSchemes, findHashScheme, identifyHash };
