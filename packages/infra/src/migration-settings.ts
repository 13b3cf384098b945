import type { Duration } from 'aws-cdk-lib';
import { InfraError } from './errors.js';

/**
 * The Migration and Loader Lambdas' settings that the constructs take as props, checked at synthesis: a value
 * the handlers would refuse at cold start fails here instead, naming the prop, before anything is deployed.
 */

/** The handlers read whole days; a sub-day retention would silently round. */
const MAX_RETENTION_DAYS = 3650;
/** Above this, the lockout would never engage in practice: a typo, not a policy. */
const MAX_LOCKOUT_THRESHOLD = 100;
/** A lock longer than a day locks real users out for longer than any support queue takes to answer. */
const MAX_LOCK_SECONDS = 86_400;

const concrete = (name: string, duration: Duration): void => {
  if (duration.isUnresolved()) {
    throw new InfraError(`${name} must be known at synthesis, not a deploy-time token`);
  }
};

/**
 * The number of whole days in `hashRetention`, from 1 to 3650: how long a migrated user's staged hash (and a
 * quarantined record) lives before DynamoDB's TTL deletes it.
 *
 * @example
 * validateHashRetention(Duration.days(30)); // 30
 */
const validateHashRetention = (hashRetention: Duration): number => {
  concrete('hashRetention', hashRetention);
  const days = hashRetention.toSeconds({ integral: false }) / 86_400;
  if (!Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS) {
    throw new InfraError(
      `hashRetention must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}, got ${hashRetention.toHumanString()}`,
    );
  }
  return days;
};

/**
 * The consecutive failed sign-ins that lock a staged user, a whole number from 1 to 100.
 *
 * @example
 * validateLockoutThreshold(5); // 5
 */
const validateLockoutThreshold = (threshold: number): number => {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > MAX_LOCKOUT_THRESHOLD) {
    throw new InfraError(
      `lockoutThreshold must be a whole number from 1 to ${MAX_LOCKOUT_THRESHOLD}, got ${threshold}`,
    );
  }
  return threshold;
};

/**
 * The longest lock, in whole seconds from 1 s to one day.
 *
 * @example
 * validateLockoutMaxDuration(Duration.minutes(15)); // 900
 */
const validateLockoutMaxDuration = (maxDuration: Duration): number => {
  concrete('lockoutMaxDuration', maxDuration);
  const seconds = maxDuration.toSeconds({ integral: false });
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_LOCK_SECONDS) {
    throw new InfraError(
      `lockoutMaxDuration must be whole seconds from 1 s to 1 day, got ${maxDuration.toHumanString()}`,
    );
  }
  return seconds;
};

export { validateHashRetention, validateLockoutMaxDuration, validateLockoutThreshold };
