/**
 * How Python and passlib read the text of these hashes, reproduced so that a damaged hash gets passlib's
 * answer: `int()` for scrypt costs, passlib's `b64s_decode` (binascii in its lenient mode) for scrypt salt
 * and checksum, the little-endian hash64 of `$7$` hashes, and `str.encode("ascii")`. Each reader returns
 * `undefined` where Python raises.
 */
import { hash64CharValue } from '../../encoding/hash64.js';

/** `str.isspace()` characters above ASCII, which `int()` skips like spaces. */
const PYTHON_UNICODE_SPACE = /[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const DECIMAL_DIGIT = /\p{Nd}/u;
/** What `int()` accepts once spaces and digits are ASCII: sign, digits with single underscores between them. */
const PYTHON_INT = /^[ \t\n\v\f\r]*([+-]?)(\d+(?:_\d+)*)[ \t\n\v\f\r]*$/;

/**
 * The value of a Unicode decimal digit. Unicode assigns them in runs of ten from zero, so the position
 * in its run of consecutive digits gives the value. (Python 3.11 knows the digits of Unicode 14; the few
 * scripts added since would be refused there and read here. No stored hash uses them.)
 */
const unicodeDigitValue = (codePoint: number): number => {
  let start = codePoint;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (codePoint - start) % 10;
};

/**
 * Python's `int(text)`: surrounding whitespace, a sign, underscores between digits and any script's
 * decimal digits are accepted (`int(" +1_6 ")` is 16). `undefined` where `int()` raises ValueError.
 */
const parsePythonInt = (text: string): bigint | undefined => {
  let ascii = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint < 0x80) ascii += char;
    else if (PYTHON_UNICODE_SPACE.test(char)) ascii += ' ';
    else if (DECIMAL_DIGIT.test(char)) ascii += String(unicodeDigitValue(codePoint));
    else return undefined;
  }
  const match = PYTHON_INT.exec(ascii);
  if (match === null) return undefined;
  const [, sign = '', digits = ''] = match;
  const value = BigInt(digits.replaceAll('_', ''));
  return sign === '-' ? -value : value;
};

/** Text Python can encode as ASCII. */
const isAscii = (text: string): boolean => /^\p{ASCII}*$/u.test(text);

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * passlib's `b64s_decode`: pads the text to a multiple of four by its length, then decodes it as Python's
 * `binascii.a2b_base64` does by default: characters outside the alphabet are skipped, a complete `=`
 * padding ends the input, and the unused low bits of the last character are ignored. `undefined` where
 * passlib raises (non-ASCII text, a length of 1 mod 4, a group left incomplete).
 */
const decodePasslibBase64 = (text: string): Uint8Array | undefined => {
  if (!isAscii(text)) return undefined;
  const tail = text.length % 4;
  if (tail === 1) return undefined;
  const padded = tail === 0 ? text : `${text}${'='.repeat(4 - tail)}`;
  const out: number[] = [];
  let position = 0;
  let carry = 0;
  let pads = 0;
  for (const char of padded) {
    if (char === '=') {
      // Only padding after at least two characters of a group counts; enough of it ends the input.
      if (position >= 2 && position + ++pads >= 4) return Uint8Array.from(out);
      continue;
    }
    const value = BASE64_ALPHABET.indexOf(char);
    if (value < 0) continue;
    pads = 0;
    if (position === 1) out.push(((carry << 2) | (value >> 4)) & 0xff);
    else if (position === 2) out.push(((carry << 4) | (value >> 2)) & 0xff);
    else if (position === 3) out.push(((carry << 6) | value) & 0xff);
    carry = value;
    position = (position + 1) % 4;
  }
  return position === 0 ? Uint8Array.from(out) : undefined;
};

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

export { decodeHash64Bytes, decodeHash64Int, decodePasslibBase64, isAscii, parsePythonInt };
