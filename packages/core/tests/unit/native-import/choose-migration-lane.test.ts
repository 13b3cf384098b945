import { readPasslibVectors } from '@hashbridge/testing';
import { describe, expect, it } from 'vitest';
import { chooseMigrationLane, type MigrationLane, toCognitoImportHash } from '../../../src/index.js';
import { legacy } from './independent-hashes.js';

/*
 * Well-formed hashes with chosen parameters. Their keys are arbitrary bytes: choosing a lane parses a hash
 * and never hashes, so no password needs to match.
 */
const bytes = (length: number): Buffer => Buffer.alloc(length, 0x5a);
const b64 = (length: number): string => bytes(length).toString('base64').replace(/=+$/, '');
const ab64 = (length: number): string => b64(length).replaceAll('+', '.');

const bcryptWithCost = (cost: number): string =>
  legacy.bcrypt('password', bytes(16), 4).replace('$04$', `$${String(cost).padStart(2, '0')}$`);
const scrypt = (logN: number, r: number, p: number): string => `$scrypt$ln=${logN},r=${r},p=${p}$${b64(16)}$${b64(32)}`;
const argon2 = (m: number, t: number, p: number, { saltBytes = 16, hashBytes = 32, type = 'id' } = {}): string =>
  `$argon2${type}$v=19$m=${m},t=${t},p=${p}$${b64(saltBytes)}$${b64(hashBytes)}`;
const pbkdf2 = (iterations: number, saltBytes = 16): string =>
  `$pbkdf2-sha256$${iterations}$${ab64(saltBytes)}$${ab64(32)}`;
const djangoPbkdf2 = (iterations: number): string =>
  `pbkdf2_sha256$${iterations}$${'a'.repeat(22)}$${bytes(32).toString('base64')}`;

/** The lane, and for a trigger lane the reason it is not native. */
const laneOf = (hash: string, options?: Parameters<typeof chooseMigrationLane>[1]): string => {
  const choice = chooseMigrationLane(hash, options);
  if (choice.lane === 'trigger') return `trigger: ${choice.nativeRefusal?.reason ?? 'native import off'}`;
  if (choice.lane === 'refused') return `refused: ${choice.reason}`;
  return `native: ${choice.algorithm}`;
};

