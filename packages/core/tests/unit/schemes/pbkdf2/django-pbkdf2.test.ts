import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_POLICY } from '../../../../src/constants.js';
import {
  HashPolicyError,
  identifyHash,
  MalformedHashError,
  type SchemeName,
  verifyPassword,
} from '../../../../src/index.js';
import { djangoPbkdf2Sha256 } from '../../../../src/schemes/pbkdf2/django.js';

/** Made with passlib 1.7.4 (`using(rounds=1000, salt='NfQ2Ab3dE5fG')`), and Django's own from passlib's tests. */
const KNOWN: readonly { scheme: SchemeName; password: string; hash: string }[] = [
  {
    scheme: 'django_pbkdf2_sha256',
    password: 'correct horse',
    hash: 'pbkdf2_sha256$1000$NfQ2Ab3dE5fG$eQsjCBW/CjjjPzZcd4kWobRDwz1bwM7mKDu9YEAhDVs=',
  },
  {
    scheme: 'django_pbkdf2_sha256',
    password: 'Zoë ☃ 密码 😀',
    hash: 'pbkdf2_sha256$1000$NfQ2Ab3dE5fG$yK0Xy7YQVvEVIk3+IBwc0NzsLSKlkpOQLlCPkUe9C5s=',
  },
  {
    scheme: 'django_pbkdf2_sha256',
    password: '',
    hash: 'pbkdf2_sha256$1000$NfQ2Ab3dE5fG$6IRJ0vg9CiHn+LqG7Uuv0/IdEQJ2bFSEpl0c3AEOR1U=',
  },
  {
    scheme: 'django_pbkdf2_sha1',
    password: 'correct horse',
    hash: 'pbkdf2_sha1$1000$NfQ2Ab3dE5fG$RXwLBG5KIo8Ta6d7YNiE8xlPNFQ=',
  },
  {
    scheme: 'django_pbkdf2_sha1',
    password: 'Zoë ☃ 密码 😀',
    hash: 'pbkdf2_sha1$1000$NfQ2Ab3dE5fG$lzL8vdBaKQhbd1dKlIZbI+8IF00=',
  },
  { scheme: 'django_pbkdf2_sha1', password: '', hash: 'pbkdf2_sha1$1000$NfQ2Ab3dE5fG$cLWp2YTCF/ykENFbAZF2Nz9c5RY=' },
];

const HASH = 'pbkdf2_sha256$1000$NfQ2Ab3dE5fG$eQsjCBW/CjjjPzZcd4kWobRDwz1bwM7mKDu9YEAhDVs=';

describe('Scheme: django_pbkdf2_sha256 and django_pbkdf2_sha1', () => {
  it.each(KNOWN)('verifies the right password for a passlib $scheme hash', async ({ scheme, password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme });

    // Assess
    expect(result).toEqual({ ok: true, scheme, needsUpdate: true });
  });

  it.each(KNOWN)('refuses a wrong password for a $scheme hash', async ({ scheme, password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash, { scheme });

    // Assess
    expect(result.ok).toBe(false);
  });

  it.each(KNOWN)('identifies a $scheme hash by its prefix and well-formed fields', ({ scheme, hash }) => {
    // Act & Assess
    expect(identifyHash(hash)).toBe(scheme);
  });

  it.each([
    ['django_pbkdf2_sha256', 'pbkdf2_sha256$10000$kjVJaVz6qsnJ$5yPHw3rwJGECpUf70daLGhOrQ5+AMxIJdz1c3bqK1Rs='],
    ['django_pbkdf2_sha1', 'pbkdf2_sha1$10000$wz5B6WkasRoF$atJmJ1o+XfJxKq1+Nu1f1i57Z5I='],
  ] as const)("verifies a hash made by Django 1.4 itself (%s, from passlib's tests)", async (scheme, hash) => {
    // Act
    const right = await verifyPassword('not a password', hash);
    const wrong = await verifyPassword('not a password!', hash);

    // Assess: 10,000 iterations and a 12-character salt are far from Django 5.2's 1,000,000 and 22.
    expect(right).toEqual({ ok: true, scheme, needsUpdate: true });
    expect(wrong.ok).toBe(false);
  });

  it("reports Django's must_update: exactly 1,000,000 iterations and a salt of 22 characters or more are current", () => {
    // Prepare: the fields are read before any hashing, so no digest needs to match.
    const digest = 'eQsjCBW/CjjjPzZcd4kWobRDwz1bwM7mKDu9YEAhDVs=';
    const needsUpdate = (iterations: number, salt: string) =>
      djangoPbkdf2Sha256.prepare(`pbkdf2_sha256$${iterations}$${salt}$${digest}`, { policy: DEFAULT_COST_POLICY })
        .needsUpdate;
    const salt22 = 'a'.repeat(22);

    // Act / Assess
    expect(needsUpdate(1_000_000, salt22)).toBe(false);
    expect(needsUpdate(1_000_000, salt22.slice(1))).toBe(true);
    expect(needsUpdate(1_200_000, salt22)).toBe(true);
    expect(needsUpdate(870_000, salt22)).toBe(true);
  });

  it('reads the iterations with Python int() rules, as passlib does', async () => {
    // Act
    const result = await verifyPassword('correct horse', HASH.replace('$1000$', '$1_000$'));

    // Assess
    expect(result.ok).toBe(true);
  });

  it('treats a misplaced `=` in the digest as a mismatch, as passlib compares the text', async () => {
    // Act
    const result = await verifyPassword('correct horse', HASH.replace('DVs=', 'DV=s'));

    // Assess
    expect(result.ok).toBe(false);
  });

  it.each([
    ['a digest without its padding', HASH.slice(0, -1)],
    ['an ab64 `.` in the digest', HASH.replace('CBW/', 'CBW.')],
    ['a salt character outside [a-zA-Z0-9]', HASH.replace('Ab3d', 'Ab-d')],
    ['an empty salt', 'pbkdf2_sha256$1000$$eQsjCBW/CjjjPzZcd4kWobRDwz1bwM7mKDu9YEAhDVs='],
    ['no digest', 'pbkdf2_sha256$1000$NfQ2Ab3dE5fG'],
    ['zero-padded iterations', HASH.replace('$1000$', '$01000$')],
    ['an uppercase prefix', HASH.toUpperCase()],
    ['a SHA-1 sized digest', 'pbkdf2_sha256$1000$NfQ2Ab3dE5fG$RXwLBG5KIo8Ta6d7YNiE8xlPNFQ='],
  ])('rejects a hash with %s with MalformedHashError', async (_case, hash) => {
    // Act & Assess
    await expect(verifyPassword('correct horse', hash, { scheme: 'django_pbkdf2_sha256' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it('rejects iterations above the policy with HashPolicyError before any hashing', () => {
    // Prepare
    const hash = HASH.replace('$1000$', '$4294967295$');

    // Act & Assess
    expect(() => djangoPbkdf2Sha256.prepare(hash, { policy: DEFAULT_COST_POLICY })).toThrow(HashPolicyError);
  });
});
