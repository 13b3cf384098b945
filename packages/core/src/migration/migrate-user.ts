import { DEFAULT_HASH_RETENTION_DAYS } from '../constants.js';
import { normalizeEmail } from '../messages/user-message.js';
import type { StagedUser } from '../ports/staged-user-store.js';
import {
  type AuthenticateDependencies,
  authenticateStagedUser,
  type RejectionCause,
  runDirectly,
} from './authenticate-staged-user.js';
import { mapUserAttributes } from './user-attributes.js';

/**
 * What the User Migration trigger asks, in the use case's terms: a sign-in with the password the user typed
 * (`UserMigration_Authentication`), or a forgotten-password request, which carries no password
 * (`UserMigration_ForgotPassword`).
 */
type UserMigrationRequest =
  | { readonly trigger: 'authentication'; readonly userName: string; readonly password: string }
  | { readonly trigger: 'forgot-password'; readonly userName: string };

/**
 * What became of the staged user's `migratedAt` mark after a successful sign-in. `already-marked`: an earlier
 * sign-in marked it (Cognito retried after a late answer, or the user was deleted from the pool and came back).
 * `failed`: the store refused the write; the sign-in succeeds all the same.
 */
type MarkOutcome =
  | { readonly status: 'marked' }
  | { readonly status: 'already-marked' }
  | { readonly status: 'failed'; readonly errorName: string };

type UserMigrationOutcome =
  | {
      readonly ok: true;
      readonly trigger: 'authentication';
      readonly user: StagedUser;
      /** Cognito attributes: the verified email plus the mapped profile fields, never `sub`. */
      readonly attributes: Record<string, string>;
      /** The password is right but fails the strength rule: the user must choose a new one. */
      readonly passwordResetRequired: boolean;
      readonly mark: MarkOutcome;
    }
  | {
      readonly ok: true;
      readonly trigger: 'forgot-password';
      readonly user: StagedUser;
      readonly attributes: Record<string, string>;
    }
  | {
      readonly ok: false;
      /** For the log only: every refusal must look the same to the caller. */
      readonly cause: RejectionCause;
      readonly errorName?: string;
      /** Set for a wrong password of a staged user: the failure counted towards the lock. */
      readonly failure?: FailureRecord;
    };

interface MigrateUserDependencies extends AuthenticateDependencies {
  /** Days the staged record outlives the migration before DynamoDB's TTL deletes it. @default 30 */
  readonly retentionDays?: number;
}

const DAY_MS = 86_400_000;

/**
 * What became of the failed-sign-in count after a wrong password: `recorded`, or `failed` (the store refused
 * the write; the sign-in is refused all the same).
 */
type FailureRecord = { readonly status: 'recorded' } | { readonly status: 'failed'; readonly errorName: string };

const errorNameOf = (error: unknown): string => (error instanceof Error ? error.name : typeof error);

/**
 * The Migration use case: answers one User Migration trigger from the staged users.
 *
 * - `authentication`: looks the user up, verifies the password as passlib would (an unknown user costs a dummy
 *   verify, so both refusals take as long), and on success marks the staged user migrated — the record then
 *   expires `retentionDays` later and its failed sign-ins are cleared — unless an earlier sign-in did. A wrong
 *   password of a staged user counts one failed sign-in (one atomic write, the only cost the lock adds); enough
 *   of them lock the user (`lockout`), and a locked user is refused whatever the password. The writes are
 *   awaited, not left running: a Lambda environment freezes as soon as the handler returns. A failed write does
 *   not change the answer: the mark serves progress reports and purging, the count only tightens the lock.
 * - `forgot-password`: returns the staged user's attributes, so Cognito can create the user and send the code.
 *
 * The staged hash is never returned and never leaves `verifyPassword`. Failures of the store, or of
 * `runPhase` (a deadline), are thrown: the caller refuses the trigger then.
 *
 * @example
 * ```ts
 * const outcome = await migrateUser({ trigger: 'authentication', userName, password }, { store });
 * if (outcome.ok && outcome.trigger === 'authentication') {
 *   response.finalUserStatus = outcome.passwordResetRequired ? 'RESET_REQUIRED' : 'CONFIRMED';
 * }
 * ```
 */
const migrateUser = async (
  request: UserMigrationRequest,
  dependencies: MigrateUserDependencies,
): Promise<UserMigrationOutcome> => {
  const runPhase = dependencies.runPhase ?? runDirectly;

  if (request.trigger === 'forgot-password') {
    const user = await runPhase('lookup', () => dependencies.store.get(normalizeEmail(request.userName)));
    if (user === undefined) return { ok: false, cause: 'unknown-user' };
    return {
      ok: true,
      trigger: 'forgot-password',
      user,
      attributes: mapUserAttributes(user, dependencies.attributeMapping),
    };
  }

  const now = dependencies.now ?? (() => new Date());
  const outcome = await authenticateStagedUser(request.userName, request.password, { ...dependencies, runPhase, now });
  if (!outcome.ok) {
    // An unusable hash or a policy refusal is the data's fault, not a guess: nothing to count or to hide.
    if (outcome.cause !== 'wrong-password' && outcome.cause !== 'unknown-user' && outcome.cause !== 'locked') {
      return outcome;
    }
    const email = normalizeEmail(request.userName);
    try {
      // Unknown users and locked accounts make the same write (it changes nothing), so all three cost alike.
      const counted = outcome.cause === 'wrong-password';
      await runPhase('mark', () => dependencies.store.recordFailedSignIn(email, now(), counted));
      return counted ? { ...outcome, failure: { status: 'recorded' } } : outcome;
    } catch (error) {
      return { ...outcome, failure: { status: 'failed', errorName: errorNameOf(error) } };
    }
  }
  // The first mark's date stays: writing again would say the user migrated later than they did. A marked user
  // is written again only to clear failed sign-ins (deleted from the pool, then back through the trigger).
  let mark: MarkOutcome = { status: 'already-marked' };
  if (outcome.user.migratedAt === undefined || (outcome.user.failedSignIns ?? 0) > 0) {
    const at = now();
    const expiresAt = new Date(at.getTime() + (dependencies.retentionDays ?? DEFAULT_HASH_RETENTION_DAYS) * DAY_MS);
    try {
      await runPhase('mark', () => dependencies.store.markMigrated(outcome.user.email, at, expiresAt));
      mark = outcome.user.migratedAt === undefined ? { status: 'marked' } : { status: 'already-marked' };
    } catch (error) {
      mark = { status: 'failed', errorName: errorNameOf(error) };
    }
  }
  return { ...outcome, trigger: 'authentication', mark };
};

export type { FailureRecord, MarkOutcome, MigrateUserDependencies, UserMigrationOutcome, UserMigrationRequest };
export { migrateUser };