describe('Function: chooseMigrationLane', () => {
  it('chooses native for a hash Cognito imports, with the CSV value toCognitoImportHash gives', () => {
    // Prepare
    const hash = bcryptWithCost(12);

    // Act
    const choice = chooseMigrationLane(hash);

    // Assess
    const converted = toCognitoImportHash(hash, 'bcrypt');
    expect(converted.ok).toBe(true);
    expect(choice).toEqual({
      lane: 'native',
      scheme: 'bcrypt',
      algorithm: 'BCRYPT',
      passwordHash: converted.ok ? converted.passwordHash : '',
    });
  });

  it.each([
    ['bcrypt cost 12', bcryptWithCost(12), 'native: BCRYPT'],
    ['bcrypt cost 13', bcryptWithCost(13), 'trigger: outside-cognito-bounds'],
    ['scrypt N=2^16, r=8, p=1', scrypt(16, 8, 1), 'native: SCRYPT'],
    ['scrypt N=2^17', scrypt(17, 8, 1), 'trigger: outside-cognito-bounds'],
    ['scrypt r=9', scrypt(10, 9, 1), 'trigger: outside-cognito-bounds'],
    ['scrypt p=2', scrypt(10, 8, 2), 'trigger: outside-cognito-bounds'],
    ['argon2id m=19456, t=2, p=1', argon2(19_456, 2, 1), 'native: ARGON2ID'],
    ['argon2id m=19457', argon2(19_457, 2, 1), 'trigger: outside-cognito-bounds'],
    ['argon2id t=3', argon2(19_456, 3, 1), 'trigger: outside-cognito-bounds'],
    ['argon2id p=2', argon2(1024, 1, 2), 'trigger: outside-cognito-bounds'],
    ["passlib's argon2 default, m=65536, t=3, p=4", argon2(65_536, 3, 4), 'trigger: outside-cognito-bounds'],
    ['argon2id with a 16-byte output', argon2(64, 1, 1, { hashBytes: 16 }), 'native: ARGON2ID'],
    ['argon2id with a 15-byte output', argon2(64, 1, 1, { hashBytes: 15 }), 'trigger: outside-cognito-bounds'],
    ['argon2id with a 64-byte salt', argon2(64, 1, 1, { saltBytes: 64 }), 'native: ARGON2ID'],
    ['argon2id with a 65-byte salt', argon2(64, 1, 1, { saltBytes: 65 }), 'trigger: outside-cognito-bounds'],
    ['argon2i', argon2(64, 1, 1, { type: 'i' }), 'trigger: not-importable'],
    ['argon2 v=16', argon2(64, 1, 1).replace('$v=19', ''), 'trigger: not-importable'],
    ['pbkdf2-sha256 600,000 iterations', pbkdf2(600_000), 'native: PBKDF2_SHA256'],
    ['pbkdf2-sha256 600,001 iterations', pbkdf2(600_001), 'trigger: outside-cognito-bounds'],
    ['pbkdf2-sha256 with an 8-byte salt', pbkdf2(1000, 8), 'native: PBKDF2_SHA256'],
    ['pbkdf2-sha256 with a 7-byte salt', pbkdf2(1000, 7), 'trigger: outside-cognito-bounds'],
    ['pbkdf2-sha256 with a 64-byte salt', pbkdf2(1000, 64), 'native: PBKDF2_SHA256'],
    ['pbkdf2-sha256 with a 65-byte salt', pbkdf2(1000, 65), 'trigger: outside-cognito-bounds'],
    ["Django 4.2's default, 600,000 iterations", djangoPbkdf2(600_000), 'native: PBKDF2_SHA256'],
    ["Django 5.2's default, 1,000,000 iterations", djangoPbkdf2(1_000_000), 'trigger: outside-cognito-bounds'],
    ['bcrypt $2$', bcryptWithCost(4).replace('$2b$', '$2$'), 'trigger: not-importable'],
  ])('sends %s to: %s', (_name, hash, expected) => {
    expect(laneOf(hash)).toBe(expected);
  });

  it('names the parameter and the bound a trigger hash exceeds', () => {
    expect(chooseMigrationLane(bcryptWithCost(13))).toEqual({
      lane: 'trigger',
      scheme: 'bcrypt',
      nativeRefusal: { reason: 'outside-cognito-bounds', detail: 'bcrypt cost 13 is outside 4 to 12' },
    });
    expect(chooseMigrationLane(argon2(1024, 1, 2))).toMatchObject({
      nativeRefusal: { detail: 'argon2 p=2: only p=1' },
    });
  });

  it('sends every scheme Cognito does not run to the trigger as not-importable', () => {
    // Prepare: one known-answer hash each of some schemes found in web-app databases.
    const schemes = ['sha512_crypt', 'md5_crypt', 'bcrypt_sha256', 'django_bcrypt_sha256', 'pbkdf2_sha1', 'phpass'];
    for (const scheme of schemes) {
      const hash =
        readPasslibVectors().find((vector) => vector.scheme === scheme && vector.expected === true)?.hash ?? '';

      // Act & Assess
      expect(chooseMigrationLane(hash)).toMatchObject({
        lane: 'trigger',
        scheme,
        nativeRefusal: { reason: 'not-importable' },
      });
    }
  });

  it('puts every user on the trigger when native import is off', () => {
    expect(chooseMigrationLane(bcryptWithCost(12), { nativeImport: false })).toEqual({
      lane: 'trigger',
      scheme: 'bcrypt',
    });
  });

  it('refuses a hash no scheme recognises as unidentified', () => {
    const unidentified: MigrationLane = {
      lane: 'refused',
      reason: 'unidentified',
      detail: 'no allowed scheme recognises the hash',
    };
    expect(chooseMigrationLane('not a hash at all')).toEqual(unidentified);
    expect(chooseMigrationLane('')).toEqual(unidentified);
    expect(chooseMigrationLane(undefined as unknown as string)).toEqual(unidentified);
    // Plaintext and disabled-account markers take part only when named: a locked account is not migrated.
    expect(chooseMigrationLane('!lockedDjangoAccount')).toEqual(unidentified);
    // Outside the allow-list.
    expect(chooseMigrationLane(bcryptWithCost(12), { schemes: ['pbkdf2_sha256'] })).toEqual(unidentified);
  });

  it("refuses a damaged hash with a scheme's prefix as malformed, in that scheme's words", () => {
    // Prepare
    const damaged = bcryptWithCost(12).slice(0, -5);

    // Act
    const choice = chooseMigrationLane(damaged);

    // Assess
    expect(choice).toMatchObject({ lane: 'refused', reason: 'malformed', scheme: 'bcrypt' });
    expect(choice).toMatchObject({ detail: expect.stringMatching(/^malformed bcrypt hash: /) });
    expect(JSON.stringify(choice)).not.toContain(damaged.slice(7));
  });

  it('refuses a hash over the cost policy, as verify would, on every lane', () => {
    expect(chooseMigrationLane(bcryptWithCost(17))).toEqual({
      lane: 'refused',
      reason: 'over-cost-policy',
      scheme: 'bcrypt',
      detail: 'bcrypt hash is beyond the cost policy: cost 17 is above the maximum 16',
    });
    expect(laneOf(argon2(256 * 1024 + 1, 1, 1))).toBe('refused: over-cost-policy');
    expect(laneOf(pbkdf2(2_000_001))).toBe('refused: over-cost-policy');
    // A looser policy lets it through to the trigger; a tighter one refuses even what Cognito would take.
    expect(laneOf(bcryptWithCost(17), { policy: { bcryptMaxCost: 17 } })).toBe('trigger: outside-cognito-bounds');
    expect(laneOf(bcryptWithCost(12), { policy: { bcryptMaxCost: 11 } })).toBe('refused: over-cost-policy');
    expect(laneOf(bcryptWithCost(12), { policy: { bcryptMaxCost: 11 }, nativeImport: false })).toBe(
      'refused: over-cost-policy',
    );
  });
});
