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
    };

interface MigrateUserDependencies extends AuthenticateDependencies {
  /** The clock of the `migratedAt` mark. */
  readonly now?: () => Date;
}

const errorNameOf = (error: unknown): string => (error instanceof Error ? error.name : typeof error);

/**
 * The Migration use case: answers one User Migration trigger from the staged users.
 *
 * - `authentication`: looks the user up, verifies the password as passlib would (an unknown user costs a dummy
 *   verify, so both refusals take as long), and on success marks the staged user migrated unless an earlier
 *   sign-in did. The mark is awaited, not left running: a Lambda environment freezes as soon as the handler
 *   returns. A failed mark does not fail the sign-in: the mark serves progress reports and purging.
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

  const outcome = await authenticateStagedUser(request.userName, request.password, { ...dependencies, runPhase });
  if (!outcome.ok) return outcome;
  // The first mark's date stays: writing again would say the user migrated later than they did.
  let mark: MarkOutcome = { status: 'already-marked' };
  if (outcome.user.migratedAt === undefined) {
    const now = dependencies.now ?? (() => new Date());
    try {
      await runPhase('mark', () => dependencies.store.markMigrated(outcome.user.email, now()));
      mark = { status: 'marked' };
    } catch (error) {
      mark = { status: 'failed', errorName: errorNameOf(error) };
    }
  }
  return { ...outcome, trigger: 'authentication', mark };
};

export type { MarkOutcome, MigrateUserDependencies, UserMigrationOutcome, UserMigrationRequest };
export { migrateUser };
