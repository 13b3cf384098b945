import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { assertNoNulByte, utf8 } from '../../password.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme, PreparedHash } from '../../types/scheme.js';
import { CRYPT_CHAR, desCryptChecksum, IDENTIFY_CHAR, PYTHON_END } from './crypt-des.js';
import { type PrepareAs, prefixWrapper } from './wrappers.js';

/**
 * des_crypt, the original Unix crypt(3): 2 salt characters and 11 of checksum. Only the first 8 bytes of
 * the password count (passlib's `truncate_error` applies to hashing only, never to verify).
 */
const DES_CRYPT_PATTERN = new RegExp(`^${CRYPT_CHAR}{13}$`);
/** passlib identifies by regex, the checksum optional; its parser then slices (a trailing newline fails it). */
const DES_CRYPT_IDENTIFY = new RegExp(`^${IDENTIFY_CHAR}{2}(?:${IDENTIFY_CHAR}{11})?${PYTHON_END}`);

/** Verifies `password` against a 2-character salt and 11-character checksum, as des_crypt does. */
const desCryptVerifier =
  (scheme: SchemeName, salt: string, checksum: string) =>
  async (password: string): Promise<boolean> => {
    // passlib refuses NUL bytes here (its os_crypt backend with a plain ValueError, its builtin one with
    // PasswordValueError): crypt(3) would end the key at the first NUL.
    assertNoNulByte(password, scheme);
    return constantTimeEqual(desCryptChecksum(utf8(password), salt), checksum);
  };

const prepareDesCryptAs: PrepareAs = (scheme, hash) => {
  if (!DES_CRYPT_PATTERN.test(hash)) {
    throw new MalformedHashError(
      scheme,
      hash.length === 2 ? 'the checksum is missing' : 'expected 2 salt and 11 checksum characters of ./0-9A-Za-z',
    );
  }
  return { needsUpdate: false, verify: desCryptVerifier(scheme, hash.slice(0, 2), hash.slice(2)) };
};

const identifyDesCrypt = (hash: string): boolean => DES_CRYPT_IDENTIFY.test(hash);

const desCrypt: PasswordHashScheme = {
  name: 'des_crypt',
  identify: identifyDesCrypt,
  prepare: (hash, context) => prepareDesCryptAs('des_crypt', hash, context),
};

/** `{CRYPT}` + des_crypt, as LDAP directories store it. */
const ldapDesCrypt = prefixWrapper('ldap_des_crypt', '{CRYPT}', {
  identify: identifyDesCrypt,
  prepareAs: prepareDesCryptAs,
});

const DJANGO_PREFIX = 'crypt$';
const DJANGO_SALT = new RegExp(`^${CRYPT_CHAR}{2,}$`);
const DJANGO_CHECKSUM = new RegExp(`^${CRYPT_CHAR}{11}$`);

/**
 * Django's CryptPasswordHasher: `crypt$<salt>$<des_crypt hash>`. Django 1.4+ leaves the salt field empty;
 * Django 1.0 stored a longer salt whose first two characters must repeat the des_crypt salt. Always
 * needsUpdate: Django 5.0 removed the hasher.
 */
const prepareDjangoDesCrypt = (hash: string): PreparedHash => {
  const scheme = 'django_des_crypt';
  if (!hash.startsWith(DJANGO_PREFIX)) throw new MalformedHashError(scheme, 'expected the crypt$ prefix');
  const fields = hash.slice(DJANGO_PREFIX.length).split('$');
  if (fields.length > 2) throw new MalformedHashError(scheme, 'expected crypt$<salt>$<des_crypt hash>');
  let [salt = '', crypt = ''] = fields;
  if (crypt !== '') {
    if (salt === '') salt = crypt.slice(0, 2);
    else if (salt.slice(0, 2) !== crypt.slice(0, 2)) {
      throw new MalformedHashError(scheme, 'the salt field and the des_crypt hash must start with the same salt');
    }
  }
  if (!DJANGO_SALT.test(salt)) throw new MalformedHashError(scheme, 'the salt must be 2 or more of ./0-9A-Za-z');
  if (crypt === '') throw new MalformedHashError(scheme, 'the checksum is missing');
  const checksum = crypt.slice(2);
  if (!DJANGO_CHECKSUM.test(checksum)) throw new MalformedHashError(scheme, 'the checksum must be 11 of ./0-9A-Za-z');
  return { needsUpdate: true, verify: desCryptVerifier(scheme, salt.slice(0, 2), checksum) };
};

const djangoDesCrypt: PasswordHashScheme = {
  name: 'django_des_crypt',
  identify: (hash) => hash.startsWith(DJANGO_PREFIX),
  prepare: (hash) => prepareDjangoDesCrypt(hash),
};

export { desCrypt, djangoDesCrypt, identifyDesCrypt, ldapDesCrypt, prepareDesCryptAs };
