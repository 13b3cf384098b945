import type { SchemeName } from '../../src/index.js';

/**
 * How the parity tests make hashes with passlib for each scheme: a few cheap cost settings (so thousands
 * of cases fit in a run) and the context keywords the scheme mixes in. Schemes missing from `listSchemes()`
 * are skipped by the tests, so this table can run ahead of the implementation.
 */
interface SchemeCase {
  readonly scheme: SchemeName;
  /** Arguments to passlib's `handler.using(...)`, one hash variant each. */
  readonly settings: readonly Record<string, unknown>[];
  /** The scheme needs a user name (and htdigest a realm). */
  readonly context?: 'user' | 'user+realm';
  /** The scheme is not in passlib: the oracle emulates it with the reference library named here. */
  readonly reference?: string;
}

const rounds = (...values: number[]): Record<string, unknown>[] => values.map((value) => ({ rounds: value }));

const SCHEME_CASES: readonly SchemeCase[] = [
  {
    scheme: 'bcrypt',
    settings: [{ rounds: 4 }, { rounds: 5, ident: '2a' }, { rounds: 4, ident: '2y' }, { rounds: 4, ident: '2' }],
  },
  { scheme: 'bcrypt_sha256', settings: [{ rounds: 4 }, { rounds: 5, ident: '2a', version: 1 }] },
  { scheme: 'django_bcrypt', settings: rounds(4) },
  { scheme: 'django_bcrypt_sha256', settings: rounds(4) },
  { scheme: 'ldap_bcrypt', settings: rounds(4) },
  {
    scheme: 'argon2',
    settings: [
      { rounds: 1, memory_cost: 256, parallelism: 1 },
      { type: 'i', rounds: 2, memory_cost: 512, parallelism: 2, digest_size: 24, salt_size: 8 },
      { type: 'd', rounds: 1, memory_cost: 64, parallelism: 1 },
    ],
  },
  { scheme: 'django_argon2', settings: [{ rounds: 1, memory_cost: 256, parallelism: 1 }] },
  { scheme: 'pbkdf2_sha1', settings: [{ rounds: 1000 }, { rounds: 1200, salt_size: 8 }] },
  { scheme: 'pbkdf2_sha256', settings: [{ rounds: 1000 }, { rounds: 1200, salt_size: 8 }] },
  { scheme: 'pbkdf2_sha512', settings: [{ rounds: 1000 }, { rounds: 1200, salt_size: 8 }] },
  { scheme: 'ldap_pbkdf2_sha1', settings: rounds(1000) },
  { scheme: 'ldap_pbkdf2_sha256', settings: rounds(1000) },
  { scheme: 'ldap_pbkdf2_sha512', settings: rounds(1000) },
  { scheme: 'django_pbkdf2_sha1', settings: rounds(1000) },
  { scheme: 'django_pbkdf2_sha256', settings: [{ rounds: 1000 }, { rounds: 1001, salt_size: 20 }] },
  { scheme: 'cta_pbkdf2_sha1', settings: rounds(1000) },
  { scheme: 'dlitz_pbkdf2_sha1', settings: rounds(1000, 400) },
  { scheme: 'grub_pbkdf2_sha512', settings: rounds(1000) },
  { scheme: 'atlassian_pbkdf2_sha1', settings: [{}] },
  {
    scheme: 'sha256_crypt',
    settings: [{ rounds: 1000 }, { rounds: 5000 }, { rounds: 5000, implicit_rounds: false, salt_size: 4 }],
  },
  { scheme: 'sha512_crypt', settings: [{ rounds: 1000 }, { rounds: 5000 }, { rounds: 1500, salt_size: 8 }] },
  { scheme: 'ldap_sha256_crypt', settings: rounds(1000) },
  { scheme: 'ldap_sha512_crypt', settings: rounds(1000) },
  { scheme: 'md5_crypt', settings: [{}, { salt_size: 3 }] },
  { scheme: 'apr_md5_crypt', settings: [{}] },
  { scheme: 'ldap_md5_crypt', settings: [{}] },
  { scheme: 'sha1_crypt', settings: rounds(100, 7) },
  { scheme: 'ldap_sha1_crypt', settings: rounds(100) },
  { scheme: 'sun_md5_crypt', settings: [{ rounds: 0 }, { rounds: 100 }] },
  {
    scheme: 'scrypt',
    settings: [
      { rounds: 4, block_size: 8, parallelism: 1 },
      { rounds: 5, block_size: 4, parallelism: 2 },
    ],
  },
  { scheme: 'phpass', settings: [{ rounds: 7 }, { rounds: 8, ident: 'H' }] },
  { scheme: 'django_salted_sha1', settings: [{}] },
  { scheme: 'django_salted_md5', settings: [{}] },
  { scheme: 'django_des_crypt', settings: [{}] },
  { scheme: 'django_disabled', settings: [{}] },
  { scheme: 'ldap_md5', settings: [{}] },
  { scheme: 'ldap_sha1', settings: [{}] },
  { scheme: 'ldap_salted_md5', settings: [{}, { salt_size: 16 }] },
  { scheme: 'ldap_salted_sha1', settings: [{}, { salt_size: 16 }] },
  { scheme: 'ldap_salted_sha256', settings: [{}] },
  { scheme: 'ldap_salted_sha512', settings: [{}] },
  { scheme: 'ldap_hex_md5', settings: [{}] },
  { scheme: 'ldap_hex_sha1', settings: [{}] },
  { scheme: 'ldap_des_crypt', settings: [{}] },
  { scheme: 'ldap_bsdi_crypt', settings: rounds(5) },
  { scheme: 'ldap_plaintext', settings: [{}] },
  { scheme: 'hex_md4', settings: [{}] },
  { scheme: 'hex_md5', settings: [{}] },
  { scheme: 'hex_sha1', settings: [{}] },
  { scheme: 'hex_sha256', settings: [{}] },
  { scheme: 'hex_sha512', settings: [{}] },
  { scheme: 'des_crypt', settings: [{}] },
  { scheme: 'bsdi_crypt', settings: rounds(5, 31) },
  { scheme: 'bigcrypt', settings: [{}] },
  { scheme: 'crypt16', settings: [{}] },
  { scheme: 'nthash', settings: [{}] },
  { scheme: 'bsd_nthash', settings: [{}] },
  { scheme: 'lmhash', settings: [{}] },
  { scheme: 'msdcc', settings: [{}], context: 'user' },
  { scheme: 'msdcc2', settings: [{}], context: 'user' },
  { scheme: 'mssql2000', settings: [{}] },
  { scheme: 'mssql2005', settings: [{}] },
  { scheme: 'mysql323', settings: [{}] },
  { scheme: 'mysql41', settings: [{}] },
  { scheme: 'oracle10', settings: [{}], context: 'user' },
  { scheme: 'oracle11', settings: [{}] },
  { scheme: 'postgres_md5', settings: [{}], context: 'user' },
  { scheme: 'cisco_pix', settings: [{}], context: 'user' },
  { scheme: 'cisco_asa', settings: [{}], context: 'user' },
  { scheme: 'cisco_type7', settings: [{}] },
  {
    scheme: 'scram',
    settings: [{ rounds: 100 }, { rounds: 50, algs: 'sha-1,sha-256,sha-512' }, { rounds: 100, algs: 'sha-1' }],
  },
  { scheme: 'fshp', settings: [{ rounds: 100 }, { rounds: 50, variant: 3 }, { rounds: 10, variant: 0 }] },
  { scheme: 'htdigest', settings: [{}], context: 'user+realm' },
  { scheme: 'plaintext', settings: [{}] },
  { scheme: 'roundup_plaintext', settings: [{}] },
  { scheme: 'unix_disabled', settings: [{}] },
  {
    scheme: 'werkzeug_pbkdf2',
    settings: [{ method: 'pbkdf2:sha256:1000' }, { method: 'pbkdf2:sha1:600' }],
    reference: 'werkzeug',
  },
  { scheme: 'werkzeug_scrypt', settings: [{ method: 'scrypt:1024:8:1' }], reference: 'werkzeug' },
  { scheme: 'wordpress_bcrypt', settings: [{ rounds: 4 }], reference: 'wordpress' },
];

export type { SchemeCase };
export { SCHEME_CASES };
