import { describe, expect, it } from 'vitest';
import {
  identifyHash,
  MalformedHashError,
  MissingContextError,
  type SchemeName,
  verifyPassword,
} from '../../../../src/index.js';

const UNICODE = 'Zoë ☃ 密码 😀';

/**
 * Made with passlib 1.7.4 (oracle11 salt '0123456789ABCDEF0123', mssql salt 01020304, postgres user 'Zoë'),
 * and from passlib's own tests (JTR and vendor samples).
 */
const VECTORS: readonly { scheme: SchemeName; password: string; hash: string }[] = [
  { scheme: 'mysql323', password: 'password', hash: '5d2e19393cc5ef67' },
  { scheme: 'mysql323', password: '', hash: '5030573512345671' },
  { scheme: 'mysql323', password: UNICODE, hash: '5a0e21e352eb9bc4' },
  { scheme: 'mysql323', password: 'drew', hash: '697a7de87c5390b2' },
  { scheme: 'mysql41', password: 'password', hash: '*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19' },
  { scheme: 'mysql41', password: '', hash: '*BE1BDEC0AA74B4DCB079943E70528096CCA985F8' },
  { scheme: 'mysql41', password: UNICODE, hash: '*0892D731DF623643ADD275451E313425A1A8DE86' },
  { scheme: 'oracle11', password: 'password', hash: 'S:AE921ED081C9797AEB259E2A298E046290C3A5880123456789ABCDEF0123' },
  { scheme: 'oracle11', password: '', hash: 'S:2F12DE6C2A0DEF438AAB713F46C2A59FD5A0EDB30123456789ABCDEF0123' },
  { scheme: 'oracle11', password: UNICODE, hash: 'S:1A22319349869946681C267742BF519B72A5C8D10123456789ABCDEF0123' },
  { scheme: 'oracle11', password: 'abc123', hash: 'S:5FDAB69F543563582BA57894FE1C1361FB8ED57B903603F2C52ED1B4D642' },
  {
    scheme: 'mssql2000',
    password: 'password',
    hash: '0x01000102030440C0E3E2B5958D9CCC9DB4B8EC3B1629E1BDA392FEB954AE077D67E71B15242DB223172E6AA19C00',
  },
  {
    scheme: 'mssql2000',
    password: UNICODE,
    hash: '0x010001020304383412D26CA2AAFABA06F547966F5850B5FB786A6C03725E0A653AB0549423345F9BEB305ECCC8D6',
  },
  {
    scheme: 'mssql2000',
    password: 'Test',
    hash: '0x010034767D5C0CFA5FDCA28C4A56085E65E882E71CB0ED2503412FD54D6119FFF04129A1D72E7C3194F7284A7F3A',
  },
  { scheme: 'mssql2005', password: 'password', hash: '0x01000102030440C0E3E2B5958D9CCC9DB4B8EC3B1629E1BDA392' },
  { scheme: 'mssql2005', password: '', hash: '0x01000102030412DADA1FFF4D4787ADE3333147202C3B443E376F' },
  { scheme: 'mssql2005', password: UNICODE, hash: '0x010001020304383412D26CA2AAFABA06F547966F5850B5FB786A' },
  { scheme: 'mssql2005', password: 'toto', hash: '0x01004086ceb6bf932bc4151a1af1f13cd17301d70816a8886908' },
];

