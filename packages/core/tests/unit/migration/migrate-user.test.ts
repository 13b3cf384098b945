import { describe, expect, it } from 'vitest';
import {
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
  const marks: { email: string; at: Date }[] = [];
  const store: StagedUserStore = {
    stage: async () => 'staged',
    stageMany: async (messages) => messages.map(() => 'staged' as const),
    get: async (email) => users.find((user) => user.email === email),
    markMigrated: async (email, at) => {
      marks.push({ email, at });
    },
  };
  return { store, marks };
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
      expect(marks).toEqual([{ email: 'ada@example.com', at: NOW }]);
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

    it('refuses a wrong password and an unknown user alike, after the same phases, and marks nobody', async () => {
      // Prepare
      const { store, marks } = storeWith(ada);
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
      expect(wrongPassword).toEqual({ ok: false, cause: 'wrong-password' });
      expect(unknownUser).toEqual({ ok: false, cause: 'unknown-user' });
      expect(wrong.phases).toEqual(['lookup', 'verify']);
      expect(unknown.phases).toEqual(['lookup', 'verify']);
      expect(marks).toEqual([]);
    });

    it('refuses a staged hash that cannot be checked, naming the error for the log', async () => {
      // Prepare
      const { store } = storeWith({ ...ada, hash: BCRYPT.replace('$04$', '$31$') });

      // Act
      const outcome = await migrateUser({ trigger: 'authentication', userName: ada.email, password: 'x' }, { store });

      // Assess
      expect(outcome).toEqual({ ok: false, cause: 'unusable-hash', errorName: 'HashPolicyError' });
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
});
