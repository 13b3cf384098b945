import { describe, expect, it } from 'vitest';
import { identifyHash, MalformedHashError, verifyPassword } from '../../../../src/index.js';

describe('Scheme: cisco_pix', () => {
  it.each([
    ['cisco', '', '2KFQnbNIdI.2KYOU'],
    ['', '', '8Ry2YjIyt7RRXU24'],
    ['cisco', 'john', 'hN7LzeyYjw12FSIU'],
    ['cisco', 'cisco1', '3USUcOPFUiMCO4Jk'],
    ['0123456789abc', '3', 'ylJTd/qei66WZe3w'],
    ['0123456789abcd', 'adm', 'DbPLCFIkHc2SiyDk'],
    ['0123456789abcdef', 'user', '.7nfVBEIEu4KbF/1'],
    ['Zoë', 'üser', 'xbnDAaSKiXXN60aa'],
  ])('verifies %j for user %j against its passlib hash', async (password, user, hash) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'cisco_pix', context: { user } });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'cisco_pix', needsUpdate: false });
  });

  it('treats a missing user like the empty one (the enable password)', async () => {
    // Act
    const result = await verifyPassword('cisco', '2KFQnbNIdI.2KYOU', { scheme: 'cisco_pix' });

    // Assess
    expect(result.ok).toBe(true);
  });

  it('answers false, without an error, for a password over 16 bytes', async () => {
    // Prepare
    const hash = '3pCbtjmR9ymKTOTB'; // passlib: 16 × "x"

    // Act
    const exact = await verifyPassword('x'.repeat(16), hash, { scheme: 'cisco_pix' });
    const longer = await verifyPassword('x'.repeat(17), hash, { scheme: 'cisco_pix' });

    // Assess
    expect([exact.ok, longer.ok]).toEqual([true, false]);
  });

  it.each([
    ['15 characters', '2KFQnbNIdI.2KYO'],
    ['a character outside ./0-9A-Za-z', '2KFQnbNIdI.2KYO!'],
    ['a trailing newline', '2KFQnbNIdI.2KYOU\n'],
  ])('rejects %s with MalformedHashError', async (_, hash) => {
    // Act
    const attempt = verifyPassword('cisco', hash, { scheme: 'cisco_pix' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });

  it('is identified by identifyHash among the schemes it is allowed', () => {
    // Act
    const scheme = identifyHash('2KFQnbNIdI.2KYOU', { schemes: ['cisco_pix', 'cisco_asa'] });

    // Assess
    expect(scheme).toBe('cisco_pix');
  });
});

describe('Scheme: cisco_asa', () => {
  it.each([
    ['cisco', 'john', 'hN7LzeyYjw12FSIU'],
    ['0123456789abc', '36', 'FRV9JG18UBEgX0.O'],
    ['0123456789abcdefq', '', 'bKshl.EN.X3CVFRQ'],
    ['0123456789abcdefqwertyuiopa', 'user', 'zynfWw3UtszxLMgL'],
    ['0123456789abcdefqwertyuiopas', 'user', 'W6nbOddI0SutTK7m'],
    ['0123456789abcdefqwertyuiopasdfgh', 'user1234', '5hPT/iC6DnoBxo6a'],
    ['Zoë', 'üser', 'xbnDAaSKiXXN60aa'],
  ])('verifies %j for user %j against its passlib hash', async (password, user, hash) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'cisco_asa', context: { user } });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'cisco_asa', needsUpdate: false });
  });

  it('differs from PIX once password and user pass 16 bytes', async () => {
    // Act
    const pix = await verifyPassword('0123456789abc', 'ylJTd/qei66WZe3w', {
      scheme: 'cisco_asa',
      context: { user: '3' },
    });

    // Assess
    expect(pix.ok).toBe(false);
  });

  it('answers false, without an error, for a password over 32 bytes', async () => {
    // Prepare
    const hash = 'QzMs7tLjpTNLekVL'; // passlib: 32 × "x"

    // Act
    const exact = await verifyPassword('x'.repeat(32), hash, { scheme: 'cisco_asa' });
    const longer = await verifyPassword('x'.repeat(33), hash, { scheme: 'cisco_asa' });

    // Assess
    expect([exact.ok, longer.ok]).toEqual([true, false]);
  });

  it('rejects a malformed hash with MalformedHashError', async () => {
    // Act
    const attempt = verifyPassword('cisco', 'hN7LzeyYjw12FSI', { scheme: 'cisco_asa' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });
});

describe('Scheme: cisco_type7', () => {
  it.each([
    ['secure ', '04480E051A33490E'],
    ['Its time to go to lunch!', '153B1F1F443E22292D73212D5300194315591954465A0D0B59'],
    ['cisco123', '060506324F41584B56'],
    ['cisco123', '1511021F07257A767B'],
    ['hello', '525F011F0A0B'],
    ['Zoë ☃', '003E1CA5CF1B89FEEC'],
    ['', '07'],
    ['secure ', '04480e051a33490e'],
  ])('verifies %j against %s', async (password, hash) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'cisco_type7' });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'cisco_type7', needsUpdate: false });
  });

  it.each([
    ['a space before the offset', ' 5'],
    ['a space after the offset', '5 '],
    ['a plus sign', '+5'],
    ['minus zero', '-0'],
    ['Arabic-Indic digits', '٠٥'],
  ])('reads the offset with Python int() rules: %s', async (_, offset) => {
    // Prepare: the empty password encodes to no hex at all, whatever the offset.
    const hash = offset;

    // Act
    const result = await verifyPassword('', hash, { scheme: 'cisco_type7' });

    // Assess
    expect(result.ok).toBe(true);
  });

  it('answers false for an odd number of hex digits', async () => {
    // Act
    const result = await verifyPassword('secure ', '04480E051A33490', { scheme: 'cisco_type7' });

    // Assess
    expect(result.ok).toBe(false);
  });

  it.each([
    ['a hex offset', '0A480E051A33490E'],
    ['an offset above 52', '99400E4812'],
    ['a negative offset', '-1'],
    ['one character', '0'],
    ['the empty string', ''],
    ['a non-hex digit', '04480E051A33490G'],
    ['a control character Python int() does not strip', '\x1c5'],
  ])('rejects %s with MalformedHashError', async (_, hash) => {
    // Act
    const attempt = verifyPassword('secure ', hash, { scheme: 'cisco_type7' });

    // Assess
    await expect(attempt).rejects.toThrow(MalformedHashError);
  });

  it('is identified by identifyHash among the schemes it is allowed', () => {
    // Act
    const scheme = identifyHash('04480E051A33490E', { schemes: ['cisco_type7'] });

    // Assess
    expect(scheme).toBe('cisco_type7');
  });
});
