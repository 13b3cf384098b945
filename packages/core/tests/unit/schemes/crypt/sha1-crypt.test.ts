import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_POLICY } from '../../../../src/constants.js';
import {
  HashPolicyError,
  identifyHash,
  MalformedHashError,
  PasswordValueError,
  verifyPassword,
} from '../../../../src/index.js';
import { sha1Crypt } from '../../../../src/schemes/crypt/sha1-crypt.js';

const UNICODE = 'Zoë ☃ 密码 😀';

/** Made with passlib 1.7.4 (`sha1_crypt.using(salt=…, rounds=…).hash(password)`), and from passlib's tests. */
const KNOWN = [
  { password: 'correct horse', hash: '$sha1$100$hbSha1Sa$u2C9YqSARyI1ZRMeyzcQl3Oxg2Re' },
  { password: UNICODE, hash: '$sha1$100$hbSha1Sa$NG/XP5q.z1dQ/yBJlx9/Cl3pAiCr' },
  { password: '', hash: '$sha1$100$hbSha1Sa$KztMDHWrZ4s6c62MJ3iOVP8SXNt4' },
  { password: 'correct horse', hash: '$sha1$1$$8V1r2r.Bk5woTd1E1/Rn8ugsQPtp' },
  { password: 'password', hash: '$sha1$19703$iVdJqfSE$v4qYKl1zqYThwpjJAoKX6UvlHq/a' },
  { password: 'a'.repeat(100), hash: '$sha1$10$hbLongPw$D2hTlF6q7XXpP6/Ot0O3iPcFyRPO' },
];

const SHA1 = '$sha1$100$hbSha1Sa$u2C9YqSARyI1ZRMeyzcQl3Oxg2Re';

describe('Scheme: sha1_crypt', () => {
  it.each(KNOWN)('verifies the right password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash);

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'sha1_crypt', needsUpdate: false });
  });

  it.each(KNOWN)('refuses a wrong password for $hash', async ({ password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash);

    // Assess
    expect(result.ok).toBe(false);
  });

  it('identifies $sha1$ hashes, and {CRYPT}$sha1$ as ldap_sha1_crypt', async () => {
    // Prepare
    const ldap = '{CRYPT}$sha1$50$hbLdapS1$VN7I7fZoLqLxE8JH7dRD1E2sERC.';

    // Act
    const result = await verifyPassword('correct horse', ldap);

    // Assess
    expect(identifyHash(SHA1)).toBe('sha1_crypt');
    expect(result).toMatchObject({ ok: true, scheme: 'ldap_sha1_crypt' });
  });

  it("reads the rounds with Python's int(): ' 100' verifies as passlib lets it", async () => {
    // Act
    const result = await verifyPassword('correct horse', SHA1.replace('$100$', '$ 100$'));

    // Assess
    expect(result.ok).toBe(true);
  });

  it.each([
    ['a bad character in the salt', '$sha1$21773$u!7PTeux$I9oHnvwPZHMO0Nq6/WgyGV/tDJIH'],
    ['zero-padded rounds', SHA1.replace('$100$', '$0100$')],
    ['too many fields', `${SHA1}$`],
    ['an empty rounds field', SHA1.replace('$100$', '$$')],
    ['zero rounds', SHA1.replace('$100$', '$0$')],
    ['negative rounds', SHA1.replace('$100$', '$-1$')],
    ['rounds beyond 32 bits', SHA1.replace('$100$', '$4294967296$')],
    ['rounds that are not a number', SHA1.replace('$100$', '$1e2$')],
    ['a salt of 65 characters', SHA1.replace('hbSha1Sa', 'a'.repeat(65))],
    ['a checksum one character short', SHA1.slice(0, -1)],
    ['no checksum (a configuration string)', '$sha1$100$hbSha1Sa'],
    ['an empty checksum', '$sha1$100$hbSha1Sa$'],
    ['rounds only', '$sha1$100'],
    ['nothing after the ident', '$sha1$'],
  ])('rejects a hash with %s with MalformedHashError', async (_case, hash) => {
    // Act & Assess
    await expect(verifyPassword('correct horse', hash, { scheme: 'sha1_crypt' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
  });

  it('accepts the longest salt, 64 characters', async () => {
    // Act
    const result = await verifyPassword('correct horse', SHA1.replace('hbSha1Sa', 'a'.repeat(64)));

    // Assess
    expect(result.ok).toBe(false);
  });

  it('refuses a password with a NUL byte with PasswordValueError', async () => {
    // Act & Assess
    await expect(verifyPassword('correct\0horse', SHA1)).rejects.toBeInstanceOf(PasswordValueError);
  });

  it('refuses rounds above otherMaxIterations with HashPolicyError before hashing', () => {
    // Prepare: 4,294,967,295 HMACs would take most of an hour.
    const hostile = SHA1.replace('$100$', '$4294967295$');

    // Act & Assess
    expect(() => sha1Crypt.prepare(hostile, { policy: DEFAULT_COST_POLICY })).toThrow(HashPolicyError);
    expect(() => sha1Crypt.prepare(SHA1, { policy: { ...DEFAULT_COST_POLICY, otherMaxIterations: 99 } })).toThrow(
      HashPolicyError,
    );
  });
});
