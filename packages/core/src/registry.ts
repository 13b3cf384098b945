import type { SchemeName } from './scheme-names.js';
import { bcryptFamily } from './schemes/bcrypt/index.js';
import { cryptFamily } from './schemes/crypt/index.js';
import { digestFamily } from './schemes/digest/index.js';
import { legacyFamily } from './schemes/legacy/index.js';
import { memoryHardFamily } from './schemes/memory-hard/index.js';
import { pbkdf2Family } from './schemes/pbkdf2/index.js';
import type { PasswordHashScheme } from './types/scheme.js';

/**
 * The order `identifyHash` tries schemes in when no `schemes` are given. Schemes with a distinctive prefix
 * come first; bare formats follow from the most to the least common in web-app databases, so an
 * ambiguous string resolves to the likeliest scheme (32 hex digits: hex_md5 before hex_md4, nthash, lmhash).
 */
const IDENTIFY_ORDER: readonly SchemeName[] = [
  // Distinctive prefixes.
  'bcrypt',
  'bcrypt_sha256',
  'wordpress_bcrypt',
  'argon2',
  'scrypt',
  'werkzeug_pbkdf2',
  'werkzeug_scrypt',
  'django_scrypt',
  'pbkdf2_sha1',
  'pbkdf2_sha256',
  'pbkdf2_sha512',
  'sha256_crypt',
  'sha512_crypt',
  'md5_crypt',
  'apr_md5_crypt',
  'sha1_crypt',
  'sun_md5_crypt',
  'phpass',
  'django_pbkdf2_sha256',
  'django_pbkdf2_sha1',
  'django_argon2',
  'django_bcrypt_sha256',
  'django_bcrypt',
  'django_salted_sha1',
  'django_salted_md5',
  // Django's name for `sha1$$…`, which passlib's django_salted_sha1 (empty salt) reads the same way.
  'django_unsalted_sha1',
  'django_des_crypt',
  'ldap_bcrypt',
  'ldap_md5_crypt',
  'ldap_sha1_crypt',
  'ldap_sha256_crypt',
  'ldap_sha512_crypt',
  'ldap_des_crypt',
  'ldap_bsdi_crypt',
  'ldap_pbkdf2_sha1',
  'ldap_pbkdf2_sha256',
  'ldap_pbkdf2_sha512',
  'ldap_salted_sha1',
  'ldap_salted_sha256',
  'ldap_salted_sha512',
  'ldap_salted_md5',
  // Roundup's {MD5}/{SHA} + hex before the base64 LDAP forms, which identify by prefix alone.
  'ldap_hex_sha1',
  'ldap_hex_md5',
  'ldap_sha1',
  'ldap_md5',
  'atlassian_pbkdf2_sha1',
  'cta_pbkdf2_sha1',
  'dlitz_pbkdf2_sha1',
  'grub_pbkdf2_sha512',
  'scram',
  'fshp',
  'bsd_nthash',
  'bsdi_crypt',
  'postgres_md5',
  'mysql41',
  'mssql2005',
  'mssql2000',
  'oracle11',
  // Bare formats, likeliest first.
  'hex_sha1',
  'hex_sha256',
  'hex_sha512',
  'hex_md5',
  // Django's name for bare MD5 hex (and `md5$$…`): hex_md5 and django_salted_md5 answer the same first.
  'django_unsalted_md5',
  'des_crypt',
  'bigcrypt',
  'crypt16',
  'mysql323',
  'hex_md4',
  'nthash',
  'lmhash',
  'msdcc',
  'msdcc2',
  'oracle10',
  'htdigest',
  'cisco_pix',
  'cisco_asa',
  'cisco_type7',
  // Explicit only (see EXPLICIT_ONLY).
  'unix_disabled',
  'django_disabled',
  'plaintext',
  'ldap_plaintext',
  'roundup_plaintext',
];

/**
 * Schemes that take part only when named in `scheme` or `schemes`: plaintext kinds identify almost any
 * string (a corrupt row must never "verify" as plaintext), and disabled-account markers mean the legacy
 * application locked the user out: such rows are better refused as unidentifiable than migrated.
 */
const EXPLICIT_ONLY: ReadonlySet<SchemeName> = new Set<SchemeName>([
  'plaintext',
  'ldap_plaintext',
  'roundup_plaintext',
  'unix_disabled',
  'django_disabled',
]);

const orderOf = (name: SchemeName): number => {
  const index = IDENTIFY_ORDER.indexOf(name);
  return index < 0 ? IDENTIFY_ORDER.length : index;
};

/** Every implemented scheme, in identification order. */
const IMPLEMENTED_SCHEMES: readonly PasswordHashScheme[] = [
  ...bcryptFamily,
  ...memoryHardFamily,
  ...pbkdf2Family,
  ...cryptFamily,
  ...digestFamily,
  ...legacyFamily,
].sort((a, b) => orderOf(a.name) - orderOf(b.name));

const BY_NAME: ReadonlyMap<SchemeName, PasswordHashScheme> = new Map(
  IMPLEMENTED_SCHEMES.map((scheme) => [scheme.name, scheme]),
);

const DEFAULT_IDENTIFY_ORDER: readonly PasswordHashScheme[] = IMPLEMENTED_SCHEMES.filter(
  (scheme) => !EXPLICIT_ONLY.has(scheme.name),
);

const findScheme = (name: SchemeName): PasswordHashScheme | undefined => BY_NAME.get(name);

export { DEFAULT_IDENTIFY_ORDER, EXPLICIT_ONLY, findScheme, IDENTIFY_ORDER, IMPLEMENTED_SCHEMES };
