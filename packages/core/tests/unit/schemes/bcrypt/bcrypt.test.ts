import { describe, expect, it } from 'vitest';
import {
  HashPolicyError,
  identifyHash,
  MalformedHashError,
  PasswordValueError,
  verifyPassword,
} from '../../../../src/index.js';

const verifyBcrypt = (password: string, hash: string, policy = {}) =>
  verifyPassword(password, hash, { scheme: 'bcrypt', policy });

/** passlib's own test vector for "test" (tests/test_handlers_bcrypt.py, test_needs_update_w_padding). */
const TEST_2A = '$2a$04$yjDgE74RJkeqC0/1NheSSOrvKeu9IbKDpcQf/Ox3qsrRS/Kw42qIS';

describe('Scheme: bcrypt', () => {
  describe('known-answer vectors', () => {
    it.each([
      // passlib's tests/test_handlers_bcrypt.py (from John the Ripper, openwall crypt_blowfish, py-bcrypt).
      ['U*U*U*U*', '$2a$05$c92SVSfjeiCD6F2nAD6y0uBpJDjdRkt0EgeC4/31Rf2LUZbDRDE.O'],
      ['U*U', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW'],
      ['', '$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.'],
      ['abc', '$2a$10$WvvTPHKwdBJ3uk0Z37EMR.hLA2W6N9AEBhEgrAOljy2Ae5MtaSIUi'],
      ['t\u00e1\u0411\u2113\u0259', '$2a$05$Z17AXnnlpzddNUvnC6cZNOSwMA/8oNiKnHTHTwLlBijfucQQlHjaG'],
      ['t\u00e1\u0411\u2113\u0259', '$2b$05$Z17AXnnlpzddNUvnC6cZNOSwMA/8oNiKnHTHTwLlBijfucQQlHjaG'],
      // passlib 1.7.4: bcrypt.using(rounds=4, ident=…, salt="5Hg1DKFqPE8C2aflZ5vVoe").hash(password)
      ['correct horse', '$2b$04$5Hg1DKFqPE8C2aflZ5vVoexRCJLJ3d2vR/z4sBTKxfNlcqiWXlGrm'],
      ['correct horse', '$2y$04$5Hg1DKFqPE8C2aflZ5vVoexRCJLJ3d2vR/z4sBTKxfNlcqiWXlGrm'],
      ['pässwörd😀', '$2b$04$5Hg1DKFqPE8C2aflZ5vVoeCiAflXT8eXTum23dh6XBF9JhahQ.eae'],
      ['', '$2b$04$5Hg1DKFqPE8C2aflZ5vVoef.VsZQs3G79.TTY/XL/7shwWML6s2Dy'],
    ])('verifies %j against %s, and refuses a near miss', async (password, hash) => {
      // Act
      const right = await verifyBcrypt(password, hash);
      const wrong = await verifyBcrypt(`${password}x`, hash);

      // Assess
      expect(right).toMatchObject({ ok: true, scheme: 'bcrypt' });
      expect(wrong.ok).toBe(false);
    });

    it('verifies the legacy $2$ variant, which repeats the password to 72 bytes (passlib vectors)', async () => {
      // Prepare: passlib's CONFIG_2 vectors: "abc" and "abc" * 23 give the same $2$ hash, unlike $2a$.
      const config = `$2$05$${'.'.repeat(22)}`;

      // Act / Assess
      await expect(verifyBcrypt('', `${config}J2ihDv8vVf7QZ9BsaRrKyqs2tkn55Yq`)).resolves.toMatchObject({ ok: true });
      await expect(verifyBcrypt('abc', `${config}XuQjdH.wPVNUZ/bOfstdW/FqB8QSjte`)).resolves.toMatchObject({
        ok: true,
      });
      await expect(verifyBcrypt('abc'.repeat(23), `${config}XuQjdH.wPVNUZ/bOfstdW/FqB8QSjte`)).resolves.toMatchObject({
        ok: true,
      });
      await expect(verifyBcrypt('abd', `${config}XuQjdH.wPVNUZ/bOfstdW/FqB8QSjte`)).resolves.toMatchObject({
        ok: false,
      });
    });

    it('reads only the first 72 bytes of the password, as passlib does when verifying', async () => {
      // Prepare: passlib's vector "…chars after 72 are ignored", and bcrypt.using(rounds=4).hash("a" * 72).
      const first72 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
      const openwall = '$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui';
      const seventyTwoA = '$2b$04$5Hg1DKFqPE8C2aflZ5vVoe7ZUzTMtwBxz.ORGDTxt4uP6Ihg88BR.';

      // Act / Assess
      await expect(verifyBcrypt(`${first72}chars after 72 are ignored`, openwall)).resolves.toMatchObject({ ok: true });
      await expect(verifyBcrypt(first72, openwall)).resolves.toMatchObject({ ok: true });
      await expect(verifyBcrypt('a'.repeat(73), seventyTwoA)).resolves.toMatchObject({ ok: true });
      await expect(verifyBcrypt('a'.repeat(71), seventyTwoA)).resolves.toMatchObject({ ok: false });
    });

    it('has no wraparound bug for passwords of 255 bytes and more (passlib vectors)', async () => {
      // Prepare
      const hash = '$2a$04$R1lJ2gkNaoPGdafE.H.16.1MKHPvmKwryeulRe225LKProWYwt9Oi';

      // Act / Assess
      for (const length of [254, 255, 256, 257]) {
        await expect(verifyBcrypt('0123456789'.repeat(26).slice(0, length), hash)).resolves.toMatchObject({ ok: true });
      }
    });
  });

  describe('passwords passlib refuses', () => {
    it('rejects a password with a NUL byte with PasswordValueError, for every ident', async () => {
      // Act / Assess
      await expect(verifyBcrypt('correct\0horse', TEST_2A)).rejects.toBeInstanceOf(PasswordValueError);
      await expect(verifyBcrypt('\0', `$2$05$${'.'.repeat(22)}J2ihDv8vVf7QZ9BsaRrKyqs2tkn55Yq`)).rejects.toBeInstanceOf(
        PasswordValueError,
      );
    });

    it('reports a malformed hash before a NUL-byte password', async () => {
      // Act / Assess
      await expect(verifyBcrypt('\0', `${TEST_2A}x`)).rejects.toBeInstanceOf(MalformedHashError);
    });
  });

  describe('malformed hashes', () => {
    it.each([
      ['a bad character (passlib test)', '$2a$12$EXRkfkdmXn!gzds2SSitu.MW9.gAVqa9eLS1//RYtYCmB1eLHg.9q'],
      ["crypt_blowfish's buggy $2x$ (passlib test)", '$2x$12$EXRkfkdmXnagzds2SSitu.MW9.gAVqa9eLS1//RYtYCmB1eLHg.9q'],
      ['a cost that is not zero-padded (passlib test)', '$2a$6$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.'],
      ['cost 03', TEST_2A.replace('$04$', '$03$')],
      ['cost 32', TEST_2A.replace('$04$', '$32$')],
      ['a three-digit cost', TEST_2A.replace('$04$', '$004$')],
      ['a config string without checksum', TEST_2A.slice(0, 29)],
      ['a checksum one character short', TEST_2A.slice(0, -1)],
      ['a checksum one character long', `${TEST_2A}S`],
      ['a trailing newline', `${TEST_2A}\n`],
      ['an extra $ field', `${TEST_2A.slice(0, 29)}$${TEST_2A.slice(29)}`],
      ['an empty tail', '$2b$'],
    ])('rejects %s with MalformedHashError', async (_, hash) => {
      // Act / Assess
      await expect(verifyBcrypt('test', hash)).rejects.toBeInstanceOf(MalformedHashError);
    });
  });

  describe('cost policy', () => {
    it('refuses cost 17 with HashPolicyError before any hashing', async () => {
      // Prepare: cost 17 takes about 8 seconds; the default policy allows at most 16.
      const hostile = TEST_2A.replace('$04$', '$17$');
      const started = performance.now();

      // Act
      const attempt = verifyBcrypt('test', hostile);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(HashPolicyError);
      expect(performance.now() - started).toBeLessThan(50);
    });

    it('checks the cost policy after the format', async () => {
      // Act / Assess
      await expect(verifyBcrypt('test', `$2x$17$${TEST_2A.slice(7)}`)).rejects.toBeInstanceOf(MalformedHashError);
    });
  });

  describe('needsUpdate', () => {
    it('is true below the policy floor and false at it', async () => {
      // Act / Assess
      await expect(verifyBcrypt('test', TEST_2A)).resolves.toMatchObject({ ok: true, needsUpdate: true });
      await expect(verifyBcrypt('test', TEST_2A, { bcryptMinCost: 4 })).resolves.toMatchObject({
        ok: true,
        needsUpdate: false,
      });
    });

    it('is true for a $2a$ salt with padding bits set, which still verifies (passlib issue 25)', async () => {
      // Prepare: passlib's BAD1 vector: the last salt character is "c" instead of "O".
      const badSalt = '$2a$04$yjDgE74RJkeqC0/1NheSScrvKeu9IbKDpcQf/Ox3qsrRS/Kw42qIS';

      // Act / Assess
      await expect(verifyBcrypt('test', badSalt, { bcryptMinCost: 4 })).resolves.toEqual({
        ok: true,
        scheme: 'bcrypt',
        needsUpdate: true,
      });
    });

    it('verifies a checksum with padding bits set, as passlib repairs it', async () => {
      // Prepare: passlib's vector with "V" in place of the final "S".
      const badChecksum = '$2a$04$yjDgE74RJkeqC0/1NheSSOrvKeu9IbKDpcQf/Ox3qsrRS/Kw42qIV';

      // Act / Assess
      await expect(verifyBcrypt('test', badChecksum)).resolves.toMatchObject({ ok: true });
    });
  });

  describe('identifyHash', () => {
    it.each(['$2$', '$2a$', '$2b$', '$2y$'])('names bcrypt for the %s ident', (ident) => {
      // Act / Assess
      expect(identifyHash(`${ident}04$${TEST_2A.slice(7)}`)).toBe('bcrypt');
    });

    it('names nothing for the $2x$ ident, which passlib recognises but cannot verify, nor for a cut hash', () => {
      // Act / Assess
      expect(identifyHash(`$2x$04$${TEST_2A.slice(7)}`)).toBeUndefined();
      expect(identifyHash(TEST_2A.slice(0, -1))).toBeUndefined();
    });

    it('recognises no unknown minor version (passlib test)', () => {
      // Act / Assess
      expect(identifyHash('$2f$12$EXRkfkdmXnagzds2SSitu.MW9.gAVqa9eLS1//RYtYCmB1eLHg.9q')).toBeUndefined();
      expect(identifyHash('$2`$12$EXRkfkdmXnagzds2SSitu.MW9.gAVqa9eLS1//RYtYCmB1eLHg.9q')).toBeUndefined();
    });
  });
});
