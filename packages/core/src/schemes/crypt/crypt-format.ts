import { isHash64 } from '../../encoding/hash64.js';
import { MalformedHashError } from '../../errors.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme } from '../../types/scheme.js';

/**
 * Checks a salt or checksum field as passlib's handlers do: crypt-alphabet characters only, and a length
 * in `[min, max]`. Throws `MalformedHashError` naming the field (never its value).
 */
const assertHash64Field = (scheme: SchemeName, field: string, text: string, min: number, max: number): void => {
  if (!isHash64(text)) throw new MalformedHashError(scheme, `the ${field} has characters outside ./0-9A-Za-z`);
  if (text.length < min || text.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    throw new MalformedHashError(scheme, `the ${field} must be ${expected} characters`);
  }
};

/**
 * passlib verifies only full hashes: a configuration string (no checksum, or an empty one after the last
 * `$`) raises `MissingDigestError`, a ValueError.
 */
const assertChecksumPresent: (scheme: SchemeName, checksum: string | undefined) => asserts checksum is string = (
  scheme,
  checksum,
) => {
  if (checksum === undefined || checksum === '') {
    throw new MalformedHashError(scheme, 'the hash has no checksum (a configuration string cannot be verified)');
  }
};

const LDAP_CRYPT_PREFIX = '{CRYPT}';

/**
 * passlib's ldap_*_crypt: the wrapped crypt scheme behind a case-sensitive `{CRYPT}` prefix. `inner` is
 * the crypt scheme built under the ldap name, so that its errors name the scheme the caller asked for.
 */
const ldapCrypt = (inner: PasswordHashScheme): PasswordHashScheme => ({
  name: inner.name,
  identify: (hash) => hash.startsWith(LDAP_CRYPT_PREFIX) && inner.identify(hash.slice(LDAP_CRYPT_PREFIX.length)),
  prepare: (hash, context) => {
    if (!hash.startsWith(LDAP_CRYPT_PREFIX)) throw new MalformedHashError(inner.name, 'expected a {CRYPT} prefix');
    return inner.prepare(hash.slice(LDAP_CRYPT_PREFIX.length), context);
  },
});

export { assertChecksumPresent, assertHash64Field, ldapCrypt };