describe('Scheme: mysql323, mysql41, oracle11, mssql2000, mssql2005', () => {
  it.each(VECTORS)('$scheme: verifies passlib’s hash $hash', async ({ scheme, password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme });

    // Assess
    expect(result).toEqual({ ok: true, scheme, needsUpdate: false });
  });

  it.each(VECTORS)('$scheme: refuses a near miss for $hash', async ({ scheme, password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash, { scheme });

    // Assess
    expect(result.ok).toBe(false);
  });

  it('mysql323: skips spaces and tabs, as MySQL did, but not other whitespace', async () => {
    // Act
    const spaced = await verifyPassword('pass word\t', '5d2e19393cc5ef67', { scheme: 'mysql323' });
    const newline = await verifyPassword('pass\nword', '5d2e19393cc5ef67', { scheme: 'mysql323' });

    // Assess
    expect([spaced.ok, newline.ok]).toEqual([true, false]);
  });

  it('accepts the other case of hex where passlib normalises it', async () => {
    // Act
    const answers = await Promise.all([
      verifyPassword('password', '5D2E19393CC5EF67', { scheme: 'mysql323' }),
      verifyPassword('password', '*2470c0c06dee42fd1618bb99005adca2ec9d1e19', { scheme: 'mysql41' }),
      verifyPassword('password', 's:ae921ed081c9797aeb259e2a298e046290c3a5880123456789ABCDEF0123', {
        scheme: 'oracle11',
      }),
      verifyPassword('password', '0x01000102030440c0e3e2b5958d9ccc9db4b8ec3b1629e1bda392', { scheme: 'mssql2005' }),
    ]);

    // Assess
    expect(answers.map((answer) => answer.ok)).toEqual([true, true, true, true]);
  });

  it('oracle11: accepts one final newline and the long s (U+017F), which Python’s regex lets through', async () => {
    // Act
    const newline = await verifyPassword('abc123', 'S:5FDAB69F543563582BA57894FE1C1361FB8ED57B903603F2C52ED1B4D642\n', {
      scheme: 'oracle11',
    });
    const longS = await verifyPassword('abc123', 'ſ:5FDAB69F543563582BA57894FE1C1361FB8ED57B903603F2C52ED1B4D642', {
      scheme: 'oracle11',
    });

    // Assess
    expect([newline.ok, longS.ok]).toEqual([true, true]);
  });

  it('mssql2000: ignores the case of the password, checking only the upper-case digest as passlib does', async () => {
    // Act
    const answers = await Promise.all(
      ['TEST', 'tesT', 'test'].map(
        async (password) =>
          (
            await verifyPassword(
              password,
              '0x010034767D5C0CFA5FDCA28C4A56085E65E882E71CB0ED2503412FD54D6119FFF04129A1D72E7C3194F7284A7F3A',
              { scheme: 'mssql2000' },
            )
          ).ok,
      ),
    );
    const fullCaseMapping = await verifyPassword(
      'ZOË ☃ 密码 😀',
      '0x010001020304383412D26CA2AAFABA06F547966F5850B5FB786A6C03725E0A653AB0549423345F9BEB305ECCC8D6',
      { scheme: 'mssql2000' },
    );

    // Assess
    expect(answers).toEqual([true, true, true]);
    expect(fullCaseMapping.ok).toBe(true);
  });

  it.each([
    ['mysql323', '6z8c114b58f2ce9e'],
    ['mysql323', '5d2e19393cc5ef6'],
    ['mysql41', '2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19'],
    ['mysql41', '*6Z8989366EAF75BB670AD8EA7A7FC1176A95CEF4'],
    ['mysql41', '*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19\n'],
    ['oracle11', 's:ae921ed081c9797aeb259e2a298e046290c3a5880123456789abcdef0123'],
    ['oracle11', 'S:AE921ED081C9797AEB259E2A298E046290C3A5880123456789ABCDEF012'],
    ['oracle11', 'T:AE921ED081C9797AEB259E2A298E046290C3A5880123456789ABCDEF0123'],
    ['mssql2000', '0X01005B20054332752E1BC2E7C5DF0F9EBFE486E9BEE063E8D3B332752E1BC2E7C5DF0F9EBFE486E9BEE063E8D3B3'],
    ['mssql2000', '0x01005B200543327G2E1BC2E7C5DF0F9EBFE486E9BEE063E8D3B332752E1BC2E7C5DF0F9EBFE486E9BEE063E8D3B3'],
    ['mssql2000', '0x01005B20054332752E1BC2E7C5DF0F9EBFE486E9BEE063E8D3B3'],
    ['mssql2005', '0x020036D726AE86834E97F20B198ACD219D60B446AC5E48C54F30'],
    ['mssql2005', '0x010036D726AE86G34E97F20B198ACD219D60B446AC5E48C54F30'],
    ['mssql2005', '0x010036D726AE86834E97F20B198ACD219D60B446AC5E48C54F30\n'],
    ['mssql2005', '0x0100 36D726AE86834E97F20B198ACD219D60B446AC5E48C54F30'],
  ] as const)('%s: rejects %j with MalformedHashError', async (scheme, hash) => {
    // Act / Assess
    await expect(verifyPassword('password', hash, { scheme })).rejects.toBeInstanceOf(MalformedHashError);
  });

  it('identifies the prefixed formats, and bare 16 hex digits as mysql323', () => {
    // Act / Assess
    expect(identifyHash('*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19')).toBe('mysql41');
    expect(identifyHash('S:AE921ED081C9797AEB259E2A298E046290C3A5880123456789ABCDEF0123')).toBe('oracle11');
    expect(identifyHash('0x01000102030440C0E3E2B5958D9CCC9DB4B8EC3B1629E1BDA392')).toBe('mssql2005');
    expect(
      identifyHash('0x01000102030440C0E3E2B5958D9CCC9DB4B8EC3B1629E1BDA392FEB954AE077D67E71B15242DB223172E6AA19C00'),
    ).toBe('mssql2000');
    expect(identifyHash('5d2e19393cc5ef67', { schemes: ['mysql323'] })).toBe('mysql323');
  });
});

