import { readFrameworkVectors, readPasslibVectors } from '@hashbridge/testing';
import { describe, expect, it } from 'vitest';
import {
  COGNITO_IMPORTABLE_SCHEMES,
  type NativeImportRefusalReason,
  type SchemeName,
  toCognitoImportHash,
} from '../../../src/index.js';
import { verifyAsCognito } from './independent-hashes.js';

interface Expectation {
  readonly scheme: SchemeName;
  /** Which of the scheme's known-answer hashes this row is about. */
  readonly hashes: RegExp;
  readonly outcome: 'native' | NativeImportRefusalReason;
  /** For a refusal: what the detail must name. */
  readonly detail?: RegExp;
}

/**
 * What becomes of every hash real passlib 1.7.4, libpass, Django 5.2/4.2 and Werkzeug 3 made for the
 * importable schemes (packages/testing/fixtures). Each hash matches exactly one row of its scheme.
 */
const EXPECTED: readonly Expectation[] = [
  { scheme: 'bcrypt', hashes: /^\$2[aby]\$0[45]\$/, outcome: 'native' },
  { scheme: 'bcrypt', hashes: /^\$2\$/, outcome: 'not-importable', detail: /\$2\$/ },
  { scheme: 'django_bcrypt', hashes: /^bcrypt\$\$2b\$(04|05|12)\$/, outcome: 'native' },
  { scheme: 'ldap_bcrypt', hashes: /^\{CRYPT\}\$2b\$04\$/, outcome: 'native' },
  { scheme: 'argon2', hashes: /^\$argon2id\$v=19\$m=256,t=1,p=1\$/, outcome: 'native' },
  { scheme: 'argon2', hashes: /^\$argon2[id]\$/, outcome: 'not-importable', detail: /^argon2[id]: / },
  { scheme: 'django_argon2', hashes: /^argon2\$argon2i\$/, outcome: 'not-importable', detail: /argon2i/ },
  { scheme: 'django_argon2', hashes: /^argon2\$argon2id\$v=19\$m=29,t=1,p=1\$/, outcome: 'native' },
  // Django 5.2's default Argon2PasswordHasher: m=102400, t=2, p=8.
  {
    scheme: 'django_argon2',
    hashes: /^argon2\$argon2id\$v=19\$m=102400,t=2,p=8\$/,
    outcome: 'outside-cognito-bounds',
    detail: /m=102400/,
  },
  {
    scheme: 'django_argon2',
    hashes: /^argon2\$argon2id\$v=19\$m=1021,t=2,p=2\$/,
    outcome: 'outside-cognito-bounds',
    detail: /p=2/,
  },
  {
    scheme: 'django_argon2',
    hashes: /^argon2\$argon2id\$v=19\$m=237,t=3,p=2\$/,
    outcome: 'outside-cognito-bounds',
    detail: /t=3/,
  },
  { scheme: 'pbkdf2_sha256', hashes: /^\$pbkdf2-sha256\$(1000|1200)\$/, outcome: 'native' },
  { scheme: 'ldap_pbkdf2_sha256', hashes: /^\{PBKDF2-SHA256\}1000\$/, outcome: 'native' },
  // Django 5.2's default PBKDF2PasswordHasher: 1,000,000 iterations (Django 4.2 wrote 600,000).
  {
    scheme: 'django_pbkdf2_sha256',
    hashes: /^pbkdf2_sha256\$1000000\$/,
    outcome: 'outside-cognito-bounds',
    detail: /1000000 PBKDF2 iterations/,
  },
  {
    scheme: 'django_pbkdf2_sha256',
    hashes: /^pbkdf2_sha256\$(2615|2640)\$[A-Za-z0-9]{1,2}\$/,
    outcome: 'outside-cognito-bounds',
    detail: /salt of [12] bytes? is below/,
  },
  { scheme: 'django_pbkdf2_sha256', hashes: /^pbkdf2_sha256\$(1000|1001|2252)\$[A-Za-z0-9]{12,}\$/, outcome: 'native' },
  { scheme: 'scrypt', hashes: /^\$scrypt\$ln=4,r=8,p=1\$/, outcome: 'native' },
  { scheme: 'scrypt', hashes: /^\$scrypt\$ln=5,r=4,p=2\$/, outcome: 'outside-cognito-bounds', detail: /p=2/ },
  // Django 5.2's default ScryptPasswordHasher has p=5; none of its hashes here has p=1.
  {
    scheme: 'django_scrypt',
    hashes: /^scrypt\$16384\$[^$]+\$8\$5\$/,
    outcome: 'outside-cognito-bounds',
    detail: /p=5/,
  },
  {
    scheme: 'django_scrypt',
    hashes: /^scrypt\$(256|512)\$[^$]+\$[26]\$2\$/,
    outcome: 'outside-cognito-bounds',
    detail: /p=2/,
  },
  { scheme: 'werkzeug_pbkdf2', hashes: /^pbkdf2:(sha1|blake2b):/, outcome: 'not-importable', detail: /SHA-256/ },
  {
    scheme: 'werkzeug_pbkdf2',
    hashes: /^pbkdf2:sha256:1000000\$/,
    outcome: 'outside-cognito-bounds',
    detail: /1000000 PBKDF2 iterations/,
  },
  {
    scheme: 'werkzeug_pbkdf2',
    hashes: /^pbkdf2:sha256:3000\$[^$]{2}\$/,
    outcome: 'outside-cognito-bounds',
    detail: /salt of 2 bytes/,
  },
  { scheme: 'werkzeug_pbkdf2', hashes: /^pbkdf2:sha256:(1000|4)\$[^$]{16,}\$/, outcome: 'native' },
  // Werkzeug 3's default, scrypt:32768:8:1, goes native.
  { scheme: 'werkzeug_scrypt', hashes: /^scrypt:(32768|1024|128):8:1\$[^$]{16,}\$/, outcome: 'native' },
  { scheme: 'werkzeug_scrypt', hashes: /^scrypt:32:8:3\$/, outcome: 'outside-cognito-bounds', detail: /p=3/ },
  {
    scheme: 'werkzeug_scrypt',
    hashes: /^scrypt:256:3:1\$[^$]{3}\$/,
    outcome: 'outside-cognito-bounds',
    detail: /salt of 3 bytes/,
  },
];

