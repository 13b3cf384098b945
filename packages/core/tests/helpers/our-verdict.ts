import type { OracleVerdict } from '@hashbridge/testing';
import type { SchemeName, VerifyOptions } from '../../src/index.js';
import {
  HashPolicyError,
  MalformedHashError,
  PasswordValueError,
  UnknownHashError,
  verifyPassword,
} from '../../src/index.js';

/**
 * Our answer in the oracle's terms: true/false, or the kind of error. Errors passlib has no counterpart
 * for (our cost policy) are reported by name, so a comparison with passlib fails loudly on them.
 */
const ourVerdict = async (
  scheme: SchemeName,
  password: string,
  hash: string,
  options: Omit<VerifyOptions, 'scheme'> = {},
): Promise<OracleVerdict | 'policy' | 'unknown'> => {
  try {
    return (await verifyPassword(password, hash, { ...options, scheme })).ok;
  } catch (error) {
    if (error instanceof PasswordValueError) return 'password';
    if (error instanceof MalformedHashError) return 'malformed';
    if (error instanceof HashPolicyError) return 'policy';
    if (error instanceof UnknownHashError) return 'unknown';
    throw error;
  }
};

/** Our verdict and needsUpdate, in the framework oracle's terms (needsUpdate only beside a true or false). */
const ourCheck = async (
  scheme: SchemeName,
  password: string,
  hash: string,
): Promise<{ verdict: OracleVerdict | 'policy' | 'unknown'; needsUpdate?: boolean }> => {
  try {
    const { ok, needsUpdate } = await verifyPassword(password, hash, { scheme });
    return { verdict: ok, needsUpdate };
  } catch {
    return { verdict: await ourVerdict(scheme, password, hash) };
  }
};

export { ourCheck, ourVerdict };
