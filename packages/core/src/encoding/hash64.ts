/**
 * The "hash64" alphabets of Unix crypt: `./0-9A-Za-z` (md5_crypt, sha2-crypt, phpass, des_crypt…) and
 * bcrypt's own order `./A-Za-z0-9`. Bytes are packed little-endian, three to four characters, as
 * passlib's `h64.encode_bytes` does.
 */

const CRYPT_ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const CRYPT_CHARS = /^[./0-9A-Za-z]*$/;

/** True when every character is in the crypt alphabet. */
const isHash64 = (text: string): boolean => CRYPT_CHARS.test(text);

/** Little-endian 6-bit groups, as crypt(3) writes digests. */
const encodeHash64 = (bytes: Uint8Array, alphabet: string = CRYPT_ALPHABET): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const value = b0 | (b1 << 8) | (b2 << 16);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += alphabet[(value >> (6 * c)) & 0x3f];
  }
  return out;
};

/** Reorders `bytes` by `offsets` before encoding, as md5_crypt and sha2-crypt do. */
const encodeTransposedHash64 = (bytes: Uint8Array, offsets: readonly number[]): string =>
  encodeHash64(Uint8Array.from(offsets, (offset) => bytes[offset] ?? 0));

/** Value of one crypt-alphabet character (0–63), or -1. */
const hash64CharValue = (char: string): number => CRYPT_ALPHABET.indexOf(char);

/**
 * Decodes bcrypt's big-endian base64 (bcrypt alphabet) to `byteLength` bytes; undefined if a character is
 * outside the alphabet. Padding bits of the last character are ignored, as OpenBSD's decoder does.
 */
const decodeBcryptBase64 = (text: string, byteLength: number): Uint8Array | undefined => {
  const out = new Uint8Array(byteLength);
  let bits = 0;
  let accumulator = 0;
  let written = 0;
  for (const char of text) {
    const value = BCRYPT_ALPHABET.indexOf(char);
    if (value < 0) return undefined;
    accumulator = (accumulator << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (written < byteLength) out[written++] = (accumulator >> bits) & 0xff;
    }
  }
  return written === byteLength ? out : undefined;
};

/** bcrypt's base64 of `bytes` (big-endian bit order). */
const encodeBcryptBase64 = (bytes: Uint8Array): string => {
  let out = '';
  let bits = 0;
  let accumulator = 0;
  for (const byte of bytes) {
    accumulator = ((accumulator << 8) | byte) & 0xffffff;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += BCRYPT_ALPHABET[(accumulator >> bits) & 0x3f];
    }
  }
  if (bits > 0) out += BCRYPT_ALPHABET[(accumulator << (6 - bits)) & 0x3f];
  return out;
};

export {
  BCRYPT_ALPHABET,
  CRYPT_ALPHABET,
  decodeBcryptBase64,
  encodeBcryptBase64,
  encodeHash64,
  encodeTransposedHash64,
  hash64CharValue,
  isHash64,
};
