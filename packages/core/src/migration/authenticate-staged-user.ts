import { DEFAULT_LOCKOUT_RULE } from '../constants.js';
import { dummyVerify } from '../dummy-verify.js';
import { HashbridgeError, HashPolicyError, PasswordValueError } from '../errors.js';
import { normalizeEmail } from '../messages/user-message.js';
import type { StagedUser, StagedUserStore } from '../ports/staged-user-store.js';
import type { SchemeName } from '../scheme-names.js';
import type { LockoutRule } from '../types/lockout.js';
import type { PhaseRunner } from '../types/migration-phase.js';
import type { PasswordStrengthRule } from '../types/password-strength.js';
import type { CostPolicy } from '../types/policy.js';
import { verifyPassword } from '../verify-password.js';
import { unmetPasswordRequirements } from './password-strength.js';
import { isLocked } from './sign-in-lockout.js';
import { type AttributeMapping, mapUserAttributes } from './user-attributes.js';

/**
 * Why a sign-in was refused: for logs and metrics only (a subset of the contract's REFUSAL_CAUSES); callers must
 * show every reason the same way. A password passlib itself refuses (over 4096 characters, a NUL byte) is a
 * `wrong-password`, its error name in `errorName`; a hash beyond the cost policy is `policy`.
 */
type RejectionCause = 'unknown-user' | 'wrong-password' | 'unusable-hash' | 'policy' | 'locked';

type AuthenticationOutcome =
  | {
      readonly ok: true;
      readonly user: StagedUser;
      readonly attributes: Record<string, string>;
      /** The password is right but fails `passwordRule`: the user must choose a new one (RESET_REQUIRED). */
      readonly passwordResetRequired: boolean;
    }
  | { readonly ok: false; readonly cause: RejectionCause; readonly errorName?: string };

interface AuthenticateDependencies {
  readonly store: StagedUserStore;
  readonly attributeMapping?: AttributeMapping;
  readonly policy?: Partial<CostPolicy>;
  /** The scheme most staged users have: an unknown user costs one verify of it. Default bcrypt. */
  readonly dummyScheme?: SchemeName;
  /**
   * When given, a correct password that fails this rule still signs the user in to the migration, but with
   * `passwordResetRequired`. Checked only after the password verified, so it tells nothing about wrong ones.
   */
  readonly passwordRule?: PasswordStrengthRule;
  /** The equal-cost stand-in for an unknown user; replaceable so tests can count the work done. */
  readonly dummyVerify?: typeof dummyVerify;
  /**
   * Runs the store lookup and the password verification, each as one phase, so a caller can time them apart
   * (or bound them by a deadline). An unknown user's dummy verify is the `verify` phase too: both paths run the
   * same phases. Whatever it throws is thrown on.
   */
  readonly runPhase?: PhaseRunner;
  /** When a staged user's failed sign-ins lock it. @default DEFAULT_LOCKOUT_RULE (Cognito's) */
  readonly lockout?: LockoutRule;
  /** The clock the lock is read against. */
  readonly now?: () => Date;
}

/** The runner when the caller gives none: each phase just runs. */
const runDirectly: PhaseRunner = (_phase, work) => work();

/**
 * The migration trigger's decision for a sign-in: look up the staged user by normalised email and verify the
 * password exactly as passlib would. An unknown user costs a verify of the usual scheme too, so timing does
 * not tell unknown users from wrong passwords. A hash that cannot be checked (malformed, beyond policy)
 * refuses the sign-in like a wrong password; the cause is returned for the log. A correct password that
 * fails the optional strength rule succeeds with `passwordResetRequired`. A user locked by failed sign-ins is
 * refused (`locked`) whatever the password, at the cost of a verify. `migrateUser` builds on it.
 *
 * @example
 * ```ts
 * const outcome = await authenticateStagedUser('Ada@example.com', password, { store });
 * if (!outcome.ok) logger.warn('refused', { cause: outcome.cause });
 * ```
 */
const authenticateStagedUser = async (
  userName: string,
  password: string,
  dependencies: AuthenticateDependencies,
): Promise<AuthenticationOutcome> => {
  const runPhase = dependencies.runPhase ?? runDirectly;
  const user = await runPhase('lookup', () => dependencies.store.get(normalizeEmail(userName)));
  if (user === undefined) {
    await runPhase('verify', () =>
      (dependencies.dummyVerify ?? dummyVerify)({
        scheme: dependencies.dummyScheme ?? 'bcrypt',
        ...(dependencies.policy === undefined ? {} : { policy: dependencies.policy }),
      }),
    );
    return { ok: false, cause: 'unknown-user' };
  }
  const verify = () =>
    runPhase('verify', () =>
      verifyPassword(password, user.hash, {
        scheme: user.scheme,
        ...(dependencies.policy === undefined ? {} : { policy: dependencies.policy }),
      }),
    );
  const now = dependencies.now ?? (() => new Date());
  if (isLocked(user, dependencies.lockout ?? DEFAULT_LOCKOUT_RULE, now())) {
    // The hash is verified all the same and its answer thrown away: a locked account costs what any sign-in
    // costs, so timing tells a locked account from an unknown user or a wrong password no more than the answer.
    await verify().catch(() => undefined);
    return { ok: false, cause: 'locked' };
  }
  try {
    const { ok } = await verify();
    if (!ok) return { ok: false, cause: 'wrong-password' };
  } catch (error) {
    if (error instanceof PasswordValueError) return { ok: false, cause: 'wrong-password', errorName: error.name };
    if (error instanceof HashPolicyError) return { ok: false, cause: 'policy', errorName: error.name };
    if (error instanceof HashbridgeError) return { ok: false, cause: 'unusable-hash', errorName: error.name };
    throw error;
  }
  return {
    ok: true,
    user,
    attributes: mapUserAttributes(user, dependencies.attributeMapping),
    passwordResetRequired:
      dependencies.passwordRule !== undefined &&
      unmetPasswordRequirements(password, dependencies.passwordRule).length > 0,
  };
};

export type { AuthenticateDependencies, AuthenticationOutcome, RejectionCause };
export { authenticateStagedUser, runDirectly };
