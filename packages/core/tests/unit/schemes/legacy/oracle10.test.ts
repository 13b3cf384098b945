import { describe, expect, it } from 'vitest';
import { identifyHash, MalformedHashError, verifyPassword } from '../../../../src/index.js';

describe('Scheme: oracle10', () => {
  it.each([
    ['tiger', 'scott', 'F894844C34402B67'],
    ['ttTiGGeR', 'ScO', '7AA1A84E31ED7771'],
    ['#95LWEIGHTS', 'USER', '000EA4D72A142E29'],
    ['LONG_MOT_DE_PASSE_OUI', 'BOB', 'EC8147ABB3373D53'],
    ['Zoë ☃ straße', 'Sys', '6C8E2EA0C38330E9'],
    ['', '', '0000000000000000'],
    ['tiger', 'scott', 'f894844c34402b67'],
  ])('verifies %j for user %j against %s', async (password, user, hash) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'oracle10', context: { user } });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'oracle10', needsUpdate: false });
  });

  it('ignores the case of password and user (Unicode upper-casing)', async () => {
    // Act
    const result = await verifyPassword('ZOË ☃ STRASSE', '6C8E2EA0C38330E9', {
      scheme: 'oracle10',
      context: { user: 'sys' },
    });

    // Assess
    expect(result.ok).toBe(true);
  });

  it('leaves letters alone whose case pairs came after Unicode 14, as Python 3.11 does', async () => {
    // Prepare: U+10D70 (Garay, Unicode 16) upper-cases in Node's ICU but not in Python 3.11.
    const hash = 'C94D7B73AF71B495'; // passlib: oracle10.hash('pass\U00010d70', user='scott')

    // Act
    const result = await verifyPassword('pass\u{10d70}', hash, { scheme: 'oracle10', context: { user: 'scott' } });

    // Assess
    expect(result.ok).toBe(true);
  });

  it('rejects a wrong password or another user with ok: false', async () => {
    // Act
    const otherPassword = await verifyPassword('tigers', 'F894844C34402B67', {
      scheme: 'oracle10',
      context: { user: 'scott' },
    });
    const otherUser = await verifyPassword('tiger', 'F894844C34402B67', {
      scheme: 'oracle10',
      context: { user: 'scot' },
    });

    // Assess
    expect([otherPassword.ok, otherUser.ok]).toEqual([false, false]);
  });

  it('throws MissingContextError when context.user is missing (passlib: TypeError)', async () => {
    // Act
    const attempt = verifyPassword('tiger', 'F894844C34402B67', { scheme: 'oracle10' });

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'MissingContextError', scheme: 'oracle10', field: 'user' });
  });

  it.each([
    ['a non-hex digit', 'F894844C34402B6Z'],
    ['15 digits', 'F894844C34402B6'],
    ['a trailing newline', 'F894844C34402B67\n'],
  ])('rejects %s with MalformedHashError, before asking for the user', async (_, hash) => {
    // Act
    const attempt = verifyPassword('tiger', hash, { scheme: 'oracle10' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });

  it('is identified by identifyHash among the schemes it is allowed', () => {
    // Act
    const scheme = identifyHash('F894844C34402B67', { schemes: ['oracle10'] });

    // Assess
    expect(scheme).toBe('oracle10');
  });
});
