import { describe, expect, it } from 'vitest';
import {
  identifyHash,
  MalformedHashError,
  MissingContextError,
  PasswordValueError,
  verifyPassword,
} from '../../../../src/index.js';

describe('Scheme: lmhash', () => {
  it.each([
    ['OLDPASSWORD', 'c9b81d939d6fd80cd408e6b105741864'],
    ['welcome', 'c23413a8a1e7665faad3b435b51404ee'],
    ['', 'aad3b435b51404eeaad3b435b51404ee'],
    ['encyclopædia', 'fed6416bffc9750d48462b9d7aaac065'],
    ['äöü straße', '8e6b191449469fdc70f43a095488dc27'],
    ['a\0b', 'bf8929aa8a997fa0aad3b435b51404ee'],
  ])('verifies %j against its passlib hash', async (password, hash) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'lmhash' });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'lmhash', needsUpdate: false });
  });

  it('ignores letter case (Unicode upper-casing: ß is SS) and accepts upper-case hex', async () => {
    // Act
    const result = await verifyPassword('ÄÖÜ STRASSE', '8E6B191449469FDC70F43A095488DC27', { scheme: 'lmhash' });

    // Assess
    expect(result.ok).toBe(true);
  });

  it('uses only the first 14 bytes of the password', async () => {
    // Prepare
    const hash = 'e0c510199cc66abd8c51ec214bebdea1'; // "abcdefghijklmn"

    // Act
    const longer = await verifyPassword('abcdefghijklmnopq', hash, { scheme: 'lmhash' });
    const shorter = await verifyPassword('abcdefghijklm', hash, { scheme: 'lmhash' });

    // Assess
    expect(longer.ok).toBe(true);
    expect(shorter.ok).toBe(false);
  });

  it('throws PasswordValueError for a character code page 437 lacks, even past byte 14', async () => {
    // Act
    const attempts = [
      verifyPassword('€uro', 'aad3b435b51404eeaad3b435b51404ee', { scheme: 'lmhash' }),
      verifyPassword('abcdefghijklmn€', 'e0c510199cc66abd8c51ec214bebdea1', { scheme: 'lmhash' }),
    ];

    // Assess
    for (const attempt of attempts) await expect(attempt).rejects.toThrow(PasswordValueError);
  });

  it.each([
    ['31 digits', 'aad3b435b51404eeaad3b435b51404e'],
    ['a non-hex digit', '855c3697d9979e78ac404c4ba2c6653X'],
    ['a trailing newline', 'aad3b435b51404eeaad3b435b51404ee\n'],
  ])('rejects %s with MalformedHashError before reading the password', async (_, hash) => {
    // Act
    const attempt = verifyPassword('€', hash, { scheme: 'lmhash' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });

  it('is identified by identifyHash among the schemes it is allowed', () => {
    // Act: bare hex is ambiguous (hex_md5, nthash…); the default order prefers other schemes.
    const scheme = identifyHash('aad3b435b51404eeaad3b435b51404ee', { schemes: ['lmhash'] });

    // Assess
    expect(scheme).toBe('lmhash');
  });
});

describe('Scheme: nthash', () => {
  it.each([
    ['OLDPASSWORD', '6677b2c394311355b54f25eec5bfacf5'],
    ['', '31d6cfe0d16ae931b73c59d7e0c089c0'],
    ['ü', '8bd6e4fb88e01009818749c5443ea712'],
    ['€€', '682467b963bb4e61943e170a04f7db46'],
    ['Zoë ☃ 密码 😀', '8417a1ede3d9cc4f70c1dd6a86c8d95c'],
    ['a\0b', '544967ca9d733c70f2ac060a588bb8a6'],
    ['passphrase', '7F8FE03093CC84B267B109625F6BBF4B'],
  ])('verifies %j against its passlib hash (UTF-16-LE, NUL allowed, either case)', async (password, hash) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'nthash' });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'nthash', needsUpdate: false });
  });

  it('rejects a wrong password with ok: false', async () => {
    // Act
    const result = await verifyPassword('oldpassword', '6677b2c394311355b54f25eec5bfacf5', { scheme: 'nthash' });

    // Assess
    expect(result.ok).toBe(false);
  });

  it.each([
    ['a non-hex digit', '7f8fe03093cc84b267b109625f6bbfxb'],
    ['33 digits', '7f8fe03093cc84b267b109625f6bbf4b0'],
    ['the bsd_nthash prefix', '$3$$7f8fe03093cc84b267b109625f6bbf4b'],
  ])('rejects %s with MalformedHashError', async (_, hash) => {
    // Act
    const attempt = verifyPassword('passphrase', hash, { scheme: 'nthash' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });

  it('is identified by identifyHash among the schemes it is allowed', () => {
    // Act
    const scheme = identifyHash('7f8fe03093cc84b267b109625f6bbf4b', { schemes: ['lmhash', 'nthash'] });

    // Assess
    expect(scheme).toBe('lmhash'); // as passlib's CryptContext: the first scheme that parses it
  });
});

