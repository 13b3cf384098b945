import type { StagedUser } from '../ports/staged-user-store.js';
import type { LockoutRule } from '../types/lockout.js';

/** The part of a staged record the lock is derived from. */
type SignInFailures = Pick<StagedUser, 'failedSignIns' | 'lastFailedSignInAt'>;

/**
 * The moment (epoch milliseconds) a staged user's lock ends, or undefined when its failures do not lock it.
 * After `threshold` failures the lock is 1 s, doubling with each further failure, capped at `maxLockSeconds`,
 * and it runs from the last failure. Derived from the record, so one atomic counter is all the state there is.
 *
 * @example
 * ```ts
 * const until = lockedUntil(user, DEFAULT_LOCKOUT_RULE);
 * if (until !== undefined && now.getTime() < until) refuse('locked');
 * ```
 */
const lockedUntil = (user: SignInFailures, rule: LockoutRule): number | undefined => {
  const failures = user.failedSignIns ?? 0;
  if (failures < rule.threshold || user.lastFailedSignInAt === undefined) return undefined;
  const lastFailure = Date.parse(user.lastFailedSignInAt);
  if (Number.isNaN(lastFailure)) return undefined;
  const seconds = Math.min(2 ** (failures - rule.threshold), rule.maxLockSeconds);
  return lastFailure + seconds * 1000;
};

/** True while the user's lock lasts at `now`. */
const isLocked = (user: SignInFailures, rule: LockoutRule, now: Date): boolean => {
  const until = lockedUntil(user, rule);
  return until !== undefined && now.getTime() < until;
};

export { isLocked, lockedUntil };
