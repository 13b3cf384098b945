import { DEFAULT_COST_POLICY } from '../constants.js';
import { HashPolicyError, MalformedHashError } from '../errors.js';
import { identifyHash } from '../identify-hash.js';
import { findScheme } from '../registry.js';
import type { SchemeName } from '../scheme-names.js';
import type { CostPolicy } from '../types/policy.js';

/** A user and realm for the schemes that mix them in: neither changes a hash's format or cost. */
const PROBE_CONTEXT = Object.freeze({ user: 'user', realm: 'realm' });

/**
 * Runs the scheme's own `prepare` (parsing and cost policy, no hashing) and returns the error it throws, so
 * the lanes use exactly verify's rules instead of copies of them.
 */
const prepareError = (scheme: SchemeName, hash: string, policy: Partial<CostPolicy>): unknown => {
  const found = findScheme(scheme);
  if (found === undefined) return new MalformedHashError(scheme, 'the scheme is not implemented');
  try {
    found.prepare(hash, { ...PROBE_CONTEXT, policy: { ...DEFAULT_COST_POLICY, ...policy } });
    return undefined;
  } catch (error) {
    return error;
  }
};

/**
 * Why `hash` is not a well-formed hash of `scheme` (as exact identification decides), in the words of the
 * scheme's MalformedHashError; `undefined` when it is.
 */
const malformedReason = (scheme: SchemeName, hash: string): string | undefined => {
  if (identifyHash(hash, { schemes: [scheme] }) === scheme) return undefined;
  const error = prepareError(scheme, hash, {});
  return error instanceof MalformedHashError ? error.message : `not a well-formed ${scheme} hash`;
};

/** The HashPolicyError verify would throw for `hash` under `policy`, or `undefined` when the policy admits it. */
const costPolicyRefusal = (
  scheme: SchemeName,
  hash: string,
  policy: Partial<CostPolicy>,
): HashPolicyError | undefined => {
  const error = prepareError(scheme, hash, policy);
  return error instanceof HashPolicyError ? error : undefined;
};

export { costPolicyRefusal, malformedReason };
