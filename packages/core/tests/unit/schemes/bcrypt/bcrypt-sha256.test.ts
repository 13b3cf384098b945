import { describe, expect, it } from 'vitest';
import { HashPolicyError, identifyHash, MalformedHashError, verifyPassword } from '../../../../src/index.js';

const verifyBcryptSha256 = (password: string, hash: string, policy = {}) =>
  verifyPassword(password, hash, { scheme: 'bcrypt_sha256', policy });

/** passlib 1.7.4: bcrypt_sha256.using(rounds=4, salt="5Hg1DKFqPE8C2aflZ5vVoe").hash("password") */
const V2 = '$bcrypt-sha256$v=2,t=2b,r=4$5Hg1DKFqPE8C2aflZ5vVoe$P3XcCXO4hewKP.PfuWtGqx5smoX7pfC';
/** The same with version=1, ident="2a". */
const V1 = '$bcrypt-sha256$2a,4$5Hg1DKFqPE8C2aflZ5vVoe$/1.InPpDLaqTzEVjFnUscFJFLaJwptO';
const UPASS_TABLE = 't\u00e1\u0411\u2113\u0259';

describe('Scheme: bcrypt_sha256', () => {
  describe('known-answer vectors', () => {
    it.each([
      // passlib's tests/test_handlers_bcrypt.py, v2 (HMAC-SHA256 keyed with the salt text).
      ['', '$bcrypt-sha256$v=2,t=2b,r=5$E/e/2AOhqM5W/KJTFQzLce$WFPIZKtDDTriqWwlmRFfHiOTeheAZWe'],
      ['password', '$bcrypt-sha256$v=2,t=2b,r=5$5Hg1DKFqPE8C2aflZ5vVoe$wOK1VFFtS8IGTrGa7.h5fs0u84qyPbS'],
      [UPASS_TABLE, '$bcrypt-sha256$v=2,t=2b,r=5$.US1fQ4TQS.ZTz/uJ5Kyn.$pzzgp40k8reM1CuQb03PvE0IDPQSdV6'],
      // v1 (plain SHA-256), both bcrypt variants.
      ['', '$bcrypt-sha256$2a,5$E/e/2AOhqM5W/KJTFQzLce$F6dYSxOdAEoJZO2eoHUZWZljW/e0TXO'],
      ['password', '$bcrypt-sha256$2a,5$5Hg1DKFqPE8C2aflZ5vVoe$12BjNE0p7axMg55.Y/mHsYiVuFBDQyu'],
      ['password', '$bcrypt-sha256$2b,5$5Hg1DKFqPE8C2aflZ5vVoe$12BjNE0p7axMg55.Y/mHsYiVuFBDQyu'],
      [UPASS_TABLE, '$bcrypt-sha256$2a,5$.US1fQ4TQS.ZTz/uJ5Kyn.$QNdPDOTKKT5/sovNz1iWg26quOU4Pje'],
      // Made here with passlib 1.7.4 (salt "5Hg1DKFqPE8C2aflZ5vVoe", rounds 4).
      ['password', V2],
      ['password', V1],
      ['pässwörd😀', '$bcrypt-sha256$v=2,t=2b,r=4$5Hg1DKFqPE8C2aflZ5vVoe$wz0d6c6l3gzicdqGrLvkfyt0CTmu7Pa'],
    ])('verifies %j against %s, and refuses a near miss', async (password, hash) => {
      // Act
      const right = await verifyBcryptSha256(password, hash);
      const wrong = await verifyBcryptSha256(`${password}x`, hash);

      // Assess
      expect(right).toMatchObject({ ok: true, scheme: 'bcrypt_sha256' });
      expect(wrong.ok).toBe(false);
    });

    it('uses every byte of a long password, unlike bcrypt (passlib vectors)', async () => {
      // Prepare: repeat_string("abc123", 72) with and without extra characters after byte 72.
      const base = 'abc123'.repeat(12);
      const salt = '$bcrypt-sha256$v=2,t=2b,r=5$X1g1nh3g0v4h6970O68cxe$';

      // Act / Assess
      await expect(verifyBcryptSha256(base, `${salt}zu1cloESVFIOsUIo7fCEgkdHaI9SSue`)).resolves.toMatchObject({
        ok: true,
      });
      await expect(verifyBcryptSha256(`${base}qwr`, `${salt}CBF9csfEdW68xv3DwE6xSULXMtqEFP.`)).resolves.toMatchObject({
        ok: true,
      });
      await expect(verifyBcryptSha256(`${base}xyz`, `${salt}CBF9csfEdW68xv3DwE6xSULXMtqEFP.`)).resolves.toMatchObject({
        ok: false,
      });
    });

    it('accepts a password with a NUL byte, which only reaches bcrypt through a digest', async () => {
      // Act / Assess
      await expect(verifyBcryptSha256('pass\0word', V2)).resolves.toMatchObject({ ok: false });
      await expect(verifyBcryptSha256('pass\0word', V1)).resolves.toMatchObject({ ok: false });
    });
  });

  describe('quirks of passlib it reproduces', () => {
    it('verifies a hash with one trailing newline (Python regex `$`)', async () => {
      // Act / Assess
      await expect(verifyBcryptSha256('password', `${V2}\n`)).resolves.toMatchObject({ ok: true });
      await expect(verifyBcryptSha256('password', `${V1}\n`)).resolves.toMatchObject({ ok: true });
      await expect(verifyBcryptSha256('password', `${V2}\n\n`)).rejects.toBeInstanceOf(MalformedHashError);
    });

    it('reads the version as a number: v=02 is version 2', async () => {
      // Act / Assess
      await expect(verifyBcryptSha256('password', V2.replace('v=2', 'v=02'))).resolves.toMatchObject({ ok: true });
    });

    it('keys the v2 HMAC with the salt text after clearing its padding bits', async () => {
      // Prepare: "f" is "e" with a padding bit set; passlib repairs the salt before using it.
      const badSalt = V2.replace('5vVoe$', '5vVof$');

      // Act / Assess
      await expect(verifyBcryptSha256('password', badSalt, { bcryptMinCost: 4 })).resolves.toEqual({
        ok: true,
        scheme: 'bcrypt_sha256',
        needsUpdate: false,
      });
    });
  });

  describe('malformed hashes', () => {
    it.each([
      // passlib's known_malformed_hashes.
      ['v1 with a bad salt character', '$bcrypt-sha256$2a,5$5Hg1DKF!PE8C2aflZ5vVoe$12BjNE0p7axMg55.Y/mHsYiVuFBDQyu'],
      ['v1 with variant 2c', '$bcrypt-sha256$2c,5$5Hg1DKFqPE8C2aflZ5vVoe$12BjNE0p7axMg55.Y/mHsYiVuFBDQyu'],
      ['v1 with variant 2x', '$bcrypt-sha256$2x,5$5Hg1DKFqPE8C2aflZ5vVoe$12BjNE0p7axMg55.Y/mHsYiVuFBDQyu'],
      ['v1 with zero-padded rounds', '$bcrypt-sha256$2a,05$5Hg1DKFqPE8C2aflZ5vVoe$12BjNE0p7axMg55.Y/mHsYiVuFBDQyu'],
      ['a v1 config string with $', '$bcrypt-sha256$2a,5$5Hg1DKFqPE8C2aflZ5vVoe$'],
      [
        'v2 with a bad salt character',
        '$bcrypt-sha256$v=2,t=2b,r=5$5Hg1DKF!PE8C2aflZ5vVoe$12BjNE0p7axMg55.Y/mHsYiVuFBDQyu',
      ],
      ['v=1 in the v2 format', '$bcrypt-sha256$v=1,t=2b,r=5$5Hg1DKFqPE8C2aflZ5vVoe$12BjNE0p7axMg55.Y/mHsYiVuFBDQyu'],
      ['v=3', '$bcrypt-sha256$v=3,t=2b,r=5$5Hg1DKFqPE8C2aflZ5vVoe$12BjNE0p7axMg55.Y/mHsYiVuFBDQyu'],
      ['v2 with variant 2c', '$bcrypt-sha256$v=2,t=2c,r=5$5Hg1DKFqPE8C2aflZ5vVoe$12BjNE0p7axMg55.Y/mHsYiVuFBDQyu'],
      ['v2 with variant 2a', '$bcrypt-sha256$v=2,t=2a,r=5$5Hg1DKFqPE8C2aflZ5vVoe$12BjNE0p7axMg55.Y/mHsYiVuFBDQyu'],
      ['v2 with variant 2x', '$bcrypt-sha256$v=2,t=2x,r=5$5Hg1DKFqPE8C2aflZ5vVoe$12BjNE0p7axMg55.Y/mHsYiVuFBDQyu'],
      [
        'v2 with zero-padded rounds',
        '$bcrypt-sha256$v=2,t=2b,r=05$5Hg1DKFqPE8C2aflZ5vVoe$12BjNE0p7axMg55.Y/mHsYiVuFBDQyu',
      ],
      ['a v2 config string with $', '$bcrypt-sha256$v=2,t=2b,r=5$5Hg1DKFqPE8C2aflZ5vVoe$'],
      // Found in passlib's parser.
      ['a v2 config string', '$bcrypt-sha256$v=2,t=2b,r=5$5Hg1DKFqPE8C2aflZ5vVoe'],
      ['rounds 3', V2.replace('r=4', 'r=3')],
      ['rounds 32', V2.replace('r=4', 'r=32')],
      ['rounds 0', V2.replace('r=4', 'r=0')],
      ['three-digit rounds', V2.replace('r=4', 'r=100')],
      ['v=0', V2.replace('v=2', 'v=0')],
      ['a missing version', V2.replace('v=2,', '')],
      ['a digest one character short', V2.slice(0, -1)],
      ['a digest one character long', `${V2}C`],
      ['a bad digest character', `${V2.slice(0, -1)}!`],
      ['a trailing space', `${V2} `],
      ['a trailing carriage return', `${V2}\r`],
      ['a newline inside', V2.replace('$P3X', '$\nP3X')],
      ['a non-ASCII digit in the rounds (refused here; passlib reads it)', V2.replace('r=4', 'r=\u0664')],
      ['the bare prefix', '$bcrypt-sha256$'],
    ])('rejects %s with MalformedHashError', async (_, hash) => {
      // Act / Assess
      await expect(verifyBcryptSha256('password', hash)).rejects.toBeInstanceOf(MalformedHashError);
    });

    it('rejects a bcrypt or other hash named as bcrypt_sha256 with MalformedHashError', async () => {
      // Act / Assess
      await expect(
        verifyBcryptSha256('password', '$2b$04$5Hg1DKFqPE8C2aflZ5vVoexRCJLJ3d2vR/z4sBTKxfNlcqiWXlGrm'),
      ).rejects.toBeInstanceOf(MalformedHashError);
    });
  });

  describe('cost policy', () => {
    it('refuses rounds 17 with HashPolicyError before any hashing', async () => {
      // Prepare
      const hostile = V2.replace('r=4', 'r=17');
      const started = performance.now();

      // Act
      const attempt = verifyBcryptSha256('password', hostile);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(HashPolicyError);
      expect(performance.now() - started).toBeLessThan(50);
    });

    it('checks the format before the cost policy', async () => {
      // Act / Assess
      await expect(verifyBcryptSha256('password', V2.replace('r=4', 'r=031'))).rejects.toBeInstanceOf(
        MalformedHashError,
      );
    });
  });

  describe('needsUpdate', () => {
    it('is true for the deprecated v1 format, whatever the cost', async () => {
      // Act / Assess
      await expect(verifyBcryptSha256('password', V1, { bcryptMinCost: 4 })).resolves.toMatchObject({
        ok: true,
        needsUpdate: true,
      });
    });

    it('is false for v2 at the policy floor and true below it', async () => {
      // Act / Assess
      await expect(verifyBcryptSha256('password', V2, { bcryptMinCost: 4 })).resolves.toMatchObject({
        needsUpdate: false,
      });
      await expect(verifyBcryptSha256('password', V2)).resolves.toMatchObject({ needsUpdate: true });
    });
  });

  describe('identifyHash', () => {
    it('names bcrypt_sha256 for both formats, and not for the bare prefix', () => {
      // Act / Assess
      expect(identifyHash(V2)).toBe('bcrypt_sha256');
      expect(identifyHash(V1)).toBe('bcrypt_sha256');
      expect(identifyHash('$bcrypt-sha256$')).toBeUndefined();
    });
  });
});
