import { describe, expect, it } from 'vitest';
import { identifyHash, MalformedHashError, PasswordValueError, verifyPassword } from '../../../../src/index.js';

describe('Scheme: bigcrypt', () => {
  it.each([
    ['passphrase', 'qiyh4XPJGsOZ2MEAyLkfWqeQ'],
    ['This is very long passwd', 'f8.SVpL2fvwjkAnxn8/rgTkwvrif6bjYB5c'],
    ['12345678', 'S5gmRUc4gHsS6'],
    ['a much longer passphrase, over 8 bytes', 'S59iLKdSBph.cA7BiJOkTCNwt75KB.vDzg.XSqnCdJA1NI07g0WWNKyzE'],
    ['', '6.4etc.xsOoRM'],
    ['Zoë ☃ 密码 😀', 'JyKjn84nAbFiQ/mj3RRXUIZ6WpFk9sTiwso'],
  ])('verifies %j against its passlib hash', async (password, hash) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'bigcrypt' });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'bigcrypt', needsUpdate: false });
  });

  it('rejects a password of another length: each 8 bytes add 11 characters', async () => {
    // Act
    const longer = await verifyPassword('123456789', 'S5gmRUc4gHsS6', { scheme: 'bigcrypt' });
    const prefix = await verifyPassword('passphras', 'qiyh4XPJGsOZ2MEAyLkfWqeQ', { scheme: 'bigcrypt' });

    // Assess
    expect(longer.ok).toBe(false);
    expect(prefix.ok).toBe(false);
  });

  it("accepts a trailing newline, as passlib's regex parser does", async () => {
    // Act
    const result = await verifyPassword('passphrase', 'qiyh4XPJGsOZ2MEAyLkfWqeQ\n', { scheme: 'bigcrypt' });

    // Assess
    expect(result.ok).toBe(true);
  });

  it('throws PasswordValueError for a password with a NUL character', async () => {
    // Act
    const attempt = verifyPassword('pass\0phrase', 'qiyh4XPJGsOZ2MEAyLkfWqeQ', { scheme: 'bigcrypt' });

    // Assess
    await expect(attempt).rejects.toThrow(PasswordValueError);
  });

  it.each([
    ['a checksum not a multiple of 11', 'qiyh4XPJGsOZ2MEAyLkfWqe'],
    ['no checksum', 'qi'],
    ['a character outside ./0-9A-Za-z', 'qiyh4XPJGsOZ2MEAyLkfWq!Q'],
  ])('rejects %s with MalformedHashError', async (_, hash) => {
    // Act
    const attempt = verifyPassword('passphrase', hash, { scheme: 'bigcrypt' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });

  it('is identified by identifyHash when its length is not a des_crypt one', () => {
    // Act
    const scheme = identifyHash('f8.SVpL2fvwjkAnxn8/rgTkwvrif6bjYB5c');

    // Assess
    expect(scheme).toBe('bigcrypt');
  });
});

describe('Scheme: crypt16', () => {
  it.each([
    ['passphrase', 'qi8H8R7OM4xMUNMPuRAZxlY.'],
    ['LOLOAQICI82QB4IP', '/.FcK3mad6JwYt8LVmDqz9Lc'],
    ['L', '/.CIu/PzYCkl6elhbtlysKy6'],
    ['', 'hQ...........o0UOJ2Hvb7g'],
    ['Zoë ☃ 密码 😀', 'QeUQxa4wvfbEoZmFrJnPqdF2'],
    ['pass\0phrase', 'aZvmxD3HZ2CsM1PeYJ81XmS6'],
  ])('verifies %j against its passlib hash (NUL bytes allowed)', async (password, hash) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'crypt16' });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'crypt16', needsUpdate: false });
  });

  it('uses only the first 16 bytes of the password', async () => {
    // Act
    const longer = await verifyPassword('LOLOAQICI82QB4IPxyz', '/.FcK3mad6JwYt8LVmDqz9Lc', { scheme: 'crypt16' });
    const shorter = await verifyPassword('LOLOAQICI82QB4I', '/.FcK3mad6JwYt8LVmDqz9Lc', { scheme: 'crypt16' });

    // Assess
    expect(longer.ok).toBe(true);
    expect(shorter.ok).toBe(false);
  });

  it("accepts a trailing newline, as passlib's regex parser does", async () => {
    // Act
    const result = await verifyPassword('passphrase', 'qi8H8R7OM4xMUNMPuRAZxlY.\n', { scheme: 'crypt16' });

    // Assess
    expect(result.ok).toBe(true);
  });

  it.each([
    ['a short checksum', 'qi8H8R7OM4xMUNMPuRAZxlY'],
    ['no checksum', 'qi'],
    ['a character outside ./0-9A-Za-z', 'qi8H8R7OM4xMUNMPuRAZxlY!'],
  ])('rejects %s with MalformedHashError', async (_, hash) => {
    // Act
    const attempt = verifyPassword('passphrase', hash, { scheme: 'crypt16' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });

  it('is identified by identifyHash among the schemes it is allowed', () => {
    // Act: 24 crypt characters are also a valid bigcrypt hash, which comes first by default.
    const scheme = identifyHash('qi8H8R7OM4xMUNMPuRAZxlY.', { schemes: ['crypt16'] });

    // Assess
    expect(scheme).toBe('crypt16');
  });
});
