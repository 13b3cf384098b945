import { describe, expect, it } from 'vitest';
import { HashPolicyError, identifyHash, MalformedHashError, verifyPassword } from '../../../../src/index.js';

const verifyDjangoArgon2 = (password: string, hash: string, policy = {}) =>
  verifyPassword(password, hash, { scheme: 'django_argon2', policy });

/** passlib 1.7.4: django_argon2.using(rounds=1, memory_cost=64, parallelism=1, salt=b"saltsaltsaltsalt").hash("password") */
const DJANGO_I = 'argon2$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$ppMz/HkBX0opuWS+DnjQ42TCktd3TLo2BTMIK91FW4Y';
/** The same settings as argon2id, which Django ≥ 3.2 writes; passlib verifies it through the same wrapper. */
const DJANGO_ID =
  'argon2$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$Wb9DOLKUgwlL5fjad9tfCPU0SBAo0PEY/evJRhwtUR0';

describe('Scheme: django_argon2', () => {
  describe('known-answer vectors', () => {
    it.each([
      ['password', DJANGO_I],
      ['password', DJANGO_ID],
      // passlib's argon2 sample vector behind Django's prefix.
      ['password', 'argon2$argon2i$v=19$m=256,t=1,p=1$c29tZXNhbHQ$AJFIsNZTMKTAewB4+ETN1A'],
      ['', 'argon2$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZYtxhQxeyNZlcvkwg8dwJk9qNxma2cHSPQx/9UORRWA'],
    ])('verifies %j against %s, and refuses a near miss', async (password, hash) => {
      // Act
      const right = await verifyDjangoArgon2(password, hash);
      const wrong = await verifyDjangoArgon2(`${password}x`, hash);

      // Assess
      expect(right).toMatchObject({ ok: true, scheme: 'django_argon2' });
      expect(wrong.ok).toBe(false);
    });
  });

  describe('malformed hashes', () => {
    it.each([
      ['no Django prefix', DJANGO_I.slice('argon2'.length)],
      ['an uppercase prefix', `ARGON2${DJANGO_I.slice(6)}`],
      ['a doubled $', `argon2$${DJANGO_I.slice(6)}`],
      ['a damaged inner hash', `${DJANGO_I}=`],
      ['an empty string', ''],
    ])('rejects %s with MalformedHashError', async (_, hash) => {
      // Act / Assess
      await expect(verifyDjangoArgon2('password', hash)).rejects.toBeInstanceOf(MalformedHashError);
    });
  });

  describe('cost policy', () => {
    it('refuses memory above the policy with HashPolicyError', async () => {
      // Act / Assess
      await expect(verifyDjangoArgon2('password', DJANGO_ID.replace('m=64', 'm=1048576'))).rejects.toBeInstanceOf(
        HashPolicyError,
      );
    });
  });

  describe('needsUpdate', () => {
    it('follows argon2: type i and low cost need an update', async () => {
      // Act / Assess
      await expect(verifyDjangoArgon2('password', DJANGO_I)).resolves.toMatchObject({ needsUpdate: true });
    });
  });

  describe('identifyHash', () => {
    it.each([DJANGO_I, DJANGO_ID])('names django_argon2 for %s', (hash) => {
      // Act / Assess
      expect(identifyHash(hash)).toBe('django_argon2');
    });

    it('does not take a bare argon2 hash', () => {
      // Act / Assess
      expect(identifyHash(DJANGO_ID.slice('argon2'.length))).toBe('argon2');
    });
  });
});
