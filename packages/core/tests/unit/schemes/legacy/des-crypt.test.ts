import { describe, expect, it } from 'vitest';
import {
  identifyHash,
  MalformedHashError,
  PasswordValueError,
  type SchemeName,
  verifyPassword,
} from '../../../../src/index.js';

/** Made with passlib 1.7.4 (`des_crypt.using(salt=…).hash(…)`) or taken from its test suite, checked against it. */
const DES_CRYPT_VECTORS: readonly [password: string, hash: string][] = [
  ['test', 'abgOeLfPimXQo'],
  ['', '..X8NBuQ4l6uQ'],
  ['U*U*U*U*', 'CCNf8Sbh3HDfQ'],
  ['Zoë ☃ 密码 😀', 'ZzxuTQ25RbtBY'],
  ['hellÖ', 'saykDgk3BPZ9E'],
];

describe('Scheme: des_crypt', () => {
  it.each(DES_CRYPT_VECTORS)('verifies %j against its passlib hash', async (password, hash) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'des_crypt' });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'des_crypt', needsUpdate: false });
  });

  it('rejects a wrong password with ok: false', async () => {
    // Act
    const result = await verifyPassword('tesT', 'abgOeLfPimXQo', { scheme: 'des_crypt' });

    // Assess
    expect(result.ok).toBe(false);
  });

  it('uses only the first 8 bytes of the password, also when verifying', async () => {
    // Prepare
    const hash = 'x/70dYO090p02'; // passlib: des_crypt of "12345678"

    // Act
    const longer = await verifyPassword('12345678 and anything after', hash, { scheme: 'des_crypt' });
    const shorter = await verifyPassword('1234567', hash, { scheme: 'des_crypt' });

    // Assess
    expect(longer.ok).toBe(true);
    expect(shorter.ok).toBe(false);
  });

  it('throws PasswordValueError for a password with a NUL character', async () => {
    // Act
    const attempt = verifyPassword('ab\0c', 'abgOeLfPimXQo', { scheme: 'des_crypt' });

    // Assess
    await expect(attempt).rejects.toThrow(PasswordValueError);
  });

  it.each([
    ['a salt without a checksum', 'ab'],
    ['a checksum one character short', 'OgAwTx2l6NAD'],
    ['a checksum one character long', 'OgAwTx2l6NADIj'],
    ['a character outside ./0-9A-Za-z', '!gAwTx2l6NADI'],
    ['a trailing newline', 'abgOeLfPimXQo\n'],
    ['a leading space', ' abgOeLfPimXQo'],
    ['the empty string', ''],
  ])('rejects %s with MalformedHashError', async (_, hash) => {
    // Act
    const attempt = verifyPassword('test', hash, { scheme: 'des_crypt' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });

  it('checks the hash before the password', async () => {
    // Act
    const attempt = verifyPassword('a\0b', 'ab', { scheme: 'des_crypt' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });

  it('is identified by identifyHash', () => {
    // Act
    const scheme = identifyHash('abgOeLfPimXQo');

    // Assess
    expect(scheme).toBe('des_crypt');
  });
});

describe('Scheme: ldap_des_crypt', () => {
  it('verifies {CRYPT} + a des_crypt hash', async () => {
    // Act
    const right = await verifyPassword('test', '{CRYPT}abgOeLfPimXQo', { scheme: 'ldap_des_crypt' });
    const wrong = await verifyPassword('Test', '{CRYPT}abgOeLfPimXQo', { scheme: 'ldap_des_crypt' });

    // Assess
    expect(right).toEqual({ ok: true, scheme: 'ldap_des_crypt', needsUpdate: false });
    expect(wrong.ok).toBe(false);
  });

  it.each([
    ['no prefix', 'abgOeLfPimXQo'],
    ['a lower-case prefix', '{crypt}abgOeLfPimXQo'],
    ['a short checksum', '{CRYPT}abgOeLfPimXQ'],
  ])('rejects %s with MalformedHashError', async (_, hash) => {
    // Act
    const attempt = verifyPassword('test', hash, { scheme: 'ldap_des_crypt' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });

  it('throws PasswordValueError for a password with a NUL character', async () => {
    // Act
    const attempt = verifyPassword('te\0st', '{CRYPT}abgOeLfPimXQo', { scheme: 'ldap_des_crypt' });

    // Assess
    await expect(attempt).rejects.toThrow(PasswordValueError);
  });

  it('is identified by identifyHash', () => {
    // Act
    const scheme = identifyHash('{CRYPT}abgOeLfPimXQo');

    // Assess
    expect(scheme).toBe('ldap_des_crypt');
  });
});

describe('Scheme: django_des_crypt', () => {
  it.each<[password: string, hash: string, note: string]>([
    ['password', 'crypt$c2$c2M87q...WWcU', 'Django 1.0: a 2-character salt field'],
    ['password', 'crypt$c2e86$c2M87q...WWcU', 'Django 1.0: a longer salt field, first two characters count'],
    ['password', 'crypt$$c2M87q...WWcU', 'Django 1.4+: an empty salt field'],
    ['passwordignoreme', 'crypt$c2.AZ$c2M87q...WWcU', 'only 8 bytes of the password'],
    ['foo', 'crypt$MNVY.9ajgdvDQ$MNVY.9ajgdvDQ', 'passlib issue 22'],
    ['hellÖ', 'crypt$sa$saykDgk3BPZ9E', 'UTF-8'],
  ])('verifies %j against %s (%s)', async (password, hash) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'django_des_crypt' });

    // Assess: Django 5.0 removed CryptPasswordHasher, so every such hash is to be replaced.
    expect(result).toEqual({ ok: true, scheme: 'django_des_crypt', needsUpdate: true });
  });

  it('rejects a wrong password with ok: false', async () => {
    // Act
    const result = await verifyPassword('PASSWORD', 'crypt$c2$c2M87q...WWcU', { scheme: 'django_des_crypt' });

    // Assess
    expect(result.ok).toBe(false);
  });

  it.each([
    ['a checksum too short', 'crypt$c2$c2M87q'],
    ['a 1-character salt', 'crypt$f$c2M87q...WWcU'],
    ['salt fields that disagree', 'crypt$ffe86$c2M87q...WWcU'],
    ['no checksum', 'crypt$c2$'],
    ['no checksum field', 'crypt$c2'],
    ['a third field', 'crypt$c2$c2M87q...WWcU$'],
    ['a character outside ./0-9A-Za-z', 'crypt$c2$c2M87q...WWc!'],
    ['another prefix', 'sha1$c2$c2M87q...WWcU'],
  ])('rejects %s with MalformedHashError', async (_, hash) => {
    // Act
    const attempt = verifyPassword('password', hash, { scheme: 'django_des_crypt' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });

  it('throws PasswordValueError for a password with a NUL character', async () => {
    // Act
    const attempt = verifyPassword('pass\0word', 'crypt$c2$c2M87q...WWcU', { scheme: 'django_des_crypt' });

    // Assess
    await expect(attempt).rejects.toThrow(PasswordValueError);
  });

  it.each<[string, SchemeName]>([['crypt$c2$c2M87q...WWcU', 'django_des_crypt']])(
    'identifies %s as %s',
    (hash, scheme) => {
      // Act
      const identified = identifyHash(hash);

      // Assess
      expect(identified).toBe(scheme);
    },
  );
});