interface KnownAnswers {
  readonly scheme: SchemeName;
  readonly hash: string;
  /** Passwords and whether the reference accepted each. */
  readonly answers: { readonly password: string; readonly matches: boolean }[];
}

/** The importable schemes' hashes in the fixtures, each with the true/false answers its reference gave. */
const knownAnswers = (): KnownAnswers[] => {
  const byHash = new Map<string, KnownAnswers>();
  for (const vector of [...readPasslibVectors(), ...readFrameworkVectors()]) {
    const scheme = vector.scheme as SchemeName;
    if (COGNITO_IMPORTABLE_SCHEMES[scheme] === undefined || typeof vector.expected !== 'boolean') continue;
    const key = `${scheme}\0${vector.hash}`;
    const entry = byHash.get(key) ?? { scheme, hash: vector.hash, answers: [] };
    entry.answers.push({ password: vector.password, matches: vector.expected });
    byHash.set(key, entry);
  }
  return [...byHash.values()];
};

const expectationFor = ({ scheme, hash }: KnownAnswers): Expectation => {
  const rows = EXPECTED.filter((row) => row.scheme === scheme && row.hashes.test(hash));
  expect(rows, `${scheme} ${hash.slice(0, 40)}… must match exactly one expectation`).toHaveLength(1);
  return rows[0] as Expectation;
};

describe('Function: toCognitoImportHash, on the hashes passlib, Django and Werkzeug made', () => {
  const vectors = knownAnswers();

  it('has hashes of every importable scheme', () => {
    expect(new Set(vectors.map(({ scheme }) => scheme))).toEqual(new Set(Object.keys(COGNITO_IMPORTABLE_SCHEMES)));
  });

  it('sends each to the lane its parameters call for, and says why when not native', () => {
    for (const vector of vectors) {
      // Act
      const result = toCognitoImportHash(vector.hash, vector.scheme);

      // Assess
      const { outcome, detail } = expectationFor(vector);
      if (outcome === 'native') {
        expect(result, vector.hash).toMatchObject({ ok: true, algorithm: COGNITO_IMPORTABLE_SCHEMES[vector.scheme] });
      } else {
        expect(result, vector.hash).toMatchObject({
          ok: false,
          reason: outcome,
          detail: expect.stringMatching(detail ?? /./),
        });
      }
    }
  });

  it('gives Cognito hashes that accept and refuse exactly the passwords the references did', async () => {
    let checked = 0;
    for (const vector of vectors) {
      const result = toCognitoImportHash(vector.hash, vector.scheme);
      if (!result.ok) continue;
      for (const { password, matches } of vector.answers) {
        // Act & Assess
        expect(await verifyAsCognito(result.algorithm, result.passwordHash, password), vector.hash).toBe(matches);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('passes bcrypt hashes through unchanged', () => {
    for (const { scheme, hash } of vectors.filter(({ scheme }) => COGNITO_IMPORTABLE_SCHEMES[scheme] === 'BCRYPT')) {
      const result = toCognitoImportHash(hash, scheme);
      if (result.ok) expect(hash.endsWith(result.passwordHash)).toBe(true);
    }
  });
});
