import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HashbridgeError,
  identifyHash,
  listSchemes,
  MalformedHashError,
  type SCHEME_NAMES,
  verifyPassword,
} from '../../src/index.js';

const TYPED_ERRORS = [
  'UnknownHashError',
  'MalformedHashError',
  'HashPolicyError',
  'PasswordValueError',
  'MissingContextError',
];

/** Every outcome but a typed error or ok: false is a defect. */
const outcomeOf = async (password: string, hash: string, scheme?: (typeof SCHEME_NAMES)[number]): Promise<string> => {
  try {
    const result = await verifyPassword(password, hash, scheme === undefined ? {} : { scheme });
    return result.ok ? 'ok: true' : 'ok: false';
  } catch (error) {
    if (error instanceof HashbridgeError && TYPED_ERRORS.includes(error.name)) return 'typed error';
    return `untyped ${String(error)}`;
  }
};

/** Strings that look like the start of a real hash, so parsers are reached, not just identification. */
const hashLike = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .tuple(
      fc.constantFrom(
        '$2b$',
        '$2a$04$',
        '$argon2id$v=19$',
        '$pbkdf2-sha256$',
        '$6$',
        '$1$',
        '$scrypt$',
        '{SSHA}',
        'pbkdf2_sha256$',
        '$P$',
        '{CRYPT}',
        '$5$rounds=',
        'sha1$',
        '$bcrypt-sha256$',
      ),
      fc.string({ maxLength: 60 }),
    )
    .map(([prefix, rest]) => prefix + rest),
);

describe('Fuzz: verifyPassword on arbitrary strings', () => {
  it('answers ok: false or a typed error, never ok: true, a crash or a hang', async () => {
    await fc.assert(
      // Not the empty password: a cisco_type7 "hash" of two digits and no data encodes it (next test).
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 20 }), hashLike, async (password, hash) => {
        expect(await outcomeOf(password, hash)).toMatch(/^(ok: false|typed error)$/);
      }),
      { numRuns: 3000 },
    );
  });

  it('matches the empty password to a cisco_type7 value without data, " 0" included, as passlib 1.7.4 does', async () => {
    // cisco_type7 is a reversible encoding: a salt (Python's int() accepts " 0") and no encoded characters is
    // the empty password. The fuzzer found this; passlib's cisco_type7.verify("", " 0") is True too.
    for (const hash of [' 0', '1 ']) {
      expect(await verifyPassword('', hash)).toMatchObject({ ok: true, scheme: 'cisco_type7' });
    }
    expect(await verifyPassword('', '00', { scheme: 'cisco_type7' })).toMatchObject({ ok: true });
    expect(await outcomeOf('x', ' 0')).toBe('ok: false');
  });

  it('does the same when each implemented scheme is forced on the string', async () => {
    const schemes = listSchemes();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...schemes), hashLike, async (scheme, hash) => {
        // Plaintext schemes match when hash and password are equal; the password here never is the hash.
        expect(await outcomeOf(`${hash}\u2603`, hash, scheme)).toMatch(/^(ok: false|typed error)$/);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('Fuzz: identifyHash on arbitrary strings', () => {
  it('never throws, and names only a scheme whose verify reads the string without MalformedHashError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...listSchemes()), hashLike, async (scheme, hash) => {
        // Act
        const named = identifyHash(hash, { schemes: [scheme] });
        const outcome =
          named === undefined
            ? undefined
            : await verifyPassword(`${hash}\u2603`, hash, {
                scheme: named,
                context: { user: 'user', realm: 'realm' },
              }).catch((error: unknown) => error);

        // Assess
        expect(outcome).not.toBeInstanceOf(MalformedHashError);
      }),
      { numRuns: 3000 },
    );
  });
});