describe('Scheme: postgres_md5', () => {
  it.each([
    ['password', 'Zoë', 'md5c814bb11939cb34d11fabbf3f643e8a8'],
    ['', 'Zoë', 'md5fb44af73417cf03c023d098e7f07c114'],
    [UNICODE, 'Zoë', 'md53bed6d4c1f73f601c8989fb3c312ea25'],
    ['mypass', 'postgres', 'md55fba2ea04fd36069d2574ea71c8efe9d'],
    ['', '', 'md5d41d8cd98f00b204e9800998ecf8427e'],
  ])('verifies %j for user %j against passlib’s %s', async (password, user, hash) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme: 'postgres_md5', context: { user } });
    const otherUser = await verifyPassword(password, hash, { scheme: 'postgres_md5', context: { user: `${user}x` } });

    // Assess
    expect(result).toEqual({ ok: true, scheme: 'postgres_md5', needsUpdate: false });
    expect(otherUser.ok).toBe(false);
  });

  it('answers ok: false for upper-case hex, which passlib accepts but compares unchanged', async () => {
    // Act
    const result = await verifyPassword('mypass', 'md55FBA2EA04FD36069D2574EA71C8EFE9D', {
      scheme: 'postgres_md5',
      context: { user: 'postgres' },
    });

    // Assess
    expect(result.ok).toBe(false);
  });

  it('throws MissingContextError without a user, after checking the hash as passlib does', async () => {
    // Act / Assess
    await expect(
      verifyPassword('mypass', 'md55fba2ea04fd36069d2574ea71c8efe9d', { scheme: 'postgres_md5' }),
    ).rejects.toMatchObject({ name: 'MissingContextError', scheme: 'postgres_md5', field: 'user' });
    await expect(verifyPassword('mypass', 'md5xyz', { scheme: 'postgres_md5' })).rejects.toBeInstanceOf(
      MalformedHashError,
    );
    await expect(
      verifyPassword('mypass', 'md55fba2ea04fd36069d2574ea71c8efe9d', { scheme: 'postgres_md5' }),
    ).rejects.toBeInstanceOf(MissingContextError);
  });

  it.each([
    'MD55fba2ea04fd36069d2574ea71c8efe9d',
    'md54zc31989b20437833f697e485811254b',
    'md55fba2ea04fd36069d2574ea71c8efe9',
    'md55fba2ea04fd36069d2574ea71c8efe9d\n',
  ])('rejects %j with MalformedHashError', async (hash) => {
    // Act / Assess
    await expect(
      verifyPassword('mypass', hash, { scheme: 'postgres_md5', context: { user: 'postgres' } }),
    ).rejects.toBeInstanceOf(MalformedHashError);
  });

  it('identifies md5 and 32 hex digits', () => {
    // Act / Assess
    expect(identifyHash('md55fba2ea04fd36069d2574ea71c8efe9d')).toBe('postgres_md5');
  });
});
