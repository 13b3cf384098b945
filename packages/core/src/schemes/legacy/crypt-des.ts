import { CRYPT_ALPHABET, hash64CharValue } from '../../encoding/hash64.js';
import { desEncryptBlock, desKeySchedule } from './des.js';

/**
 * What the DES-based crypt(3) schemes (des_crypt, bsdi_crypt, bigcrypt, crypt16 and their wrappers) have
 * in common: how a password becomes a DES key, how salts and round counts are read, and how the result
 * is written.
 */

/** One crypt-alphabet character, as in the hash. */
const CRYPT_CHAR = '[./0-9A-Za-z]';

/**
 * What passlib's identify regexes accept as one character: they are `[./a-z0-9]` with `re.IGNORECASE`,
 * which in Python also matches four non-ASCII letters whose case partners are in a–z (İ ı ſ K). Such
 * hashes identify, then fail to parse.
 */
const IDENTIFY_CHAR = '[./0-9A-Za-z\u0130\u0131\u017f\u212a]';

/**
 * Python's `$` also matches just before a newline that ends the string, and passlib's regex-based parsers
 * (bsdi_crypt, bigcrypt, crypt16) keep only the groups: `hash + "\n"` verifies there like `hash`.
 */
const PYTHON_END = '\\n?$';

/** The 64-bit all-zero block every crypt(3) DES variant starts from. */
const ZERO_BLOCK = new Uint8Array(8);

/**
 * crypt(3)'s DES key from (up to) the first 8 bytes: each byte's low 7 bits, moved up one place to skip
 * the parity bit DES ignores. Shorter inputs are padded with zero bytes.
 */
const cryptKey = (bytes: Uint8Array): Uint8Array =>
  Uint8Array.from({ length: 8 }, (_, i) => ((bytes[i] ?? 0) & 0x7f) << 1);

/** Little-endian value of crypt-alphabet characters (first character lowest), as salts and rounds are stored. */
const decodeHash64Int = (text: string): number => {
  let value = 0;
  for (let i = text.length - 1; i >= 0; i--) value = value * 64 + hash64CharValue(text[i] ?? '.');
  return value;
};

/**
 * Writes a DES output block as crypt(3) does: 64 bits plus two zero bits, six at a time, most significant
 * first, in 11 characters.
 */
const encodeDesOutput = (block: Uint8Array): string => {
  let out = '';
  let accumulator = 0;
  let bits = 0;
  for (const byte of block) {
    accumulator = ((accumulator << 8) | byte) & 0x3fff;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += CRYPT_ALPHABET[(accumulator >> bits) & 0x3f];
    }
  }
  return out + CRYPT_ALPHABET[(accumulator << (6 - bits)) & 0x3f];
};

/** Encrypts the zero block `iterations` times with a salted DES keyed by `key`; returns the 11 characters. */
const saltedDes = (key: Uint8Array, salt: number, iterations: number): string =>
  encodeDesOutput(desEncryptBlock(desKeySchedule(key), ZERO_BLOCK, { salt, iterations }));

/** Traditional crypt(3): the first 8 bytes, a 12-bit salt from two characters, 25 encryptions. */
const desCryptChecksum = (password: Uint8Array, saltText: string): string =>
  saltedDes(cryptKey(password), decodeHash64Int(saltText), 25);

export {
  CRYPT_CHAR,
  cryptKey,
  decodeHash64Int,
  desCryptChecksum,
  encodeDesOutput,
  IDENTIFY_CHAR,
  PYTHON_END,
  saltedDes,
  ZERO_BLOCK,
};
