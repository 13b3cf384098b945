/**
 * When a staged user's failed sign-ins lock it: after `threshold` consecutive failures the account is locked for
 * 1 s, doubling with each further failure up to `maxLockSeconds` — Cognito's own rule for users in a pool, so
 * nothing changes for a user when the account moves over. Attempts during a lock are refused uncounted.
 */
interface LockoutRule {
  readonly threshold: number;
  readonly maxLockSeconds: number;
}

export type { LockoutRule };
