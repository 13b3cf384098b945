import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HashPolicyError, identifyHash, MalformedHashError, verifyPassword } from '../../../../src/index.js';

const verifyWordpress = (password: string, hash: string, policy = {}) =>
  verifyPassword(password, hash, { scheme: 'wordpress_bcrypt', policy });

/**
 * Made as WordPress 6.8's wp_hash_password does (see src/schemes/bcrypt/wordpress-bcrypt.ts), with Python
 * hmac + passlib 1.7.4 bcrypt (ident 2y, rounds 4, salt "5Hg1DKFqPE8C2aflZ5vVoe"), as the parity oracle does.
 */
const PASSWORD = '$wp$2y$04$5Hg1DKFqPE8C2aflZ5vVoe2wb6oy1EF6K2Co6lI4aWK/aaukmLncS';

describe('Scheme: wordpress_bcrypt', () => {
  describe('known-answer vectors', () => {
    it.each([
      // Hashes published with their passwords by WordPress deployments (WordPress's own test suite,
      // tests/phpunit/tests/auth.php, makes its hashes at run time and publishes none). The first is checked
      // in its repository with PHP's password_verify; the second was verified there against a live
      // wp_check_password.
      ['admin', '$wp$2y$10$Q1xinFjrZeLWJBvxviIL6u834Fu.evIEFHAUVisQ5O.w9Dm0sMdES'],
      ['grimoire-test-123', '$wp$2y$12$iWN5xRwDE7i9R5jVJvCyqOxS1CNnwUggQaF8O2W9Bg8TuXQz.ngrS'],
      ['BigBike@2026', '$wp$2y$10$qeleDSuDaeZO5fBsEqFReeWdlqaDnBDBzB16hFgsFnhN9qFBIihvm'],
      // Made here (see PASSWORD).
      ['password', PASSWORD],
      ['pässwörd😀', '$wp$2y$04$5Hg1DKFqPE8C2aflZ5vVoeu7wE4ZJoQNq0/6N6B69pUpK.vsbRtle'],
      ['', '$wp$2y$04$5Hg1DKFqPE8C2aflZ5vVoevIs86aUdr.3liAD0B9CSoBvYL3Jwdyy'],
      ['pass\0word', '$wp$2y$04$5Hg1DKFqPE8C2aflZ5vVoec1LzWcoAPb0Ia45Q2dPHzEWIJ5D/PvG'],
      // PHP's password_verify also reads $2a$ and $2b$ hashes.
      ['password', '$wp$2b$04$5Hg1DKFqPE8C2aflZ5vVoe2wb6oy1EF6K2Co6lI4aWK/aaukmLncS'],
      ['password', '$wp$2a$04$5Hg1DKFqPE8C2aflZ5vVoe2wb6oy1EF6K2Co6lI4aWK/aaukmLncS'],
    ])('verifies %j against %s, and refuses a near miss', async (password, hash) => {
      // Act
      const right = await verifyWordpress(password, hash);
      const wrong = await verifyWordpress(`${password}x`, hash);

      // Assess
      expect(right).toMatchObject({ ok: true, scheme: 'wordpress_bcrypt' });
      expect(wrong.ok).toBe(false);
    });

    it('feeds bcrypt the base64 HMAC-SHA384 of the password under the key "wp-sha384"', async () => {
      // Prepare: the 64-character key bcrypt sees for "admin", checked as a plain $2y$ bcrypt hash.
      const key = createHmac('sha384', 'wp-sha384').update('admin').digest('base64');

      // Act
      const result = await verifyPassword(key, '$2y$10$Q1xinFjrZeLWJBvxviIL6u834Fu.evIEFHAUVisQ5O.w9Dm0sMdES');

      // Assess
      expect(key).toHaveLength(64);
      expect(result).toMatchObject({ ok: true, scheme: 'bcrypt' });
    });

    it('uses every byte of a long password, unlike bcrypt', async () => {
      // Prepare: made from "a" * 100.
      const hash = '$wp$2y$04$5Hg1DKFqPE8C2aflZ5vVoe4gDaq8F4bpSUvNc1TZg2eFDEDvE74ba';

      // Act / Assess
      await expect(verifyWordpress('a'.repeat(100), hash)).resolves.toMatchObject({ ok: true });
      await expect(verifyWordpress('a'.repeat(72), hash)).resolves.toMatchObject({ ok: false });
      await expect(verifyWordpress(`${'a'.repeat(99)}b`, hash)).resolves.toMatchObject({ ok: false });
    });
  });

  describe('what wp_check_password does', () => {
    it('does not trim the password: wp_hash_password trimmed it, wp_authenticate trims the typed one', async () => {
      // Prepare: wp_hash_password("  padded password \n") hashes "padded password".
      const hash = '$wp$2y$04$5Hg1DKFqPE8C2aflZ5vVoef0PbWnLAiAMiBY0eH.aUSIkwv/VmKcy';

      // Act / Assess
      await expect(verifyWordpress('padded password', hash)).resolves.toMatchObject({ ok: true });
      await expect(verifyWordpress('  padded password \n', hash)).resolves.toMatchObject({ ok: false });
    });

    it('answers false for a password over 4096 bytes, even one that matches', async () => {
      // Prepare: "é" * 2049 is 4098 UTF-8 bytes but 2049 characters; both hashes made from these passwords.
      const atLimit = '$wp$2y$04$5Hg1DKFqPE8C2aflZ5vVoeiP6xVSvPLZ6SMT/d2iTmyDc2nNXKNfS';
      const overLimit = '$wp$2y$04$5Hg1DKFqPE8C2aflZ5vVoe2Q42emD3DAiIa32wXAklXzJx9ez7Qk.';

      // Act / Assess
      await expect(verifyWordpress('é'.repeat(2048), atLimit)).resolves.toMatchObject({ ok: true });
      await expect(verifyWordpress('é'.repeat(2049), overLimit)).resolves.toMatchObject({ ok: false });
    });

    it('answers false when padding bits are set: PHP compares the whole crypt() output', async () => {
      // Prepare: "T" is "S" with a padding bit set; "f" is "e" with one set.
      const badChecksum = `${PASSWORD.slice(0, -1)}T`;
      const badSalt = PASSWORD.replace('5vVoe2', '5vVof2');

      // Act / Assess
      await expect(verifyWordpress('password', badChecksum)).resolves.toMatchObject({ ok: false });
      await expect(verifyWordpress('password', badSalt)).resolves.toMatchObject({ ok: false });
    });
  });

  describe('malformed hashes', () => {
    it.each([
      ['the legacy $2$ variant, which PHP cannot verify', PASSWORD.replace('$2y$', '$2$')],
      ['$2x$', PASSWORD.replace('$2y$', '$2x$')],
      ['a bare bcrypt hash', PASSWORD.slice(3)],
      ['$wp$ without a bcrypt hash', '$wp$'],
      ['an unpadded cost', PASSWORD.replace('$04$', '$4$')],
      ['cost 32', PASSWORD.replace('$04$', '$32$')],
      ['a truncated checksum', PASSWORD.slice(0, -1)],
      ['a bad character', PASSWORD.replace('LncS', 'Lnc!')],
      ['an uppercase prefix', `$WP${PASSWORD.slice(3)}`],
    ])('rejects %s with MalformedHashError', async (_, hash) => {
      // Act / Assess
      await expect(verifyWordpress('password', hash)).rejects.toBeInstanceOf(MalformedHashError);
    });
  });

  describe('cost policy', () => {
    it('refuses cost 17 with HashPolicyError before any hashing', async () => {
      // Prepare
      const started = performance.now();

      // Act
      const attempt = verifyWordpress('password', PASSWORD.replace('$04$', '$17$'));

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(HashPolicyError);
      expect(performance.now() - started).toBeLessThan(50);
    });
  });

  describe('needsUpdate', () => {
    it('is true below the policy floor only', async () => {
      // Act / Assess
      await expect(verifyWordpress('password', PASSWORD)).resolves.toMatchObject({ needsUpdate: true });
      await expect(verifyWordpress('password', PASSWORD, { bcryptMinCost: 4 })).resolves.toMatchObject({
        needsUpdate: false,
      });
      await expect(
        verifyWordpress('admin', '$wp$2y$10$Q1xinFjrZeLWJBvxviIL6u834Fu.evIEFHAUVisQ5O.w9Dm0sMdES'),
      ).resolves.toEqual({ ok: true, scheme: 'wordpress_bcrypt', needsUpdate: false });
    });
  });

  describe('identifyHash', () => {
    it('names wordpress_bcrypt for $wp before a whole bcrypt hash, and not for a bare bcrypt hash', () => {
      // Act / Assess
      expect(identifyHash(PASSWORD)).toBe('wordpress_bcrypt');
      expect(identifyHash('$wp$2b$')).toBeUndefined();
      expect(identifyHash(PASSWORD.slice(3))).toBe('bcrypt');
      expect(identifyHash('$wp$P$B9vZp1ED5PnY4omTg1SJmUTSxeMfRY.')).not.toBe('wordpress_bcrypt');
    });
  });
});
