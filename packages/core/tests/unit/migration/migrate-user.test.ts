import { describe, expect, it } from 'vitest';
import {
  lockedUntil,
  type MigrateUserDependencies,
  type MigrationPhase,
  migrateUser,
  type PhaseRunner,
  type StagedUser,
  type StagedUserStore,
} from '../../../src/index.js';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse") */
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';
const PASSWORD = 'correct horse';
const NOW = new Date('2026-12-01T09:30:00.000Z');

const ada: StagedUser = {
  email: 'ada@example.com',
  hash: BCRYPT,
  scheme: 'bcrypt',
  profile: { given_name: 'Ada', sub: 'legacy-42' },
  sourceId: '42',
  sourceVersion: 1,
  stagedAt: '2026-11-25T12:00:00.000Z',
};

/** An in-memory store that notes every mark it is asked to write. */
const storeWith = (...users: StagedUser[]) => {
  const marks: { email: string; at: Date; expiresAt: Date }[] = [];
  const failures: { email: string; at: Date; counted: boolean }[] = [];
  const store: StagedUserStore = {
    stage: async () => 'staged',
    stageMany: async (messages) => messages.map(() => 'staged' as const),
    get: async (email) => users.find((user) => user.email === email),
    markMigrated: async (email, at, expiresAt) => {
      marks.push({ email, at, expiresAt });
    },
    recordFailedSignIn: async (email, at, counted) => {
      failures.push({ email, at, counted });
    },
  };
  return { store, marks, failures };
};

/** A runner that notes the phases it runs, in order. */
const recordingRunner = () => {
  const phases: MigrationPhase[] = [];
  const runPhase: PhaseRunner = (phase, work) => {
    phases.push(phase);
    return work();
  };
  return { phases, runPhase };
};

