import type { CognitoImportParameters } from './types.js';

/**
 * What Cognito's CSV import is taken to accept, per `PasswordHashingAlgorithm`: a hash outside these goes to
 * the User Migration trigger, which verifies every one of them as passlib does.
 *
 * NOT CONFIRMED. The cost limits are as reported for the mid-2026 feature (bcrypt cost ≤ 12, scrypt N ≤ 65536,
 * r ≤ 8, p = 1, Argon2id m ≤ 19456 KiB, t ≤ 2, p = 1, PBKDF2-SHA256 ≤ 600,000 iterations); the copies of the
 * Cognito developer guide we could read predate the feature, and the SDK (3.1169) names the four algorithms
 * but no limits. Check them against the current "Importing users into user pools from a CSV file" page and
 * change them here, the one place they live.
 *
 * The length limits are ours, chosen so that only what any verifier takes goes native (a user whose hash
 * Cognito refuses is not created, while the trigger always works):
 * - salt 8 to 64 bytes: 8 is the least libargon2 and RFC 9106 accept; real salts are 16 to 22 bytes;
 * - derived key 32 bytes for scrypt and PBKDF2-SHA256 (one SHA-256 block: longer keys are cut to it,
 *   which is exact, see to-cognito-import-hash.ts), 16 to 64 bytes for Argon2id, whose output length
 *   changes every byte of it (16 is 128 bits: the chance a wrong password matches is 2^-128).
 * There are no cost floors: a weak hash is as weak on the trigger, and the audit reports costs.
 */
const COGNITO_IMPORT_BOUNDS = Object.freeze({
  BCRYPT: Object.freeze({
    /** `$2$` hashes a different key and `$2x$` is crypt_blowfish's bug: neither is bcrypt as Cognito has it. */
    idents: Object.freeze(['2a', '2b', '2y'] as const),
    minCost: 4,
    maxCost: 12,
  }),
  SCRYPT: Object.freeze({
    maxN: 65_536,
    maxR: 8,
    parallelism: 1,
    minSaltBytes: 8,
    maxSaltBytes: 64,
    hashBytes: 32,
  }),
  ARGON2ID: Object.freeze({
    /** 1.3; hashes of 1.0 (v=16) are a different function and go to the trigger. */
    version: 19,
    maxMemoryKiB: 19_456,
    maxTimeCost: 2,
    parallelism: 1,
    minSaltBytes: 8,
    maxSaltBytes: 64,
    minHashBytes: 16,
    maxHashBytes: 64,
  }),
  PBKDF2_SHA256: Object.freeze({
    maxIterations: 600_000,
    minSaltBytes: 8,
    maxSaltBytes: 64,
    hashBytes: 32,
  }),
});

const bytes = (count: number): string => `${count} byte${count === 1 ? '' : 's'}`;

const saltViolation = (salt: Uint8Array, min: number, max: number): string | undefined => {
  if (salt.length < min) return `a salt of ${bytes(salt.length)} is below the ${min} bytes allowed`;
  if (salt.length > max) return `a salt of ${bytes(salt.length)} is above the ${max} bytes allowed`;
  return undefined;
};

/** What in `parameters` lies outside `COGNITO_IMPORT_BOUNDS`, in words; `undefined` when nothing does. */
const cognitoBoundsViolation = (parameters: CognitoImportParameters): string | undefined => {
  switch (parameters.algorithm) {
    case 'BCRYPT': {
      const { minCost, maxCost } = COGNITO_IMPORT_BOUNDS.BCRYPT;
      if (parameters.cost < minCost || parameters.cost > maxCost) {
        return `bcrypt cost ${parameters.cost} is outside ${minCost} to ${maxCost}`;
      }
      return undefined;
    }
    case 'SCRYPT': {
      const bounds = COGNITO_IMPORT_BOUNDS.SCRYPT;
      if (parameters.n > bounds.maxN) return `scrypt N=${parameters.n} is above ${bounds.maxN}`;
      if (parameters.r > bounds.maxR) return `scrypt r=${parameters.r} is above ${bounds.maxR}`;
      if (parameters.p !== bounds.parallelism) return `scrypt p=${parameters.p}: only p=${bounds.parallelism}`;
      if (parameters.hash.length !== bounds.hashBytes) {
        return `a scrypt key of ${bytes(parameters.hash.length)}: only ${bounds.hashBytes}`;
      }
      return saltViolation(parameters.salt, bounds.minSaltBytes, bounds.maxSaltBytes);
    }
    case 'ARGON2ID': {
      const bounds = COGNITO_IMPORT_BOUNDS.ARGON2ID;
      if (parameters.memoryKiB > bounds.maxMemoryKiB) {
        return `argon2 m=${parameters.memoryKiB} KiB is above ${bounds.maxMemoryKiB}`;
      }
      if (parameters.timeCost > bounds.maxTimeCost)
        return `argon2 t=${parameters.timeCost} is above ${bounds.maxTimeCost}`;
      if (parameters.parallelism !== bounds.parallelism) {
        return `argon2 p=${parameters.parallelism}: only p=${bounds.parallelism}`;
      }
      const { length } = parameters.hash;
      if (length < bounds.minHashBytes || length > bounds.maxHashBytes) {
        return `an argon2 output of ${bytes(length)} is outside ${bounds.minHashBytes} to ${bounds.maxHashBytes}`;
      }
      return saltViolation(parameters.salt, bounds.minSaltBytes, bounds.maxSaltBytes);
    }
    case 'PBKDF2_SHA256': {
      const bounds = COGNITO_IMPORT_BOUNDS.PBKDF2_SHA256;
      if (parameters.iterations > bounds.maxIterations) {
        return `${parameters.iterations} PBKDF2 iterations are above ${bounds.maxIterations}`;
      }
      if (parameters.hash.length !== bounds.hashBytes) {
        return `a PBKDF2 key of ${bytes(parameters.hash.length)}: only ${bounds.hashBytes}`;
      }
      return saltViolation(parameters.salt, bounds.minSaltBytes, bounds.maxSaltBytes);
    }
  }
};

export { COGNITO_IMPORT_BOUNDS, cognitoBoundsViolation };
