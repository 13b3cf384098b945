import { md5CryptDigestWasm } from '../../backends/sha-crypt-wasm/index.js';
import { constantTimeEqual } from '../../crypto/constant-time.js';
import { encodeTransposedHash64 } from '../../encoding/hash64.js';
import { MalformedHashError } from '../../errors.js';
import { assertNoNulByte, utf8 } from '../../password.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { assertChecksumPresent, assertHash64Field, ldapCrypt } from './crypt-format.js';

const MAX_SALT_LENGTH = 8;
const CHECKSUM_LENGTH = 22;
/** Digest byte order for the hash64 encoding (the `to64` groups of FreeBSD's md5crypt). */
const TRANSPOSITION = [12, 6, 0, 13, 7, 1, 14, 8, 2, 15, 9, 3, 5, 10, 4, 11];
const MAGIC_BYTES: Readonly<Record<string, Uint8Array>> = {
  $1$: Buffer.from('$1$', 'ascii'),
  $apr1$: Buffer.from('$apr1$', 'ascii'),
};

/**
 * Poul-Henning Kamp's MD5-crypt checksum of `password` bytes with `salt` (at most 8 bytes); `magic` is
 * the `$1$` (or Apache's `$apr1$`) ident, which is hashed too. The whole algorithm (two setup digests, 1000
 * rounds) runs in one WebAssembly call: in TypeScript, the rounds alone took 1.8x libc's crypt(3).
 */
const md5CryptChecksum = (password: Uint8Array, salt: Uint8Array, magic: string): string => {
  const digest = md5CryptDigestWasm(password, salt, MAGIC_BYTES[magic] ?? Buffer.from(magic, 'utf8'));
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
