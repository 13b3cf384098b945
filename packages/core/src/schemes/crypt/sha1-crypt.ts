import { createHash, createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../crypto/constant-time.js';
import { encodeTransposedHash64 } from '../../encoding/hash64.js';
import { HashPolicyError, MalformedHashError } from '../../errors.js';
import { assertNoNulByte, utf8 } from '../../password.js';
import { parsePythonInt } from '../../python/python-int.js';
import type { SchemeName } from '../../scheme-names.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { paddedMessage, sha1 } from './block-hash.js';
import { assertChecksumPresent, assertHash64Field, ldapCrypt } from './crypt-format.js';

const IDENT = '$sha1$';
const MIN_ROUNDS = 1;
const MAX_ROUNDS = 4_294_967_295;
const MAX_SALT_LENGTH = 64;
const CHECKSUM_LENGTH = 28;
/** Digest byte order for the hash64 encoding: 7 groups of 3, the last padded with byte 0 again. */
const TRANSPOSITION = [2, 1, 0, 5, 4, 3, 8, 7, 6, 11, 10, 9, 14, 13, 12, 17, 16, 15, 0, 19, 18];
const HMAC_BLOCK = 64;

interface ParsedSha1Crypt {
  readonly rounds: number;
  readonly salt: string;
  readonly checksum: string;
}

/** Parses `$sha1$<rounds>$<salt ≤ 64>$<28>` as passlib's `parse_mc3` and constructor do. */
const parseSha1Crypt = (scheme: SchemeName, hash: string): ParsedSha1Crypt => {
  if (!hash.startsWith(IDENT)) throw new MalformedHashError(scheme, `expected the ${IDENT} prefix`);
  const parts = hash.slice(IDENT.length).split('$');
  if (parts.length < 2 || parts.length > 3) throw new MalformedHashError(scheme, 'expected rounds, salt and checksum');
  const [roundsText = '', salt = '', checksum] = parts;
  if (roundsText.startsWith('0') && roundsText !== '0') throw new MalformedHashError(scheme, 'zero-padded rounds');
  if (roundsText === '') throw new MalformedHashError(scheme, 'the rounds field is empty');
  // Python's int(): ' 480000' and '+480000' are read as 480000 by passlib.
  const rounds = parsePythonInt(roundsText);
  if (rounds === undefined) throw new MalformedHashError(scheme, 'the rounds are not a number');
  assertChecksumPresent(scheme, checksum);
  assertHash64Field(scheme, 'checksum', checksum, CHECKSUM_LENGTH, CHECKSUM_LENGTH);
  assertHash64Field(scheme, 'salt', salt, 0, MAX_SALT_LENGTH);
  if (rounds < MIN_ROUNDS || rounds > MAX_ROUNDS) {
    throw new MalformedHashError(scheme, `the rounds must be between ${MIN_ROUNDS} and ${MAX_ROUNDS}`);
  }
  return { rounds, salt, checksum };
};

/** The HMAC-SHA1 state after the key's inner or outer pad block. */
const padState = (key: Uint8Array, pad: number): Int32Array => {
  const hash = sha1();
  const block = new Uint8Array(HMAC_BLOCK).map((_, i) => (key[i] ?? 0) ^ pad);
  hash.compress(new DataView(block.buffer), 0);
  return hash.state.slice();
};

/**
 * NetBSD's sha1crypt: HMAC-SHA1 keyed with the password, first over `<salt>$sha1$<rounds>`, then
 * `rounds - 1` more times over the previous result. After the first, every HMAC is two single-block
 * compressions from the precomputed pad states, on one reused block.
 */
const sha1CryptChecksum = (password: Uint8Array, salt: string, rounds: number): string => {
  const key = password.length > HMAC_BLOCK ? createHash('sha1').update(password).digest() : password;
  const inner = padState(key, 0x36);
  const outer = padState(key, 0x5c);
  const hash = sha1();
  // A 20-byte message after the 64-byte pad block: the second block of this buffer is its padded last block.
  const { bytes } = paddedMessage(hash, HMAC_BLOCK + 20);
  const block = new DataView(bytes.buffer, HMAC_BLOCK);
  bytes.set(createHmac('sha1', password).update(`${salt}${IDENT}${rounds}`, 'ascii').digest(), HMAC_BLOCK);
  for (let round = 1; round < rounds; round++) {
    hash.state.set(inner);
    hash.compress(block, 0);
    hash.writeDigest(block, 0);
    hash.state.set(outer);
    hash.compress(block, 0);
    hash.writeDigest(block, 0);
  }
  return encodeTransposedHash64(bytes.subarray(HMAC_BLOCK, HMAC_BLOCK + 20), TRANSPOSITION);
};

const sha1CryptScheme = (name: SchemeName): PasswordHashScheme => ({
  name,
  identify: (hash) => hash.startsWith(IDENT),
  prepare: (hash, context) => {
    const { rounds, salt, checksum } = parseSha1Crypt(name, hash);
    if (rounds > context.policy.otherMaxIterations) {
      throw new HashPolicyError(name, `${rounds} rounds is above the maximum ${context.policy.otherMaxIterations}`);
    }
    return {
      needsUpdate: false,
      verify: async (password) => {
        assertNoNulByte(password, name);
        return constantTimeEqual(sha1CryptChecksum(utf8(password), salt, rounds), checksum);
      },
    };
  },
});

/** sha1_crypt: `$sha1$<rounds>$<salt>$<28>`, NetBSD's iterated HMAC-SHA1. */
const sha1Crypt = sha1CryptScheme('sha1_crypt');
const ldapSha1Crypt = ldapCrypt(sha1CryptScheme('ldap_sha1_crypt'));

export { ldapSha1Crypt, sha1Crypt, sha1CryptChecksum };
