/**
 * passlib's LDAP and FSHP handlers decode with Python's `base64.b64decode`, which is lenient: once the
 * hash's own regex has admitted only `[A-Za-z0-9+/]` followed by some `=`, binascii accepts a missing or
 * surplus `=` wherever the data length allows, and ignores the unused low bits of the last character.
 * These rules reproduce CPython's non-strict `a2b_base64` for exactly that shape of input.
 */

const BASE64_DATA = /^[A-Za-z0-9+/]*$/;

/**
 * Decodes `data` (base64 alphabet only, no `=`) followed by `padding` `=` characters as CPython does, or
 * undefined where CPython raises `binascii.Error`: one character past a multiple of four can never be
 * decoded, and two or three characters need two or one `=` to end the last group. `=` beyond that (or
 * after a complete group) is ignored.
 */
const decodeLenientBase64 = (data: string, padding: number): Buffer | undefined => {
  if (!BASE64_DATA.test(data)) return undefined;
  const tail = data.length % 4;
  if (tail === 1) return undefined;
  if (tail === 2 && padding < 2) return undefined;
  if (tail === 3 && padding < 1) return undefined;
  // The alphabet is checked, so Node's decoder skips nothing; it too drops the unused low bits.
  return Buffer.from(data, 'base64');
};

export { decodeLenientBase64 };
