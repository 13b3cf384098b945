/**
 * The base64 (and hex) decoding passlib relies on, reproduced exactly. passlib and the formats it reads
 * call Python's `binascii.a2b_base64` in its lenient mode: characters outside the alphabet are skipped, a
 * `=` that completes a group ends the input, and the unused low bits of the last character are ignored.
 * So the same damaged hash must decode to the same bytes here, or fail in the same places, for our verdict
 * to be passlib's. Every function returns `undefined` where Python raises.
 */
import { isAscii } from './python-text.js';

const BASE64_VALUE: ReadonlyMap<string, number> = new Map(
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((char, value) => [char, value]),
);

/**
 * Python's `binascii.a2b_base64(text, strict_mode=False)`. Bytes come out of each full 6-bit step; a group
 * left with characters and no completing `=` is an error ("Incorrect padding"), as is non-ASCII text.
 */
const a2bBase64 = (text: string): Buffer | undefined => {
  if (!isAscii(text)) return undefined;
  const out: number[] = [];
  let quadPosition = 0;
  let leftover = 0;
  let pads = 0;
  for (const char of text) {
    if (char === '=') {
      // A pad only counts once two characters of the group are in; enough of them end the data.
      if (quadPosition >= 2) {
        pads++;
        if (quadPosition + pads >= 4) return Buffer.from(out);
      }
      continue;
    }
    const value = BASE64_VALUE.get(char);
    if (value === undefined) continue;
    pads = 0;
    if (quadPosition === 0) {
      leftover = value;
    } else if (quadPosition === 1) {
      out.push(((leftover << 2) | (value >> 4)) & 0xff);
      leftover = value & 0x0f;
    } else if (quadPosition === 2) {
      out.push(((leftover << 4) | (value >> 2)) & 0xff);
      leftover = value & 0x03;
    } else {
      out.push(((leftover << 6) | value) & 0xff);
    }
    quadPosition = (quadPosition + 1) % 4;
  }
  return quadPosition === 0 ? Buffer.from(out) : undefined;
};

/**
 * Python's `base64.b64decode(text, altchars)` without `validate`, as LDAP, FSHP, Atlassian and
 * Cryptacular hashes are read: the two alternative characters map to `+/` (which still decode too).
 */
const decodePythonB64 = (text: string, altchars: '+/' | '-_' = '+/'): Buffer | undefined =>
  a2bBase64(altchars === '+/' ? text : text.replaceAll('-', '+').replaceAll('_', '/'));

/**
 * passlib's `b64s_decode` (unpadded base64): the padding it adds follows the text's length, stray
 * characters included (a length of 1 mod 4 is refused outright), then `a2bBase64` decides.
 */
const decodePasslibB64s = (text: string): Buffer | undefined => {
  const remainder = text.length % 4;
  if (remainder === 1) return undefined;
  return a2bBase64(remainder === 2 ? `${text}==` : remainder === 3 ? `${text}=` : text);
};

/** passlib's `ab64_decode`: `.` stands for `+` (and `+` itself still decodes). */
const decodePasslibAb64 = (text: string): Buffer | undefined => decodePasslibB64s(text.replaceAll('.', '+'));

/** Python's `binascii.unhexlify`: strict, either case, even length. */
const decodeHex = (text: string): Buffer | undefined =>
  /^(?:[0-9a-fA-F]{2})*$/.test(text) ? Buffer.from(text, 'hex') : undefined;

export { a2bBase64, decodeHex, decodePasslibAb64, decodePasslibB64s, decodePythonB64 };
