import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COST_POLICY,
  HashPolicyError,
  identifyHash,
  MalformedHashError,
  verifyPassword,
} from '../../../../src/index.js';
import { werkzeugScrypt } from '../../../../src/schemes/memory-hard/werkzeug-scrypt.js';

const verifyWerkzeug = (password: string, hash: string, policy = {}) =>
  verifyPassword(password, hash, { scheme: 'werkzeug_scrypt', policy });

const UNICODE = 'Zoë ☃ 密码 😀';
const SALT = 'saltsaltsaltsalt';
/** Werkzeug 3.1.3 `_hash_internal("scrypt:1024:8:1", "saltsaltsaltsalt", "password")`. */
const PASSWORD_HASH = `scrypt:1024:8:1$${SALT}$0553112aa7625588a428068f475c2e72c2942afc384ee3cb91d118b684876ace4b6c4f09006a03e7db0fb5dc05fff1ce3112cd6fbbb2e2d9c77b01066a6d275c`;
/** The same with Werkzeug's default method, `scrypt` (n=32768, r=8, p=1). */
const DEFAULT_HEX =
  '234f21946f762c3628325ffd54a7f4ce07cc44c3d78c5cd8937ad78c512cf39580107a9c35348d30c3c5c7069982e3aec53ea48fb1cdac067de659d73c1917e4';

