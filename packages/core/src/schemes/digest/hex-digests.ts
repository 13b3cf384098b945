import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { DIGEST_SIZE, type DigestAlgorithm, digestHex } from './digests.js';

/**
 * An unsalted digest of the UTF-8 password in hexadecimal, after an optional constant prefix. passlib
 * lower-cases the stored hex before comparing, so upper-case hashes verify; anything but exactly the
 * digest's length in hex digits is malformed. No cost, nothing to update (passlib never flags these).
 */
const hexDigestScheme = (name: SchemeName, algorithm: DigestAlgorithm, prefix = ''): PasswordHashScheme => {
  const digits = DIGEST_SIZE[algorithm] * 2;
  const hexPattern = new RegExp(`^[0-9a-fA-F]{${digits}}$`);
  const matches = (hash: string): boolean => hash.startsWith(prefix) && hexPattern.test(hash.slice(prefix.length));
  return {
    name,
    identify: matches,
    prepare: (hash) => {
      if (!hash.startsWith(prefix)) throw new MalformedHashError(name, `expected the ${prefix} prefix`);
      if (!matches(hash)) throw new MalformedHashError(name, `expected ${digits} hexadecimal digits`);
      const expected = hash.slice(prefix.length).toLowerCase();
      return {
        needsUpdate: false,
        verify: async (password) => constantTimeEqual(await digestHex(algorithm, utf8(password)), expected),
      };
    },
  };
};

const hexMd4 = hexDigestScheme('hex_md4', 'md4');
const hexMd5 = hexDigestScheme('hex_md5', 'md5');
const hexSha1 = hexDigestScheme('hex_sha1', 'sha1');
const hexSha256 = hexDigestScheme('hex_sha256', 'sha256');
const hexSha512 = hexDigestScheme('hex_sha512', 'sha512');

/** Roundup's `{MD5}` and `{SHA}` with hex digests (passlib wraps hex_md5 / hex_sha1); the prefix is case-sensitive. */
const ldapHexMd5 = hexDigestScheme('ldap_hex_md5', 'md5', '{MD5}');
const ldapHexSha1 = hexDigestScheme('ldap_hex_sha1', 'sha1', '{SHA}');

export { hexMd4, hexMd5, hexSha1, hexSha256, hexSha512, ldapHexMd5, ldapHexSha1 };
