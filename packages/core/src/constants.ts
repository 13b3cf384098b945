import type { CostPolicy } from './types/policy.js';

/** passlib refuses longer passwords (in code points) everywhere, verify included (`PasswordSizeError`). */
const MAX_PASSWORD_LENGTH = 4096;

/**
 * Admits every passlib default and common production settings; refuses what no real deployment stores.
 * Floors are passlib 1.7.4's defaults' order of magnitude: older hashes verify, but report `needsUpdate`.
 */
const DEFAULT_COST_POLICY: CostPolicy = Object.freeze({
  bcryptMaxCost: 16,
  bcryptMinCost: 10,
  pbkdf2MaxIterations: 2_000_000,
  pbkdf2MinIterations: 10_000,
  shaCryptMaxRounds: 2_000_000,
  shaCryptMinRounds: 5_000,
  argon2MaxMemoryKiB: 256 * 1024,
  argon2MaxTimeCost: 16,
  argon2MaxParallelism: 16,
  scryptMaxMemoryBytes: 256 * 1024 * 1024,
  otherMaxIterations: 2_000_000,
});

/**
 * The characters a Cognito password policy counts as special (developer guide, "Adding user pool password
 * requirements"). A space counts too, but only inside the password: Cognito does not count a leading or
 * trailing one.
 */
const COGNITO_PASSWORD_SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-';

export { COGNITO_PASSWORD_SYMBOLS, DEFAULT_COST_POLICY, MAX_PASSWORD_LENGTH };
