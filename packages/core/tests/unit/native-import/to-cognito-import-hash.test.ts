import { readPasslibVectors } from '@hashbridge/testing';
import bcryptjs from 'bcryptjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COGNITO_IMPORTABLE_SCHEMES,
  type CognitoImportParameters,
  identifyHash,
  readCognitoImportHash,
  type SchemeName,
  toCognitoImportHash,
  verifyPassword,
} from '../../../src/index.js';
import { legacy, verifyAsCognito } from './independent-hashes.js';

/** Passwords passlib takes: any Unicode (astral included) Python can encode, so no lone surrogates. */
const password = fc.string({ unit: 'binary', maxLength: 24 }).filter((text) => !/\p{Cs}/u.test(text));
/** bcrypt's: no NUL (passlib refuses it), and within 72 bytes so a longer wrong password cannot share them. */
const bcryptPassword = password.filter((text) => !text.includes('\0') && Buffer.byteLength(text) < 72);
/** Text salts (Django, Werkzeug) within Cognito's 8 to 64 bytes once UTF-8 encoded; Werkzeug's may be any text but `$`. */
const djangoSalt = fc.stringMatching(/^[a-zA-Z0-9]{8,64}$/);
const werkzeugSalt = fc
  .string({ unit: 'binary', minLength: 2, maxLength: 32 })
  .filter((text) => !/[$\p{Cs}]/u.test(text) && Buffer.byteLength(text) >= 8 && Buffer.byteLength(text) <= 64);
const salt = (min = 8, max = 64) => fc.uint8Array({ minLength: min, maxLength: max });
/** scrypt within Cognito's bounds, kept cheap: N up to 2^10, r up to 8, p = 1. */
const scryptCost = (minLogN = 1) =>
  fc.record({
    n: fc.integer({ min: minLogN, max: 10 }).map((ln) => 2 ** ln),
    r: fc.integer({ min: 1, max: 8 }),
    p: fc.constant(1),
  });
/** Werkzeug gives OpenSSL 132·N·r·p bytes, which is enough only from N = 128: it cannot make smaller ones. */
const WERKZEUG_MIN_LOG_N = 7;

interface Case {
  readonly legacyHash: string;
  readonly scheme: SchemeName;
  readonly password: string;
  /** What Cognito must be given: the same algorithm, salt bytes, key and cost. */
  readonly expected: CognitoImportParameters;
}

/**
 * The specification of a conversion: the legacy hash is a real one (core's verifyPassword accepts the
 * password), it converts to the expected algorithm and parameters, and a verifier of Cognito's format that
 * shares no code with core accepts the password and refuses another.
 */
const assertConvertsFaithfully = async ({ legacyHash, scheme, password, expected }: Case): Promise<void> => {
  expect(await verifyPassword(password, legacyHash, { scheme })).toMatchObject({ ok: true });

  const result = toCognitoImportHash(legacyHash, scheme);
  if (!result.ok) expect.fail(`${scheme}: ${result.reason}: ${result.detail}`);
  expect(result.algorithm).toBe(expected.algorithm);
  expect(normalised(readCognitoImportHash(result.algorithm, result.passwordHash))).toEqual(normalised(expected));
  expect(await verifyAsCognito(result.algorithm, result.passwordHash, password)).toBe(true);
  expect(await verifyAsCognito(result.algorithm, result.passwordHash, `${password}x`)).toBe(false);
};

/** Bytes compared as Buffers, whatever array type they came in. */
const normalised = (parameters: CognitoImportParameters): CognitoImportParameters => ({
  ...parameters,
  salt: Buffer.from(parameters.salt),
  hash: Buffer.from(parameters.hash),
});

/** The last `$` field of a hash, decoded: the key, read independently of core. */
const lastField = (hash: string): string => hash.slice(hash.lastIndexOf('$') + 1);
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

