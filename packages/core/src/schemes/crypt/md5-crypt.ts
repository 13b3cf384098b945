import { createHash } from 'node:crypto';
import { constantTimeEqual } from '../../crypto/constant-time.js';
import { encodeTransposedHash64 } from '../../encoding/hash64.js';
import { MalformedHashError } from '../../errors.js';
import { assertNoNulByte, utf8 } from '../../password.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { md5 } from './block-hash.js';
import { assertChecksumPresent, assertHash64Field, ldapCrypt } from './crypt-format.js';
import { cryptRounds } from './crypt-rounds.js';

const MD5_CRYPT_ROUNDS = 1_000;
const MAX_SALT_LENGTH = 8;
const CHECKSUM_LENGTH = 22;
/** Digest byte order for the hash64 encoding (the `to64` groups of FreeBSD's md5crypt). */
const TRANSPOSITION = [12, 6, 0, 13, 7, 1, 14, 8, 2, 15, 9, 3, 5, 10, 4, 11];
const NUL = new Uint8Array(1);

/**
 * Poul-Henning Kamp's MD5-crypt checksum of `password` bytes with `salt`; `magic` is the `$1$` (or
 * Apache's `$apr1$`) ident, which is hashed too.
 */
const md5CryptChecksum = (password: Uint8Array, salt: Uint8Array, magic: string): string => {
  const b = createHash('md5').update(password).update(salt).update(password).digest();
  const a = createHash('md5').update(password).update(magic).update(salt);
  for (let left = password.length; left > 0; left -= 16) a.update(b.subarray(0, Math.min(16, left)));
  // Each bit of the password length, lowest first: a NUL for a one, the password's first byte for a zero.
  for (let bits = password.length; bits > 0; bits >>= 1) a.update(bits & 1 ? NUL : password.subarray(0, 1));
  const digest = cryptRounds(md5(), a.digest(), password, salt, MD5_CRYPT_ROUNDS);
  return encodeTransposedHash64(digest, TRANSPOSITION);
};

/** Parses `<ident><salt ≤ 8>$<22 checksum chars>` as passlib's `parse_mc2` and constructor do. */
const parseMd5Crypt = (scheme: SchemeName, ident: string, hash: string): { salt: string; checksum: string } => {
  if (!hash.startsWith(ident)) throw new MalformedHashError(scheme, `expected the ${ident} prefix`);
  const parts = hash.slice(ident.length).split('$');
  if (parts.length > 2) throw new MalformedHashError(scheme, 'too many $-separated fields');
  const [salt = '', checksum] = parts;
  assertChecksumPresent(scheme, checksum);
  assertHash64Field(scheme, 'checksum', checksum, CHECKSUM_LENGTH, CHECKSUM_LENGTH);
  assertHash64Field(scheme, 'salt', salt, 0, MAX_SALT_LENGTH);
  return { salt, checksum };
};

const md5CryptScheme = (name: SchemeName, ident: '$1$' | '$apr1$'): PasswordHashScheme => ({
  name,
  identify: (hash) => hash.startsWith(ident),
  prepare: (hash) => {
    const { salt, checksum } = parseMd5Crypt(name, ident, hash);
    return {
      needsUpdate: false,
      verify: async (password) => {
        assertNoNulByte(password, name);
        return constantTimeEqual(md5CryptChecksum(utf8(password), Buffer.from(salt, 'ascii'), ident), checksum);
      },
    };
  },
});

/** md5_crypt: `$1$<salt ≤ 8>$<22>`, FreeBSD's MD5-crypt. */
const md5Crypt = md5CryptScheme('md5_crypt', '$1$');
/** apr_md5_crypt: Apache htpasswd's variant, `$apr1$` (the magic string is hashed too). */
const aprMd5Crypt = md5CryptScheme('apr_md5_crypt', '$apr1$');
const ldapMd5Crypt = ldapCrypt(md5CryptScheme('ldap_md5_crypt', '$1$'));

export { aprMd5Crypt, ldapMd5Crypt, md5Crypt, md5CryptChecksum };
