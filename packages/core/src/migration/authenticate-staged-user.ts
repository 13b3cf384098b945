import { dummyVerify } from '../dummy-verify.js';
import { HashbridgeError, PasswordValueError } from '../errors.js';
import { normalizeEmail } from '../messages/user-message.js';
import type { StagedUser, StagedUserStore } from '../ports/staged-user-store.js';
import type { SchemeName } from '../scheme-names.js';
import type { PhaseRunner } from '../types/migration-phase.js';
import type { PasswordStrengthRule } from '../types/password-strength.js';
import type { CostPolicy } from '../types/policy.js';
import { verifyPassword } from '../verify-password.js';
import { unmetPasswordRequirements } from './password-strength.js';
import { type AttributeMapping, mapUserAttributes } from './user-attributes.js';

/** Why a sign-in was refused: for logs and metrics only; callers must show every reason the same way. */
type RejectionCause = 'unknown-user' | 'wrong-password' | 'refused-password' | 'unusable-hash';

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
}

/** The runner when the caller gives none: each phase just runs. */
const runDirectly: PhaseRunner = (_phase, work) => work();

/**
 * The migration trigger's decision for a sign-in: look up the staged user by normalised email and verify the
 * password exactly as passlib would. An unknown user costs a verify of the usual scheme too, so timing does
 * not tell unknown users from wrong passwords. A hash that cannot be checked (malformed, beyond policy)
 * refuses the sign-in like a wrong password; the cause is returned for the log. A correct password that
 * fails the optional strength rule succeeds with `passwordResetRequired`. `migrateUser` builds on it.
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
  try {
    const { ok } = await runPhase('verify', () =>
      verifyPassword(password, user.hash, {
        scheme: user.scheme,
        ...(dependencies.policy === undefined ? {} : { policy: dependencies.policy }),
      }),
    );
    if (!ok) return { ok: false, cause: 'wrong-password' };
  } catch (error) {
    if (error instanceof PasswordValueError) return { ok: false, cause: 'refused-password', errorName: error.name };
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