describe('Function: toCognitoImportHash, property: Cognito accepts exactly the passwords the legacy hash does', () => {
  it('converts passlib pbkdf2_sha256 (adapted base64 to standard base64)', async () => {
    await fc.assert(
      fc.asyncProperty(password, salt(), fc.integer({ min: 1, max: 2000 }), async (pw, saltBytes, rounds) => {
        const legacyHash = legacy.pbkdf2Sha256(pw, saltBytes, rounds);
        const key = Buffer.from(lastField(legacyHash).replaceAll('.', '+'), 'base64');
        await assertConvertsFaithfully({
          legacyHash,
          scheme: 'pbkdf2_sha256',
          password: pw,
          expected: { algorithm: 'PBKDF2_SHA256', iterations: rounds, salt: saltBytes, hash: key },
        });
      }),
      { numRuns: 60 },
    );
  });

  it("converts Django's pbkdf2_sha256, whose salt is text: its UTF-8 bytes become the salt", async () => {
    await fc.assert(
      fc.asyncProperty(password, djangoSalt, fc.integer({ min: 1, max: 2000 }), async (pw, saltText, iterations) => {
        const legacyHash = legacy.djangoPbkdf2Sha256(pw, saltText, iterations);
        const key = Buffer.from(legacyHash.split('$')[3] ?? '', 'base64');
        await assertConvertsFaithfully({
          legacyHash,
          scheme: 'django_pbkdf2_sha256',
          password: pw,
          expected: { algorithm: 'PBKDF2_SHA256', iterations, salt: Buffer.from(saltText), hash: key },
        });
      }),
      { numRuns: 60 },
    );
  });

  it("converts Werkzeug's pbkdf2:sha256, whose salt is any text", async () => {
    await fc.assert(
      fc.asyncProperty(password, werkzeugSalt, fc.integer({ min: 1, max: 2000 }), async (pw, saltText, iterations) => {
        const legacyHash = legacy.werkzeugPbkdf2(pw, saltText, iterations);
        const key = Buffer.from(lastField(legacyHash), 'hex');
        await assertConvertsFaithfully({
          legacyHash,
          scheme: 'werkzeug_pbkdf2',
          password: pw,
          expected: { algorithm: 'PBKDF2_SHA256', iterations, salt: Buffer.from(saltText), hash: key },
        });
      }),
      { numRuns: 60 },
    );
  });

  it('converts passlib scrypt (base64 to hex)', async () => {
    await fc.assert(
      fc.asyncProperty(password, salt(), scryptCost(), async (pw, saltBytes, cost) => {
        const legacyHash = legacy.scrypt(pw, saltBytes, cost);
        const key = Buffer.from(lastField(legacyHash), 'base64');
        await assertConvertsFaithfully({
          legacyHash,
          scheme: 'scrypt',
          password: pw,
          expected: { algorithm: 'SCRYPT', ...cost, salt: saltBytes, hash: key },
        });
      }),
      { numRuns: 25 },
    );
  });

  it("converts Django's and Werkzeug's scrypt: text salt, and the 64-byte key's first 32 bytes", async () => {
    await fc.assert(
      fc.asyncProperty(
        password,
        djangoSalt,
        werkzeugSalt,
        scryptCost(WERKZEUG_MIN_LOG_N),
        async (pw, djangoSaltText, werkzeugSaltText, cost) => {
          const djangoHash = legacy.djangoScrypt(pw, djangoSaltText, cost);
          const werkzeugHash = legacy.werkzeugScrypt(pw, werkzeugSaltText, cost);
          await assertConvertsFaithfully({
            legacyHash: djangoHash,
            scheme: 'django_scrypt',
            password: pw,
            expected: {
              algorithm: 'SCRYPT',
              ...cost,
              salt: Buffer.from(djangoSaltText),
              hash: Buffer.from(djangoHash.split('$')[5] ?? '', 'base64').subarray(0, 32),
            },
          });
          await assertConvertsFaithfully({
            legacyHash: werkzeugHash,
            scheme: 'werkzeug_scrypt',
            password: pw,
            expected: {
              algorithm: 'SCRYPT',
              ...cost,
              salt: Buffer.from(werkzeugSaltText),
              hash: Buffer.from(lastField(werkzeugHash), 'hex').subarray(0, 32),
            },
          });
        },
      ),
      { numRuns: 15 },
    );
  });

  it('converts passlib argon2 and Django argon2 (argon2id v=19, the PHC string)', async () => {
    const cost = fc.record({
      memoryKiB: fc.integer({ min: 64, max: 1024 }),
      timeCost: fc.integer({ min: 1, max: 2 }),
      parallelism: fc.constant(1),
      outputLength: fc.integer({ min: 16, max: 64 }),
    });
    await fc.assert(
      fc.asyncProperty(password, salt(), cost, async (pw, saltBytes, argon2Cost) => {
        const legacyHash = legacy.argon2id(pw, saltBytes, argon2Cost);
        const expected: CognitoImportParameters = {
          algorithm: 'ARGON2ID',
          version: 19,
          memoryKiB: argon2Cost.memoryKiB,
          timeCost: argon2Cost.timeCost,
          parallelism: 1,
          salt: saltBytes,
          hash: Buffer.from(lastField(legacyHash), 'base64'),
        };
        await assertConvertsFaithfully({ legacyHash, scheme: 'argon2', password: pw, expected });
        await assertConvertsFaithfully({
          legacyHash: `argon2${legacyHash}`,
          scheme: 'django_argon2',
          password: pw,
          expected,
        });
      }),
      { numRuns: 20 },
    );
  });

  it('passes bcrypt through as it is ($2a$, $2b$, $2y$; django_bcrypt and ldap_bcrypt without their prefix)', async () => {
    const version = fc.constantFrom('2a' as const, '2b' as const, '2y' as const);
    await fc.assert(
      fc.asyncProperty(bcryptPassword, salt(16, 16), version, async (pw, saltBytes, ident) => {
        const bcryptHash = legacy.bcrypt(pw, saltBytes, 4, ident);
        const expected: CognitoImportParameters = {
          algorithm: 'BCRYPT',
          ident,
          cost: 4,
          salt: saltBytes,
          hash: Uint8Array.from(bcryptjs.decodeBase64(bcryptHash.slice(-31), 23)),
        };
        for (const [scheme, prefix] of [
          ['bcrypt', ''],
          ['django_bcrypt', 'bcrypt$'],
          ['ldap_bcrypt', '{CRYPT}'],
        ] as const) {
          await assertConvertsFaithfully({ legacyHash: `${prefix}${bcryptHash}`, scheme, password: pw, expected });
          expect(toCognitoImportHash(`${prefix}${bcryptHash}`, scheme)).toMatchObject({ passwordHash: bcryptHash });
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('Function: toCognitoImportHash, refusals', () => {
  const saltBytes = Buffer.alloc(16, 7);

  it('refuses a hash that is not a well-formed hash of the named scheme as malformed', () => {
    // Prepare
    const pbkdf2 = legacy.pbkdf2Sha256('pw', saltBytes, 1000);

    // Act & Assess
    expect(toCognitoImportHash(pbkdf2, 'bcrypt')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(toCognitoImportHash('$2b$12$short', 'bcrypt')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(toCognitoImportHash(pbkdf2.slice(0, -2), 'pbkdf2_sha256')).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('refuses every scheme Cognito does not run as not-importable (each known-answer hash of it)', () => {
    // Prepare: well-formed hashes passlib made, of schemes such as sha512_crypt, bcrypt_sha256, pbkdf2_sha1.
    const hashes = readPasslibVectors().filter(
      ({ scheme, hash, expected }) =>
        COGNITO_IMPORTABLE_SCHEMES[scheme as SchemeName] === undefined &&
        expected !== 'malformed' &&
        identifyHash(hash, { schemes: [scheme as SchemeName] }) === scheme,
    );

    // Act
    const reasons = new Set(
      hashes.map(({ hash, scheme }) => {
        const result = toCognitoImportHash(hash, scheme as SchemeName);
        return result.ok ? 'ok' : result.reason;
      }),
    );

    // Assess
    expect(new Set(hashes.map(({ scheme }) => scheme)).size).toBeGreaterThan(60);
    expect(reasons).toEqual(new Set(['not-importable']));
  });

  it('refuses bcrypt $2$, argon2i and argon2d, argon2 v=16 and Werkzeug over SHA-1 as not-importable', () => {
    // Prepare
    const bcryptHash = legacy.bcrypt('pw', saltBytes, 4);
    const argon2Hash = legacy.argon2id('pw', saltBytes, {
      memoryKiB: 64,
      timeCost: 1,
      parallelism: 1,
      outputLength: 32,
    });

    // Act & Assess
    expect(toCognitoImportHash(bcryptHash.replace('$2b$', '$2$'), 'bcrypt')).toMatchObject({
      ok: false,
      reason: 'not-importable',
      detail: expect.stringContaining('$2$'),
    });
    for (const type of ['i', 'd']) {
      expect(toCognitoImportHash(argon2Hash.replace('argon2id', `argon2${type}`), 'argon2')).toMatchObject({
        ok: false,
        reason: 'not-importable',
        detail: `argon2${type}: Cognito takes argon2id only`,
      });
    }
    expect(toCognitoImportHash(argon2Hash.replace('$v=19', ''), 'argon2')).toMatchObject({
      ok: false,
      reason: 'not-importable',
      detail: expect.stringContaining('v=16'),
    });
    const werkzeugSha1 = legacy.werkzeugPbkdf2('pw', 'saltsalt', 1000).replace(':sha256:', ':sha1:').slice(0, -24);
    expect(toCognitoImportHash(werkzeugSha1, 'werkzeug_pbkdf2')).toMatchObject({ ok: false, reason: 'not-importable' });
  });

  it('refuses a Django digest no password matches (stray padding bits) as malformed, as Django never matches it', () => {
    // Prepare: 32 bytes are 43 base64 characters and `=`; the last character carries 2 unused bits.
    const django = legacy.djangoPbkdf2Sha256('pw', 'saltsaltsalt', 1000);
    const last = BASE64.indexOf(django.at(-2) ?? 'A');
    const stray = `${django.slice(0, -2)}${BASE64[last ^ 1]}=`;

    // Act & Assess
    expect(toCognitoImportHash(stray, 'django_pbkdf2_sha256')).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('never puts the hash, its salt or its key in the detail', () => {
    // Prepare
    const saltText = 'SaltTxt';
    const hashes: [string, SchemeName][] = [
      [legacy.djangoPbkdf2Sha256('pw', saltText, 700_000), 'django_pbkdf2_sha256'],
      [legacy.djangoPbkdf2Sha256('pw', saltText, 1000), 'django_pbkdf2_sha256'],
      [legacy.werkzeugPbkdf2('pw', saltText, 1000), 'werkzeug_pbkdf2'],
      [legacy.bcrypt('pw', saltBytes, 4).replace('$04$', '$13$'), 'bcrypt'],
      ['$2b$13$garbage', 'bcrypt'],
    ];

    for (const [hash, scheme] of hashes) {
      // Act
      const result = toCognitoImportHash(hash, scheme);

      // Assess
      expect(result.ok).toBe(false);
      const { detail } = result as { detail: string };
      for (const secret of [hash, saltText, lastField(hash).slice(0, 12), hash.slice(7, 29)]) {
        expect(detail).not.toContain(secret);
      }
    }
  });
});