describe('Function: migrateUser', () => {
  describe('on a sign-in (UserMigration_Authentication)', () => {
    it('verifies the password, returns the attributes and marks the user migrated at the clock’s time', async () => {
      // Prepare
      const { store, marks } = storeWith(ada);

      // Act
      const outcome = await migrateUser(
        { trigger: 'authentication', userName: ' Ada@Example.com ', password: PASSWORD },
        { store, now: () => NOW },
      );

      // Assess
      expect(outcome).toEqual({
        ok: true,
        trigger: 'authentication',
        user: ada,
        attributes: { email: 'ada@example.com', email_verified: 'true', given_name: 'Ada' },
        passwordResetRequired: false,
        mark: { status: 'marked' },
      });
      expect(marks).toEqual([
        { email: 'ada@example.com', at: NOW, expiresAt: new Date(NOW.getTime() + 30 * 86_400_000) },
      ]);
    });

    it('runs the lookup, the verify and the mark through runPhase, in that order', async () => {
      // Prepare
      const { phases, runPhase } = recordingRunner();

      // Act
      await migrateUser(
        { trigger: 'authentication', userName: ada.email, password: PASSWORD },
        { store: storeWith(ada).store, runPhase },
      );

      // Assess
      expect(phases).toEqual(['lookup', 'verify', 'mark']);
    });

    it('writes no second mark for a user marked already, whose first date stays', async () => {
      // Prepare
      const { store, marks } = storeWith({ ...ada, migratedAt: '2026-11-30T08:00:00.000Z' });

      // Act
      const outcome = await migrateUser(
        { trigger: 'authentication', userName: ada.email, password: PASSWORD },
        { store },
      );

      // Assess
      expect(outcome).toMatchObject({ ok: true, mark: { status: 'already-marked' } });
      expect(marks).toEqual([]);
    });

    it('signs the user in even when the mark cannot be written, naming the error', async () => {
      // Prepare
      const { store } = storeWith(ada);
      const failing: StagedUserStore = {
        ...store,
        markMigrated: async () => {
          throw new TypeError('socket hang up');
        },
      };

      // Act
      const outcome = await migrateUser(
        { trigger: 'authentication', userName: ada.email, password: PASSWORD },
        { store: failing },
      );

      // Assess
      expect(outcome).toMatchObject({ ok: true, mark: { status: 'failed', errorName: 'TypeError' } });
    });

    it('migrates a correct password that fails the strength rule with passwordResetRequired, and marks it', async () => {
      // Prepare: "correct horse" has no uppercase letter and no digit.
      const { store, marks } = storeWith(ada);
      const passwordRule = {
        minLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: false,
      };

      // Act
      const outcome = await migrateUser(
        { trigger: 'authentication', userName: ada.email, password: PASSWORD },
        { store, passwordRule },
      );

      // Assess
      expect(outcome).toMatchObject({ ok: true, passwordResetRequired: true, mark: { status: 'marked' } });
      expect(marks).toHaveLength(1);
    });

    it('refuses a wrong password and an unknown user after the same phases and marks nobody; only the staged user counts', async () => {
      // Prepare
      const { store, marks, failures } = storeWith(ada);
      const wrong = recordingRunner();
      const unknown = recordingRunner();

      // Act
      const wrongPassword = await migrateUser(
        { trigger: 'authentication', userName: ada.email, password: `${PASSWORD}!` },
        { store, runPhase: wrong.runPhase },
      );
      const unknownUser = await migrateUser(
        { trigger: 'authentication', userName: 'nobody@example.com', password: PASSWORD },
        { store, runPhase: unknown.runPhase },
      );

      // Assess
      expect(wrongPassword).toEqual({ ok: false, cause: 'wrong-password', failure: { status: 'recorded' } });
      expect(unknownUser).toEqual({ ok: false, cause: 'unknown-user' });
      expect(wrong.phases).toEqual(['lookup', 'verify', 'mark']);
      expect(unknown.phases).toEqual(['lookup', 'verify', 'mark']);
      expect(marks).toEqual([]);
      expect(failures.map(({ email, counted }) => ({ email, counted }))).toEqual([
        { email: 'ada@example.com', counted: true },
        { email: 'nobody@example.com', counted: false },
      ]);
    });

    it('refuses a staged hash that cannot be checked, naming the error for the log', async () => {
      // Prepare
      const { store } = storeWith({ ...ada, hash: BCRYPT.replace('$04$', '$31$') });

      // Act
      const outcome = await migrateUser({ trigger: 'authentication', userName: ada.email, password: 'x' }, { store });

      // Assess
      expect(outcome).toEqual({ ok: false, cause: 'policy', errorName: 'HashPolicyError' });
    });

    it('throws on what the store or the runner throws before the password is checked', async () => {
      // Prepare
      const { store } = storeWith(ada);
      const unreachable: StagedUserStore = {
        ...store,
        get: async () => {
          throw new Error('connection refused');
        },
      };
      const late = new Error('deadline');
      const giveUp: PhaseRunner = async () => {
        throw late;
      };
      const request = { trigger: 'authentication', userName: ada.email, password: PASSWORD } as const;

      // Act / Assess
      await expect(migrateUser(request, { store: unreachable })).rejects.toThrow('connection refused');
      await expect(migrateUser(request, { store, runPhase: giveUp })).rejects.toBe(late);
    });
  });

  describe('on a forgotten password (UserMigration_ForgotPassword)', () => {
    it('returns a staged user’s attributes after the lookup alone: no verify, no mark', async () => {
      // Prepare
      const { store, marks } = storeWith(ada);
      const { phases, runPhase } = recordingRunner();

      // Act
      const outcome = await migrateUser(
        { trigger: 'forgot-password', userName: 'ADA@example.com' },
        { store, runPhase },
      );

      // Assess
      expect(outcome).toEqual({
        ok: true,
        trigger: 'forgot-password',
        user: ada,
        attributes: { email: 'ada@example.com', email_verified: 'true', given_name: 'Ada' },
      });
      expect(phases).toEqual(['lookup']);
      expect(marks).toEqual([]);
    });

    it('refuses an unknown user', async () => {
      await expect(
        migrateUser({ trigger: 'forgot-password', userName: 'nobody@example.com' }, { store: storeWith(ada).store }),
      ).resolves.toEqual({ ok: false, cause: 'unknown-user' });
    });
  });
  describe('guessing protection (failed sign-ins of a staged user lock it, as Cognito locks pool users)', () => {
    const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
    const failedTimes = (failedSignIns: number, lastFailedSignInAt = NOW) => ({
      ...ada,
      failedSignIns,
      lastFailedSignInAt: lastFailedSignInAt.toISOString(),
    });
    const signIn = (user: StagedUser, password: string, now: Date, extra: Partial<MigrateUserDependencies> = {}) => {
      const ports = storeWith(user);
      return migrateUser(
        { trigger: 'authentication', userName: ada.email, password },
        { store: ports.store, now: () => now, ...extra },
      ).then((outcome) => ({ outcome, ...ports }));
    };

    it('refuses the right password while locked, counts nothing, and still spends the verify and the write', async () => {
      // Prepare: five failures, the last one half a second ago: locked for 1 s.
      const runner = recordingRunner();

      // Act
      const { outcome, failures, marks } = await signIn(failedTimes(5), PASSWORD, at(0.5), {
        runPhase: runner.runPhase,
      });

      // Assess
      expect(outcome).toEqual({ ok: false, cause: 'locked' });
      expect(runner.phases).toEqual(['lookup', 'verify', 'mark']);
      expect(failures.map(({ counted }) => counted)).toEqual([false]);
      expect(marks).toEqual([]);
    });

    it('accepts the right password once the lock has expired, and the mark clears the failures', async () => {
      const { outcome, marks } = await signIn(failedTimes(5), PASSWORD, at(1));
      expect(outcome).toMatchObject({ ok: true, mark: { status: 'marked' } });
      expect(marks).toHaveLength(1);
    });

    it('locks 1 s at the threshold, doubling per further failure, never longer than the maximum', () => {
      const rule = { threshold: 5, maxLockSeconds: 900 };
      expect(lockedUntil(failedTimes(4), rule)).toBeUndefined();
      expect(lockedUntil(failedTimes(5), rule)).toBe(at(1).getTime());
      expect(lockedUntil(failedTimes(6), rule)).toBe(at(2).getTime());
      expect(lockedUntil(failedTimes(9), rule)).toBe(at(16).getTime());
      expect(lockedUntil(failedTimes(50), rule)).toBe(at(900).getTime());
    });

    it('follows a configured rule', async () => {
      const lockout = { threshold: 2, maxLockSeconds: 10 };
      expect((await signIn(failedTimes(2), PASSWORD, at(0.5), { lockout })).outcome).toMatchObject({ cause: 'locked' });
      expect((await signIn(failedTimes(1), PASSWORD, at(0.5), { lockout })).outcome).toMatchObject({ ok: true });
    });

    it('counts a wrong password under the threshold, and one after an expired lock', async () => {
      expect((await signIn(failedTimes(3), 'wrong', at(0))).failures.map(({ counted }) => counted)).toEqual([true]);
      expect((await signIn(failedTimes(5), 'wrong', at(2))).failures.map(({ counted }) => counted)).toEqual([true]);
    });

    it('clears the failures of a user marked already, on the next right password', async () => {
      const user = { ...failedTimes(2), migratedAt: '2026-11-30T08:00:00.000Z' };
      const { outcome, marks } = await signIn(user, PASSWORD, at(0));
      expect(outcome).toMatchObject({ ok: true, mark: { status: 'already-marked' } });
      expect(marks).toHaveLength(1);
    });

    it('refuses a wrong password the same when the failure cannot be counted, naming the error', async () => {
      // Prepare
      const { store } = storeWith(ada);
      const failing: StagedUserStore = {
        ...store,
        recordFailedSignIn: async () => {
          throw new TypeError('socket hang up');
        },
      };

      // Act
      const outcome = await migrateUser(
        { trigger: 'authentication', userName: ada.email, password: 'wrong' },
        { store: failing },
      );

      // Assess
      expect(outcome).toEqual({
        ok: false,
        cause: 'wrong-password',
        failure: { status: 'failed', errorName: 'TypeError' },
      });
    });
  });
});
