import { SETTING_LIMITS } from '@hashbridge/core';
import type { Duration } from 'aws-cdk-lib';
import { InfraError } from './errors.js';

/**
 * The Migration and Loader Lambdas' settings that the constructs take as props, checked at synthesis: a value
 * the handlers would refuse at cold start fails here instead, naming the prop, before anything is deployed.
 */

// The ranges are core's SETTING_LIMITS, the ones the handlers' schemas enforce; the handlers read whole days
// and whole seconds, so a fraction would silently round.
const { lockoutMaxSeconds, lockoutThreshold, retentionDays } = SETTING_LIMITS;

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
  if (!Number.isInteger(days) || days < retentionDays.min || days > retentionDays.max) {
    throw new InfraError(
      `hashRetention must be a whole number of days from ${retentionDays.min} to ${retentionDays.max}, got ${hashRetention.toHumanString()}`,
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
  if (!Number.isInteger(threshold) || threshold < lockoutThreshold.min || threshold > lockoutThreshold.max) {
    throw new InfraError(
      `lockoutThreshold must be a whole number from ${lockoutThreshold.min} to ${lockoutThreshold.max}, got ${threshold}`,
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
  if (!Number.isInteger(seconds) || seconds < lockoutMaxSeconds.min || seconds > lockoutMaxSeconds.max) {
    throw new InfraError(
      `lockoutMaxDuration must be whole seconds from ${lockoutMaxSeconds.min} s to ${lockoutMaxSeconds.max} s, got ${maxDuration.toHumanString()}`,
    );
  }
  return seconds;
};

export { validateHashRetention, validateLockoutMaxDuration, validateLockoutThreshold };
