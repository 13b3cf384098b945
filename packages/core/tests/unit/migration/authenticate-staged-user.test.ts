import { describe, expect, it } from 'vitest';
import {
  authenticateStagedUser,
  dummyVerify,
  type MigrationPhase,
  mapUserAttributes,
  type PhaseRunner,
  type StagedUser,
  type StagedUserStore,
} from '../../../src/index.js';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse") */
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';

const staged: StagedUser = {
  email: 'ada@example.com',
  hash: BCRYPT,
  scheme: 'bcrypt',
  profile: { given_name: 'Ada', family_name: 'Lovelace', sub: 'legacy-42', plan: 'gold', age: 36 },
  sourceId: '42',
  sourceVersion: 1,
  stagedAt: '2026-11-25T12:00:00.000Z',
};

/** An in-memory store (pure unit test). */
const storeWith = (...users: StagedUser[]): StagedUserStore => ({
  stage: async () => 'staged',
  stageMany: async (messages) => messages.map(() => 'staged' as const),
  get: async (email) => users.find((user) => user.email === email),
  markMigrated: async () => {},
  recordFailedSignIn: async () => {},
});

describe('Function: authenticateStagedUser', () => {
  it('verifies the password against the staged hash and returns the user attributes', async () => {
    // Act
    const outcome = await authenticateStagedUser(' Ada@Example.com ', 'correct horse', { store: storeWith(staged) });

    // Assess
    expect(outcome).toMatchObject({
      ok: true,
      attributes: { email: 'ada@example.com', email_verified: 'true', given_name: 'Ada', family_name: 'Lovelace' },
      passwordResetRequired: false,
    });
  });

  it('requires a password reset when the correct password fails the strength rule', async () => {
    // Prepare: "correct horse" has no uppercase letter and no digit.
    const passwordRule = {
      minLength: 8,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: false,
    };

    // Act
    const outcome = await authenticateStagedUser('ada@example.com', 'correct horse', {
      store: storeWith(staged),
      passwordRule,
    });

    // Assess
    expect(outcome).toMatchObject({ ok: true, passwordResetRequired: true });
  });

  it('requires no reset when the correct password meets the strength rule', async () => {
    // Act
    const outcome = await authenticateStagedUser('ada@example.com', 'correct horse', {
      store: storeWith(staged),
      passwordRule: {
        minLength: 13,
        requireLowercase: true,
        requireUppercase: false,
        requireDigits: false,
        requireSymbols: true,
      },
    });

    // Assess
    expect(outcome).toMatchObject({ ok: true, passwordResetRequired: false });
  });

  it('refuses a wrong password as wrong, whatever the strength rule says of it', async () => {
    // Act
    const outcome = await authenticateStagedUser('ada@example.com', 'weak', {
      store: storeWith(staged),
      passwordRule: {
        minLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
      },
    });

    // Assess
    expect(outcome).toEqual({ ok: false, cause: 'wrong-password' });
  });

  it('refuses a wrong password', async () => {
    expect(await authenticateStagedUser('ada@example.com', 'wrong', { store: storeWith(staged) })).toEqual({
      ok: false,
      cause: 'wrong-password',
    });
  });

  it('spends one full verify of the usual scheme for an unknown user', async () => {
    // Prepare: count the dummy verifies, and the scheme they cost.
    const spent: unknown[] = [];
    const counting: typeof dummyVerify = async (options) => {
      spent.push(options?.scheme);
      return dummyVerify(options);
    };

    // Act
    const outcome = await authenticateStagedUser('nobody@example.com', 'pw', {
      store: storeWith(staged),
      dummyScheme: 'pbkdf2_sha256',
      dummyVerify: counting,
    });

    // Assess
    expect(outcome).toEqual({ ok: false, cause: 'unknown-user' });
    expect(spent).toEqual(['pbkdf2_sha256']);
  });

  it('runs the lookup and then the verify through runPhase, each phase around its own work', async () => {
    // Prepare: note where each phase starts and ends, and which phase the store read happens in.
    const events: string[] = [];
    const runPhase: PhaseRunner = async (phase, work) => {
      events.push(`${phase} start`);
      try {
        return await work();
      } finally {
        events.push(`${phase} end`);
      }
    };
    const store = storeWith(staged);
    const recordingStore: StagedUserStore = {
      ...store,
      get: async (email) => {
        events.push('store read');
        return store.get(email);
      },
    };

    // Act
    const outcome = await authenticateStagedUser('ada@example.com', 'correct horse', {
      store: recordingStore,
      runPhase,
    });

    // Assess
    expect(outcome).toMatchObject({ ok: true });
    expect(events).toEqual(['lookup start', 'store read', 'lookup end', 'verify start', 'verify end']);
  });

  it('runs the same phases for an unknown user, the dummy verify inside the verify phase', async () => {
    // Prepare
    const phases: MigrationPhase[] = [];
    let current: MigrationPhase | undefined;
    const runPhase: PhaseRunner = async (phase, work) => {
      phases.push(phase);
      current = phase;
      try {
        return await work();
      } finally {
        current = undefined;
      }
    };
    const dummyPhases: (MigrationPhase | undefined)[] = [];
    const noting: typeof dummyVerify = async (options) => {
      dummyPhases.push(current);
      return dummyVerify(options);
    };

    // Act
    const outcome = await authenticateStagedUser('nobody@example.com', 'pw', {
      store: storeWith(staged),
      dummyScheme: 'md5_crypt',
      dummyVerify: noting,
      runPhase,
    });

    // Assess
    expect(outcome).toEqual({ ok: false, cause: 'unknown-user' });
    expect(phases).toEqual(['lookup', 'verify']);
    expect(dummyPhases).toEqual(['verify']);
  });

  it('refuses, without throwing, a staged hash beyond the cost policy (policy) or malformed (unusable-hash)', async () => {
    // Prepare
    const costly = { ...staged, hash: BCRYPT.replace('$04$', '$31$') };
    const malformed = { ...staged, hash: BCRYPT.slice(0, -3) };

    // Act / Assess
    expect(await authenticateStagedUser('ada@example.com', 'x', { store: storeWith(malformed) })).toEqual({
      ok: false,
      cause: 'unusable-hash',
      errorName: 'MalformedHashError',
    });
    expect(await authenticateStagedUser('ada@example.com', 'x', { store: storeWith(costly) })).toEqual({
      ok: false,
      cause: 'policy',
      errorName: 'HashPolicyError',
    });
  });
});

describe('Function: mapUserAttributes', () => {
  it('never returns sub, and returns custom attributes only when mapped', () => {
    // Act
    const defaults = mapUserAttributes(staged);
    const mapped = mapUserAttributes(staged, { plan: 'custom:plan', sub: 'sub', given_name: 'given_name' });

    // Assess
    expect(defaults).toEqual({
      email: 'ada@example.com',
      email_verified: 'true',
      given_name: 'Ada',
      family_name: 'Lovelace',
    });
    expect(mapped).toEqual({
      email: 'ada@example.com',
      email_verified: 'true',
      'custom:plan': 'gold',
      given_name: 'Ada',
    });
  });
});
