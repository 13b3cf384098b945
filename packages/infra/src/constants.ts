import { DEFAULT_HASH_RETENTION_DAYS, DEFAULT_LOCKOUT_RULE, QUARANTINE_TABLE, STAGING_TABLE } from '@hashbridge/core';

/**
 * Defaults of the reference architecture. The table names are the ones the handlers and the producer assume
 * when nothing is configured, so a stack deployed with defaults needs no extra settings anywhere.
 */
const DEFAULTS = {
  stagingTableName: STAGING_TABLE.name,
  quarantineTableName: QUARANTINE_TABLE.name,
  /**
   * 1769 MB is the size at which Lambda gives a function one full vCPU: hashing is CPU-bound, and a bcrypt
   * cost 12 or a 600,000-round PBKDF2 must finish well inside Cognito's 5 s, cold start included.
   */
  migrationMemorySize: 1769,
  /**
   * Cognito waits 5 s for the trigger, not configurable. Lambda timeouts are whole seconds, so 4 s is the
   * largest that still leaves the handler's DEADLINE_MARGIN_MS answer reaching Cognito in time.
   */
  migrationTimeoutSeconds: 4,
  /**
   * A KRaft cluster: ZooKeeper is gone from Kafka 4, and MSK never switches a cluster's metadata mode, so a
   * ZooKeeper cluster (e.g. '3.9.x') could not be upgraded in place to 4.x. 4.1 is the newest line MSK offers on
   * Standard brokers (4.2.x.kraft is Express-only) and the closest to the Kafka 4.2 the local stack tests the
   * producer against. MSK supports public access and IAM on KRaft clusters; the one KRaft restriction, no open
   * monitoring together with public access, does not apply: the cluster has no open monitoring.
   */
  kafkaVersion: '4.1.x.kraft',
  /** Days a migrated user's staged hash, and a quarantined record, live before DynamoDB's TTL deletes them. */
  hashRetentionDays: DEFAULT_HASH_RETENTION_DAYS,
  /** Consecutive failed sign-ins that lock a staged user: Cognito's own rule for users in a pool. */
  lockoutThreshold: DEFAULT_LOCKOUT_RULE.threshold,
  /** The longest lock, in seconds (1 s after the threshold, doubling per further failure). */
  lockoutMaxSeconds: DEFAULT_LOCKOUT_RULE.maxLockSeconds,
  /**
   * The PreSignUp guard makes one GetItem, but its cold start counts against Cognito's 5 s too, and CPU (which
   * the SDK's initialisation needs) grows with memory; the guard runs once per sign-up, so the cost is negligible.
   */
  preSignUpMemorySize: 512,
  /** Records of offset lag below which a standing lag is noise, not a stuck Loader. */
  offsetLagThreshold: 1000,
} as const;

/**
 * The user pool's password policy for new and reset passwords, in the names of CDK's `PasswordPolicy` — the same
 * names the Migration Lambda's `PASSWORD_STRENGTH_RULE` reads, so with `resetWeakPasswords` it is passed on as is.
 * Cognito does not hold a migrated user's legacy password to it; with `resetWeakPasswords` the Migration Lambda does.
 */
const USER_POOL_PASSWORD_RULE = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: false,
} as const;

export { DEFAULTS, USER_POOL_PASSWORD_RULE };
