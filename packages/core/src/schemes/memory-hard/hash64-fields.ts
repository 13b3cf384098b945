/**
 * The little-endian hash64 fields of `$7$` scrypt hashes, read as passlib's `h64` codec reads them. Each
 * reader returns `undefined` where passlib raises.
 */
import { hash64CharValue } from '../../encoding/hash64.js';

/**
 * passlib's `h64.decode_bytes` (crypt alphabet, little-endian 6-bit groups), as `$7$` checksums use:
 * the unused high bits of the last character are ignored. `undefined` for a bad character or length.
 */
const decodeHash64Bytes = (text: string): Uint8Array | undefined => {
  if (text.length % 4 === 1) return undefined;
  const values = Array.from(text, hash64CharValue);
  if (values.some((value) => value < 0)) return undefined;
  const out: number[] = [];
  for (let i = 0; i < values.length; i += 4) {
    const group = values.slice(i, i + 4);
    let bits = 0;
    group.forEach((value, index) => {
      bits |= value << (6 * index);
    });
    for (let byte = 0; byte < group.length - 1; byte++) out.push((bits >> (8 * byte)) & 0xff);
  }
  return Uint8Array.from(out);
};

/** passlib's `h64.decode_int6` / `decode_int30`: 1 or 5 crypt-alphabet characters, least significant first. */
const decodeHash64Int = (text: string): number | undefined => {
  let value = 0;
  for (let index = text.length - 1; index >= 0; index--) {
    const digit = hash64CharValue(text.charAt(index));
    if (digit < 0) return undefined;
    value = value * 64 + digit;
  }
  return value;
};

export { decodeHash64Bytes, decodeHash64Int };
