import { describe, expect, it } from 'vitest';
import { identifyHash, MalformedHashError, type SchemeName, verifyPassword } from '../../../../src/index.js';

const UNICODE = 'Zoë ☃ 密码 😀';

/** Made with passlib 1.7.4 (salted ones with `.using(salt=b'saltSALT')` or a 16-byte salt). */
const VECTORS: readonly { scheme: SchemeName; password: string; hash: string }[] = [
  { scheme: 'ldap_md5', password: 'password', hash: '{MD5}X03MO1qnZdYdgyfeuILPmQ==' },
  { scheme: 'ldap_md5', password: '', hash: '{MD5}1B2M2Y8AsgTpgAmY7PhCfg==' },
  { scheme: 'ldap_md5', password: UNICODE, hash: '{MD5}xJaN8oucqOy4FhaVMVSJuA==' },
  { scheme: 'ldap_sha1', password: 'password', hash: '{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=' },
  { scheme: 'ldap_sha1', password: UNICODE, hash: '{SHA}XnTF1jabbSo/wXWf18bj1vNyTNE=' },
  { scheme: 'ldap_salted_md5', password: 'password', hash: '{SMD5}vAOU6U4RoPag2THAsWV5wnNhbHRTQUxU' },
  { scheme: 'ldap_salted_md5', password: '', hash: '{SMD5}FNgrJekNxxn59EammLqev3NhbHRTQUxU' },
  { scheme: 'ldap_salted_md5', password: 'password', hash: '{SMD5}h15GxaFEM/5wG4D1YHooeDAxMjM0NTY3ODlhYmNkZWY=' },
  { scheme: 'ldap_salted_sha1', password: 'password', hash: '{SSHA}+K5lLwpQB6ozMq8s7b5fB10wTnZzYWx0U0FMVA==' },
  { scheme: 'ldap_salted_sha1', password: UNICODE, hash: '{SSHA}pgihJMCWKLAfXsi8ZazcBsckrD9zYWx0U0FMVA==' },
  { scheme: 'ldap_salted_sha1', password: 'password', hash: '{SSHA}8ggWUdxQhCme2y/Ih/08PayjHVMwMTIzNDU2Nzg5YWJjZGVm' },
  // passlib's own vectors (4-byte OpenLDAP salt).
  { scheme: 'ldap_salted_sha1', password: 'secret', hash: '{SSHA}0H+zTv8o4MR4H43n03eCsvw1luG8LdB7' },
  {
    scheme: 'ldap_salted_sha256',
    password: 'password',
    hash: '{SSHA256}Y+pjb9Z+F2FYXNg2wvwYR+wFm9eqw86Q/OOftQUuES9zYWx0U0FMVA==',
  },
  {
    scheme: 'ldap_salted_sha256',
    password: '',
    hash: '{SSHA256}Xiz6XRQ3ZmdcmBhs8kHrHcCmiHV7zspJK+yZusyKmyNzYWx0U0FMVA==',
  },
  {
    scheme: 'ldap_salted_sha512',
    password: UNICODE,
    hash: '{SSHA512}cvaFhE9/FJAgTOE7wBk6uriAx3d8YuKEWe8FgtHSvRujogkU2zme5sJOMgBABcHik+SxV4DvH0O609SOtnCGc3NhbHRTQUxU',
  },
  {
    scheme: 'ldap_salted_sha512',
    password: 'password',
    hash: '{SSHA512}/zQmi4PetmjUq9m1kQeGg5JLffhgBbU+AyLiJPDanHhLL0UoHnoh4MmB24tE7xZ8YLleV8BX7XBZg2HocwGINTAxMjM0NTY3ODlhYmNkZWY=',
  },
];