describe('Scheme: werkzeug_scrypt', () => {
  describe('known-answer vectors', () => {
    it.each([
      // Werkzeug 3.1.3, the reference (check_password_hash), with the salt "saltsaltsaltsalt".
      [
        '',
        `scrypt:1024:8:1$${SALT}$41c321ff67a082d962547e14ef32a7d85b3b756b398d278b1ef16dfcd142d785276f50797f854d3e6de344f45f64c19675ba671e22313887fe8aef31ce3c1975`,
      ],
      ['password', PASSWORD_HASH],
      [
        UNICODE,
        `scrypt:1024:8:1$${SALT}$15ed4688c5cf9e3080cdc2a49054c156fc6b28daa56053fdaad3ab0e9226706ed7e97c9d32e47df644ac5c52c0b7c06d1b2ef2594415f1f876108ed065cab774`,
      ],
      [
        'pass\0word',
        `scrypt:1024:8:1$${SALT}$824228249e81ff7d4d16810556b94923e2087817a446b26e5f64966af16190a58bd379d709257374518d4dd0808f06bea4872e59d06830d49a6de71caa83343c`,
      ],
      ['password', `scrypt:32768:8:1$${SALT}$${DEFAULT_HEX}`],
      [
        'password',
        'scrypt:1024:8:1$sälz😀$01c73b6ac1ced2be28a9e3abc9bc1a325aed389b655e82d996dffe63583f612e2a05da53d01dda334fab1390acae4696dde814a6aac6134fbb3215adb2b10a03',
      ],
      [
        'password',
        `scrypt:1024:4:2$${SALT}$fe5d20d0b374847ad3403f2a344e66d1d99f915018a4ee3a876898e597e780ebbe0996c43643f76ac8bd183290890fece410c3efff5644f3c6992db375f94513`,
      ],
    ])('verifies %j against %s, and refuses a near miss', async (password, hash) => {
      // Act
      const right = await verifyWerkzeug(password, hash);
      const wrong = await verifyWerkzeug(`${password}x`, hash);

      // Assess
      expect(right).toMatchObject({ ok: true, scheme: 'werkzeug_scrypt' });
      expect(wrong.ok).toBe(false);
    });
  });

  describe('quirks of Werkzeug it reproduces', () => {
    it('reads a method without parameters as n=32768, r=8, p=1', async () => {
      // Act / Assess
      await expect(verifyWerkzeug('password', `scrypt$${SALT}$${DEFAULT_HEX}`)).resolves.toMatchObject({ ok: true });
    });

    it.each([
      ['spaces', 'scrypt: 1024 :8:1'],
      ['a sign', 'scrypt:+1024:8:1'],
      ['an underscore', 'scrypt:1_024:8:1'],
      ['leading zeros', 'scrypt:01024:8:01'],
    ])('reads numbers with %s as Python int() does', async (_, method) => {
      // Act / Assess
      await expect(verifyWerkzeug('password', PASSWORD_HASH.replace('scrypt:1024:8:1', method))).resolves.toMatchObject(
        {
          ok: true,
        },
      );
    });

    it.each([
      ['fewer than two $', 'scrypt:1024:8:1'],
      ['one $', `scrypt:1024:8:1$${SALT}`],
      ['uppercase hex', PASSWORD_HASH.toUpperCase().replace('SCRYPT', 'scrypt').replace(SALT.toUpperCase(), SALT)],
      ['a trailing newline', `${PASSWORD_HASH}\n`],
      ['a third $', `${PASSWORD_HASH}$`],
      ['an empty digest', `scrypt:1024:8:1$${SALT}$`],
    ])('answers false, not an error, for %s', async (_, hash) => {
      // Act / Assess
      await expect(verifyWerkzeug('password', hash)).resolves.toMatchObject({ ok: false });
    });
  });

  describe('malformed hashes', () => {
    it.each([
      ['another method', PASSWORD_HASH.replace('scrypt', 'Scrypt')],
      ['a leading space', ` ${PASSWORD_HASH}`],
      ['an empty parameter list', PASSWORD_HASH.replace('scrypt:1024:8:1', 'scrypt:')],
      ['two parameters', PASSWORD_HASH.replace('scrypt:1024:8:1', 'scrypt:1024:8')],
      ['four parameters', PASSWORD_HASH.replace('scrypt:1024:8:1', 'scrypt:1024:8:1:1')],
      ['a parameter that is not a number', PASSWORD_HASH.replace('scrypt:1024:8:1', 'scrypt:1024:8:x')],
      ['n not a power of 2', PASSWORD_HASH.replace('scrypt:1024:8:1', 'scrypt:1023:8:1')],
      ['n of 0', PASSWORD_HASH.replace('scrypt:1024:8:1', 'scrypt:0:8:1')],
      ['a negative n', PASSWORD_HASH.replace('scrypt:1024:8:1', 'scrypt:-2:8:1')],
      ['r of 0', PASSWORD_HASH.replace('scrypt:1024:8:1', 'scrypt:1024:0:1')],
      ['p of 0', PASSWORD_HASH.replace('scrypt:1024:8:1', 'scrypt:1024:8:0')],
      // Werkzeug's maxmem of 132·n·r·p is below OpenSSL's need for n < 96 (p=1).
      ['n=64, under what its own maxmem allows', PASSWORD_HASH.replace('scrypt:1024:8:1', 'scrypt:64:8:1')],
      ['N = 2^16 with r=1', PASSWORD_HASH.replace('scrypt:1024:8:1', 'scrypt:65536:1:1')],
      ['a maxmem above what hashlib accepts', PASSWORD_HASH.replace('scrypt:1024:8:1', 'scrypt:2097152:8:1')],
      ['r·p of 2^30', PASSWORD_HASH.replace('scrypt:1024:8:1', 'scrypt:1024:8:134217728')],
      ['a non-ASCII digest', `${PASSWORD_HASH.slice(0, -1)}é`],
    ])('rejects %s with MalformedHashError', async (_, hash) => {
      // Act / Assess
      await expect(verifyWerkzeug('password', hash)).rejects.toBeInstanceOf(MalformedHashError);
    });
  });

  describe('cost policy', () => {
    it('refuses 128·N·r·p above scryptMaxMemoryBytes with HashPolicyError before any hashing', async () => {
      // Prepare: n=2^20, r=8 is 1 GiB; the default policy allows 256 MiB.
      const hostile = PASSWORD_HASH.replace('scrypt:1024:8:1', 'scrypt:1048576:8:1');
      const started = performance.now();

      // Act
      const attempt = verifyWerkzeug('password', hostile);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(HashPolicyError);
      expect(performance.now() - started).toBeLessThan(50);
    });
  });

  describe('needsUpdate', () => {
    const needsUpdate = (hash: string) => werkzeugScrypt.prepare(hash, { policy: DEFAULT_COST_POLICY }).needsUpdate;

    it("is false at Werkzeug's default (n=32768, r=8) and true below it", () => {
      // Act / Assess
      expect(needsUpdate(`scrypt:32768:8:1$${SALT}$${DEFAULT_HEX}`)).toBe(false);
      expect(needsUpdate(`scrypt$${SALT}$${DEFAULT_HEX}`)).toBe(false);
      expect(needsUpdate(PASSWORD_HASH)).toBe(true);
    });
  });

  describe('identifyHash', () => {
    it.each([PASSWORD_HASH, `scrypt$${SALT}$${DEFAULT_HEX}`])('names werkzeug_scrypt for %s', (hash) => {
      // Act / Assess
      expect(identifyHash(hash)).toBe('werkzeug_scrypt');
    });

    it('names nothing that Werkzeug could not have written, however it starts', async () => {
      // Prepare: Django's scrypt$<N>$<salt>$<r>$<p>$<base64>, which Werkzeug reads as a cost-less hash with salt
      // "16384" that never matches; and Werkzeug's own form with a cut or upper-case key.
      const django =
        'scrypt$16384$j32mWELXNcWIGDv2Gg5MoE$8$5$Ll/Ok2CsScjBe0TWlPgqXXy2P6rzeJl+Vx0IlZlMQt79DWtUCqfJi+uHrbQLpd3bx00VmaDBCNUN6yVwFxALtw==';

      // Act / Assess
      expect(identifyHash(django, { schemes: ['werkzeug_scrypt'] })).toBeUndefined();
      expect(identifyHash(PASSWORD_HASH.slice(0, -1))).toBeUndefined();
      expect(identifyHash(PASSWORD_HASH.toUpperCase().replace('SCRYPT', 'scrypt'))).toBeUndefined();
      // Named explicitly, it still answers as check_password_hash does: no match, no error.
      await expect(verifyWerkzeug('pässword', django)).resolves.toMatchObject({ ok: false });
    });
  });
});
