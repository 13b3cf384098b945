import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import { decodePythonB64 } from '../../python/python-base64.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { DIGEST_SIZE, type DigestAlgorithm, digestBytes } from './digests.js';

/** passlib's checksum alphabet for `{MD5}` / `{SHA}`: base64 and `=`, anywhere, any length. */
const PADDED_BASE64 = /^[A-Za-z0-9+/=]*$/;

/** The canonical base64 of `bytes` bytes, as `b64encode` writes it (padding and zero low bits). */
const isCanonicalBase64Of = (text: string, bytes: number): boolean =>
  text.length === Math.ceil(bytes / 3) * 4 &&
  PADDED_BASE64.test(text) &&
  Buffer.from(text, 'base64').toString('base64') === text;

/**
 * RFC 2307 `{MD5}` / `{SHA}`: base64 of the unsalted digest. passlib checks only the prefix (case-sensitive)
 * and the alphabet, then compares the base64 text itself: a hash of the wrong length or with other
 * padding verifies, and never matches. Identification is stricter: only the base64 of a digest, so
 * Roundup's `{MD5}` + hex (ldap_hex_md5) is never taken for this.
 */
const ldapDigestScheme = (name: SchemeName, algorithm: DigestAlgorithm, prefix: string): PasswordHashScheme => ({
  name,
  identify: (hash) => hash.startsWith(prefix) && isCanonicalBase64Of(hash.slice(prefix.length), DIGEST_SIZE[algorithm]),
  prepare: (hash) => {
    if (!hash.startsWith(prefix)) throw new MalformedHashError(name, `expected the ${prefix} prefix`);
    const expected = hash.slice(prefix.length);
    if (!PADDED_BASE64.test(expected)) throw new MalformedHashError(name, 'invalid base64 characters');
    return {
      needsUpdate: false,
      verify: async (password) =>
        constantTimeEqual((await digestBytes(algorithm, utf8(password))).toString('base64'), expected),
    };
  },
});

/** passlib accepts salts of 4 to 16 bytes (OpenLDAP writes 4; RFC 3112 suggests up to 16). */
const MIN_SALT_BYTES = 4;
const MAX_SALT_BYTES = 16;

/**
 * `{SSHA}` and kin: base64(digest(password ‖ salt) ‖ salt). The shape is passlib's regex: at least enough
 * characters for the digest and a 4-byte salt, up to two `=`, and (Python's `$`) one optional final newline.
 * The base64 is then read as Python's lenient `b64decode` does (see src/python/python-base64.ts).
 */
const ldapSaltedScheme = (name: SchemeName, algorithm: DigestAlgorithm, prefix: string): PasswordHashScheme => {
  const digestSize = DIGEST_SIZE[algorithm];
  const minChars = Math.ceil(((digestSize + MIN_SALT_BYTES) * 4) / 3);
  const pattern = new RegExp(`^${prefix.replace(/[{}]/g, '\\$&')}([A-Za-z0-9+/]{${minChars},}={0,2})\\n?$`);
  return {
    name,
    identify: (hash) => hash.startsWith(prefix),
    prepare: (hash) => {
      const match = pattern.exec(hash);
      if (match === null) throw new MalformedHashError(name, `expected ${prefix} and base64 of the digest and salt`);
      const data = decodePythonB64(match[1] ?? '');
      if (data === undefined) throw new MalformedHashError(name, 'invalid base64 padding');
      const checksum = data.subarray(0, digestSize);
      const salt = data.subarray(digestSize);
      if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
        throw new MalformedHashError(name, `the salt must be ${MIN_SALT_BYTES} to ${MAX_SALT_BYTES} bytes`);
      }
      return {
        needsUpdate: false,
        verify: async (password) =>
          constantTimeEqual(await digestBytes(algorithm, Buffer.concat([utf8(password), salt])), checksum),
      };
    },
  };
};

const ldapMd5 = ldapDigestScheme('ldap_md5', 'md5', '{MD5}');
const ldapSha1 = ldapDigestScheme('ldap_sha1', 'sha1', '{SHA}');
const ldapSaltedMd5 = ldapSaltedScheme('ldap_salted_md5', 'md5', '{SMD5}');
const ldapSaltedSha1 = ldapSaltedScheme('ldap_salted_sha1', 'sha1', '{SSHA}');
const ldapSaltedSha256 = ldapSaltedScheme('ldap_salted_sha256', 'sha256', '{SSHA256}');
const ldapSaltedSha512 = ldapSaltedScheme('ldap_salted_sha512', 'sha512', '{SSHA512}');

export { ldapMd5, ldapSaltedMd5, ldapSaltedSha1, ldapSaltedSha256, ldapSaltedSha512, ldapSha1 };