describe('Scheme: ldap_md5, ldap_sha1, ldap_salted_md5, ldap_salted_sha1, ldap_salted_sha256, ldap_salted_sha512', () => {
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

  it.each([
    // passlib compares the base64 text of {MD5}/{SHA}: other lengths and padding are well formed, never equal.
    ['ldap_md5', '{MD5}X03MO1qnZdYdgyfeuILPmQ='],
    ['ldap_md5', '{MD5}X03MO1qnZdYdgyfeuILPmQ==='],
    ['ldap_md5', '{MD5}'],
    ['ldap_md5', '{MD5}x03mo1qnzdydgyfeuilpmq=='],
    ['ldap_sha1', '{SHA}5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8'],
  ] as const)('%s: answers ok: false, not an error, for the odd but valid %j', async (scheme, hash) => {
    // Act
    const result = await verifyPassword('password', hash, { scheme });

    // Assess
    expect(result.ok).toBe(false);
  });

  it.each([
    // Python's lenient base64: surplus "=" is ignored, and (through its `$`) one final newline.
    '{SSHA}+K5lLwpQB6ozMq8s7b5fB10wTnZzYWx0U0FMVA==\n',
    '{SSHA}8ggWUdxQhCme2y/Ih/08PayjHVMwMTIzNDU2Nzg5YWJjZGVm=',
    '{SSHA}8ggWUdxQhCme2y/Ih/08PayjHVMwMTIzNDU2Nzg5YWJjZGVm==',
  ])('ldap_salted_sha1: verifies %j as passlib does', async (hash) => {
    // Act
    const result = await verifyPassword('password', hash, { scheme: 'ldap_salted_sha1' });

    // Assess
    expect(result.ok).toBe(true);
  });

  it.each([
    ['ldap_md5', '{md5}X03MO1qnZdYdgyfeuILPmQ=='],
    ['ldap_md5', '{MD5}X03MO1qnZdYdgyfeuILPmQ==\n'],
    ['ldap_md5', '{MD5}a.b'],
    ['ldap_md5', ' {MD5}X03MO1qnZdYdgyfeuILPmQ=='],
    ['ldap_sha1', '{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=!'],
    // passlib's known_malformed_hashes: salt too small (3 bytes), then bad base64.
    ['ldap_salted_md5', '{SMD5}IGVhwK+anvspmfDt2t0vgGjt/Q=='],
    ['ldap_salted_md5', '{SMD5}LnuZPJhiaY95/4lmVFpg548xBsD4P4c'],
    ['ldap_salted_md5', '{SMD5}LnuZPJhiaY95/4lmV=pg548xBsD4P4cw'],
    ['ldap_salted_md5', '{SMD5}LnuZPJhiaY95/4lmVFpg548xBsD4P==='],
    ['ldap_salted_sha1', '{SSHA}ZQK3Yvtvl6wtIRoISgMGPkcWU7Nfq5U='],
    ['ldap_salted_sha1', '{SSHA}P90+qijSp8MJ1tN25j5o1PflUvlqjXHOGeOck'],
    ['ldap_salted_sha1', '{SSHA}P90+qijSp8MJ1tN25j5o1PflUvlqjXHOGeOckw='],
    ['ldap_salted_sha1', '{SSHA}P90+qijSp8MJ1tN25j5o1Pf=UvlqjXHOGeOckw=='],
    ['ldap_salted_sha1', '{SSHA}P90+qijSp8MJ1tN25j5o1PflUvlqjXHOGeOck==='],
    ['ldap_salted_sha1', '{ssha}+K5lLwpQB6ozMq8s7b5fB10wTnZzYWx0U0FMVA=='],
    ['ldap_salted_sha1', '{SSHA}+K5lLwpQB6ozMq8s7b5fB10wTnZzYWx0U0FMVA==\n\n'],
    // 21-byte salt: more than passlib's 16.
    ['ldap_salted_sha1', '{SSHA}2D7DXcHaxkWxjlTTFhTzbi4Z/sdhYmNkYWJjZGVmZ2hpamtsbW5vcHE='],
    ['ldap_salted_sha256', '{SSHA256}Lpdyr1+lR+rtxgp3SpQnUuNw33ENivTl28nzF2ZI4Gm41/o='],
    ['ldap_salted_sha256', '{SSHA256}TFv2RpwyO0U9mA0Hk8FsXRa1I+4dNUtv27Qa8dzGVLinlDI@'],
    ['ldap_salted_sha256', '{SSHA256}TFv2RpwyO0U9mA0Hk8FsXRa1I+4dNUtv27Qa8dzGVLinlDI'],
    ['ldap_salted_sha256', '{SSHA256}TFv2RpwyO0U9mA0Hk8FsXRa1I+4dNUtv27Qa8dzGVLinlDIm==='],
    [
      'ldap_salted_sha512',
      '{SSHA512}zFnn4/8x8GveUaMqgrYWyIWqFQ0Irt6gADPtRk4Uv3nUC6uR5cD8+YdQni/0ZNij9etm6p17kSFuww3M6l+d6AbAeA==',
    ],
    [
      'ldap_salted_sha512',
      '{SSHA512}Tgx/uhHnlM9/GgQvI31dN7cheDXg7WypZwaaIkyRsgV/BKIzBG3G/wUd9o1dpi06p3SYzMedg0lvTc3b6CtdO0Xo/f9/L+U',
    ],
  ] as const)('%s: rejects %j with MalformedHashError', async (scheme, hash) => {
    // Act / Assess
    await expect(verifyPassword('password', hash, { scheme })).rejects.toBeInstanceOf(MalformedHashError);
  });

  it('identifies each prefix, case-sensitively', () => {
    // Act / Assess
    expect(identifyHash('{SSHA}+K5lLwpQB6ozMq8s7b5fB10wTnZzYWx0U0FMVA==')).toBe('ldap_salted_sha1');
    expect(identifyHash('{SSHA256}Y+pjb9Z+F2FYXNg2wvwYR+wFm9eqw86Q/OOftQUuES9zYWx0U0FMVA==')).toBe(
      'ldap_salted_sha256',
    );
    expect(identifyHash('{SMD5}vAOU6U4RoPag2THAsWV5wnNhbHRTQUxU')).toBe('ldap_salted_md5');
    expect(identifyHash('{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=')).toBe('ldap_sha1');
    expect(identifyHash('{MD5}X03MO1qnZdYdgyfeuILPmQ==')).toBe('ldap_md5');
    expect(identifyHash('{ssha}+K5lLwpQB6ozMq8s7b5fB10wTnZzYWx0U0FMVA==')).toBeUndefined();
  });
});
