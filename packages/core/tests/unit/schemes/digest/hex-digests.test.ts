import { describe, expect, it } from 'vitest';
import { identifyHash, MalformedHashError, type SchemeName, verifyPassword } from '../../../../src/index.js';

const UNICODE = 'Zoë ☃ 密码 😀';

/** Made with passlib 1.7.4: `handler.hash(password)`. */
const VECTORS: readonly { scheme: SchemeName; password: string; hash: string }[] = [
  { scheme: 'hex_md4', password: 'password', hash: '8a9d093f14f8701df17732b2bb182c74' },
  { scheme: 'hex_md4', password: '', hash: '31d6cfe0d16ae931b73c59d7e0c089c0' },
  { scheme: 'hex_md4', password: UNICODE, hash: '58af2d418d53e9a2d5766421e15cc285' },
  { scheme: 'hex_md5', password: 'password', hash: '5f4dcc3b5aa765d61d8327deb882cf99' },
  { scheme: 'hex_md5', password: '', hash: 'd41d8cd98f00b204e9800998ecf8427e' },
  { scheme: 'hex_md5', password: UNICODE, hash: 'c4968df28b9ca8ecb8161695315489b8' },
  { scheme: 'hex_sha1', password: 'password', hash: '5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8' },
  { scheme: 'hex_sha1', password: UNICODE, hash: '5e74c5d6369b6d2a3fc1759fd7c6e3d6f3724cd1' },
  {
    scheme: 'hex_sha256',
    password: 'password',
    hash: '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8',
  },
  {
    scheme: 'hex_sha256',
    password: UNICODE,
    hash: 'eeedccee5f8724cba8358efd3d921d4d69d39bb57f5f30406adbc70bdfe37841',
  },
  {
    scheme: 'hex_sha512',
    password: 'password',
    hash: 'b109f3bbbc244eb82441917ed06d618b9008dd09b3befd1b5e07394c706a8bb980b1d7785e5976ec049b46df5f1326af5a2ea6d103fd07c95385ffab0cacbc86',
  },
  {
    scheme: 'hex_sha512',
    password: UNICODE,
    hash: 'e03858d41d37f1ae6b78a2cdbb0d0c7b41dbc8730d6d4eec9fe5f7d64ed456f708adb2f5743f27b2a9160e22bb2780da6612c13a00e27fd21e2b6b11eb3df8c1',
  },
  { scheme: 'ldap_hex_md5', password: 'password', hash: '{MD5}5f4dcc3b5aa765d61d8327deb882cf99' },
  { scheme: 'ldap_hex_md5', password: '', hash: '{MD5}d41d8cd98f00b204e9800998ecf8427e' },
  { scheme: 'ldap_hex_sha1', password: 'password', hash: '{SHA}5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8' },
  { scheme: 'ldap_hex_sha1', password: UNICODE, hash: '{SHA}5e74c5d6369b6d2a3fc1759fd7c6e3d6f3724cd1' },
];

describe('Scheme: hex_md4, hex_md5, hex_sha1, hex_sha256, hex_sha512, ldap_hex_md5, ldap_hex_sha1', () => {
  it.each(VECTORS)('$scheme: verifies passlib’s hash of $password', async ({ scheme, password, hash }) => {
    // Act
    const result = await verifyPassword(password, hash, { scheme });

    // Assess
    expect(result).toEqual({ ok: true, scheme, needsUpdate: false });
  });

  it.each(VECTORS)('$scheme: refuses a near miss of $password', async ({ scheme, password, hash }) => {
    // Act
    const result = await verifyPassword(`${password}x`, hash, { scheme });

    // Assess
    expect(result.ok).toBe(false);
  });

  it('accepts upper-case hex, which passlib lower-cases before comparing', async () => {
    // Prepare
    const upper = '5F4DCC3B5AA765D61D8327DEB882CF99';

    // Act
    const bare = await verifyPassword('password', upper, { scheme: 'hex_md5' });
    const ldap = await verifyPassword('password', `{MD5}${upper}`, { scheme: 'ldap_hex_md5' });

    // Assess
    expect([bare.ok, ldap.ok]).toEqual([true, true]);
  });

  it('hashes a NUL byte like any other character (no PasswordValueError)', async () => {
    // Act
    const result = await verifyPassword('pass\0word', '5f4dcc3b5aa765d61d8327deb882cf99', { scheme: 'hex_md5' });

    // Assess
    expect(result.ok).toBe(false);
  });

  it.each([
    ['hex_md5', '5f4dcc3b5aa765d61d8327deb882cf9'],
    ['hex_md5', '5f4dcc3b5aa765d61d8327deb882cf99a'],
    ['hex_md5', '5f4dcc3b5aa765d61d8327deb882cf9g'],
    ['hex_md5', '5f4dcc3b5aa765d61d8327deb882cf99\n'],
    ['hex_md5', ' 5f4dcc3b5aa765d61d8327deb882cf99'],
    ['hex_md5', ''],
    ['hex_sha1', '5f4dcc3b5aa765d61d8327deb882cf99'],
    ['ldap_hex_md5', '{md5}5f4dcc3b5aa765d61d8327deb882cf99'],
    ['ldap_hex_md5', '{MD5}X03MO1qnZdYdgyfeuILPmQ=='],
    ['ldap_hex_sha1', '5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8'],
  ] as const)('%s: rejects %j with MalformedHashError', async (scheme, hash) => {
    // Act / Assess
    await expect(verifyPassword('password', hash, { scheme })).rejects.toBeInstanceOf(MalformedHashError);
  });

  it('identifies each length of bare hex as the likeliest scheme, and {MD5}/{SHA} hex in the allowed list', () => {
    // Act / Assess
    expect(identifyHash('5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8')).toBe('hex_sha1');
    expect(identifyHash('5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8')).toBe('hex_sha256');
    expect(identifyHash('5F4DCC3B5AA765D61D8327DEB882CF99')).toBe('hex_md5');
    expect(identifyHash('8a9d093f14f8701df17732b2bb182c74', { schemes: ['hex_md4'] })).toBe('hex_md4');
    expect(identifyHash('{MD5}5f4dcc3b5aa765d61d8327deb882cf99', { schemes: ['ldap_hex_md5'] })).toBe('ldap_hex_md5');
    expect(identifyHash('{SHA}5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8', { schemes: ['ldap_hex_sha1'] })).toBe(
      'ldap_hex_sha1',
    );
    expect(identifyHash('{MD5}X03MO1qnZdYdgyfeuILPmQ==', { schemes: ['ldap_hex_md5'] })).toBeUndefined();
  });
});
