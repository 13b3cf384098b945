import { HashPolicyError, MalformedHashError, MissingContextError, UnknownHashError } from './errors.js';
import { DEFAULT_IDENTIFY_ORDER, findScheme } from './registry.js';
import type { SchemeName } from './scheme-names.js';
import type { CostPolicy } from './types/policy.js';
import type { PasswordHashScheme, SchemeContext } from './types/scheme.js';
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

/** No cap a stored cost could trip: identification asks about the format, the policy is verify's business. */
const UNBOUNDED_POLICY: CostPolicy = Object.freeze({
  bcryptMaxCost: Number.POSITIVE_INFINITY,
  bcryptMinCost: 0,
  pbkdf2MaxIterations: Number.POSITIVE_INFINITY,
  pbkdf2MinIterations: 0,
  shaCryptMaxRounds: Number.POSITIVE_INFINITY,
  shaCryptMinRounds: 0,
  argon2MaxMemoryKiB: Number.POSITIVE_INFINITY,
  argon2MaxTimeCost: Number.POSITIVE_INFINITY,
  argon2MaxParallelism: Number.POSITIVE_INFINITY,
  scryptMaxMemoryBytes: Number.POSITIVE_INFINITY,
  otherMaxIterations: Number.POSITIVE_INFINITY,
});

/** A user and realm for the schemes that mix them in: their presence never changes a format. */
const PROBE_CONTEXT: SchemeContext = Object.freeze({ policy: UNBOUNDED_POLICY, user: 'user', realm: 'realm' });

/**
 * Whether `hash` is well-formed for `scheme`: its syntactic test passes (passlib's `identify`) and it parses
 * as that scheme's verify reads it, so a verify gives a real answer. Parsing is synchronous and cheap; no
 * hashing happens. A cost above any policy, or a missing user name, does not make a hash another format.
 */
const isWellFormed = (scheme: PasswordHashScheme, hash: string): boolean => {
  if (!scheme.identify(hash)) return false;
  try {
    scheme.prepare(hash, PROBE_CONTEXT);
    return true;
  } catch (error) {
    if (error instanceof MalformedHashError) return false;
    if (error instanceof HashPolicyError || error instanceof MissingContextError) return true;
    throw error;
  }
};

/** The first candidate for which the hash is well-formed. */
const findHashScheme = (hash: string, schemes?: readonly SchemeName[]): PasswordHashScheme | undefined =>
  candidateSchemes(schemes).find((scheme) => isWellFormed(scheme, hash));

/**
 * The first candidate whose syntactic test alone accepts the hash: for a damaged hash no scheme reads, the
 * scheme whose error (MalformedHashError) says what is wrong with it.
 */
const findSyntacticScheme = (hash: string, schemes?: readonly SchemeName[]): PasswordHashScheme | undefined =>
  candidateSchemes(schemes).find((scheme) => scheme.identify(hash));

/**
 * Names the scheme of a stored hash, or `undefined` when the hash is well-formed for no candidate scheme.
 * Identification is exact: a scheme is named only when the hash parses as that scheme's verify reads it
 * (a prefix alone is not enough), trying the candidates in order as passlib's `CryptContext.identify`
 * does. Formats that are the same string for several schemes (bare hex digests, des_crypt and bigcrypt)
 * resolve to the first in order.
 *
 * @example
 * ```ts
 * import { identifyHash } from '@hashbridge/core';
 * identifyHash('$2b$12$GhvMmNVjRW29ulnudl.LbuAnUtN/LRfe1JsBm1Xu6LE3059z5Tr8m'); // 'bcrypt'
 * identifyHash('$2b$12$GhvMmNVjRW29ulnudl'); // undefined: a bcrypt prefix, but no bcrypt hash
 * ```
 */
const identifyHash = (hash: string, options: IdentifyOptions = {}): SchemeName | undefined => {
  if (typeof hash !== 'string') return undefined;
  return findHashScheme(hash, options.schemes)?.name;
};

export { candidateSchemes, findHashScheme, findSyntacticScheme, identifyHash };