describe('Scheme: bsd_nthash', () => {
  it('verifies $3$$ + an NT hash', async () => {
    // Act
    const right = await verifyPassword('passphrase', '$3$$7f8fe03093cc84b267b109625f6bbf4b', { scheme: 'bsd_nthash' });
    const wrong = await verifyPassword('Passphrase', '$3$$7f8fe03093cc84b267b109625f6bbf4b', { scheme: 'bsd_nthash' });

    // Assess
    expect(right).toEqual({ ok: true, scheme: 'bsd_nthash', needsUpdate: false });
    expect(wrong.ok).toBe(false);
  });

  it.each([
    ['no prefix', '7f8fe03093cc84b267b109625f6bbf4b'],
    ['a non-hex digit', '$3$$7f8fe03093cc84b267b109625f6bbfxb'],
  ])('rejects %s with MalformedHashError', async (_, hash) => {
    // Act
    const attempt = verifyPassword('passphrase', hash, { scheme: 'bsd_nthash' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });

  it('is identified by identifyHash', () => {
    // Act
    const scheme = identifyHash('$3$$7f8fe03093cc84b267b109625f6bbf4b');

    // Assess
    expect(scheme).toBe('bsd_nthash');
  });
});

describe('Scheme: msdcc', () => {
  it.each([
    ['Asdf999', 'sevans', 'b1176c2587478785ec1037e5abc916d0'],
    ['', 'root', '176a4c2bd45ac73687676c2f09045353'],
    ['test1', 'TEST1', '64cd29e36a8431a2b111378564a10631'],
    ['€€', 'user', '9121790702dda0fa5d353014c334c2ce'],
    ['Zoë ☃', 'ÄDMİN Σ', '9e13037d24267ed67b360c45c1762694'],
  ])('verifies %j for user %j against its passlib hash', async (password, user, hash) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'msdcc', context: { user } });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'msdcc', needsUpdate: false });
  });

  it('lower-cases the user as Python 3.11 does, leaving letters paired after Unicode 14', async () => {
    // Prepare: U+A7DC (Unicode 16) lower-cases to U+019B in Node's ICU; Python 3.11 keeps it as it is.
    const hash = '152b7a04edc3ba1fc4c581513ffd710b'; // passlib: msdcc.hash('pw', user='\ua7dcADMIN')

    // Act
    const result = await verifyPassword('pw', hash, { scheme: 'msdcc', context: { user: '\ua7dcADMIN' } });

    // Assess
    expect(result.ok).toBe(true);
  });

  it('rejects a wrong password or another user with ok: false', async () => {
    // Act
    const otherPassword = await verifyPassword('asdf999', 'b1176c2587478785ec1037e5abc916d0', {
      scheme: 'msdcc',
      context: { user: 'sevans' },
    });
    const otherUser = await verifyPassword('Asdf999', 'b1176c2587478785ec1037e5abc916d0', {
      scheme: 'msdcc',
      context: { user: 'sevans2' },
    });

    // Assess
    expect([otherPassword.ok, otherUser.ok]).toEqual([false, false]);
  });

  it('throws MissingContextError when context.user is missing (passlib: TypeError)', async () => {
    // Act
    const attempt = verifyPassword('Asdf999', 'b1176c2587478785ec1037e5abc916d0', { scheme: 'msdcc' });

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'MissingContextError', scheme: 'msdcc', field: 'user' });
  });

  it('rejects a malformed hash with MalformedHashError, before asking for the user', async () => {
    // Act
    const attempt = verifyPassword('x', 'b1176c2587478785ec1037e5abc916d', { scheme: 'msdcc' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });

  it('is identified by identifyHash among the schemes it is allowed', () => {
    // Act
    const scheme = identifyHash('b1176c2587478785ec1037e5abc916d0', { schemes: ['msdcc'] });

    // Assess
    expect(scheme).toBe('msdcc');
  });
});

describe('Scheme: msdcc2', () => {
  it.each([
    ['test1', 'test1', '607bbe89611e37446e736f7856515bf8'],
    ['', 'bin', 'c0cbe0313a861062e29f92ede58f9b36'],
    ['test2', 'TEST2', 'c6758e5be7fc943d00b97972a8a97620'],
    ['ü', 'joe', 'bdb80f2c4656a8b8591bd27d39064a54'],
    ['Zoë ☃', 'ÄDMİN Σ', 'b2899b796112445e18e7c0813b84f7a2'],
    ['longpassword', 'twentytwoXX_characters', '0A721BDC92F27D7FB23B87A445EC562F'],
  ])('verifies %j for user %j against its passlib hash', async (password, user, hash) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'msdcc2', context: { user } });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'msdcc2', needsUpdate: false });
  });

  it('rejects a wrong password with ok: false', async () => {
    // Act
    const result = await verifyPassword('test2', '607bbe89611e37446e736f7856515bf8', {
      scheme: 'msdcc2',
      context: { user: 'test1' },
    });

    // Assess
    expect(result.ok).toBe(false);
  });

  it('throws MissingContextError when context.user is missing (passlib: TypeError)', async () => {
    // Act
    const attempt = verifyPassword('test1', '607bbe89611e37446e736f7856515bf8', { scheme: 'msdcc2' });

    // Assess
    await expect(attempt).rejects.toThrow(MissingContextError);
  });
});
