import type { LockoutRule } from './types/lockout.js';
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

/** Cognito's lockout for users in a pool: 5 failures, then 1 s doubling up to 15 minutes. */
const DEFAULT_LOCKOUT_RULE: LockoutRule = Object.freeze({ threshold: 5, maxLockSeconds: 900 });

/**
 * Days a migrated user's staged record (and a quarantined record) stays before DynamoDB's TTL deletes it: long
 * enough to repair a user creation that failed, short enough that the legacy hash does not live on for ever.
 */
const DEFAULT_HASH_RETENTION_DAYS = 30;

/**
 * The accepted range of each lockout and retention setting: the handlers refuse anything else at cold start,
 * the infra at synthesis. Past these, a value is a typo, not a policy (a threshold no attacker reaches, a lock
 * longer than a day, a retention beyond ten years).
 */
const SETTING_LIMITS = Object.freeze({
  lockoutThreshold: Object.freeze({ min: 1, max: 100 }),
  lockoutMaxSeconds: Object.freeze({ min: 1, max: 86_400 }),
  retentionDays: Object.freeze({ min: 1, max: 3650 }),
} as const);

export {
  COGNITO_PASSWORD_SYMBOLS,
  DEFAULT_COST_POLICY,
  DEFAULT_HASH_RETENTION_DAYS,
  DEFAULT_LOCKOUT_RULE,
  MAX_PASSWORD_LENGTH,
  SETTING_LIMITS,
};
