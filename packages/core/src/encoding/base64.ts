/**
 * Strict base64 decoders. Node's own decoder skips characters outside its alphabet without a word
 * (`Buffer.from('a.b', 'base64')`), which would let a corrupt hash verify against the wrong bytes:
 * every decoder here checks the alphabet, the length and the padding first, and returns `undefined`
 * for text that is not valid.
 */

const STANDARD = /^[A-Za-z0-9+/]*$/;
const PADDED = /^[A-Za-z0-9+/]*={0,2}$/;
/** passlib's "adapted base64" (pbkdf2_*, ldap_pbkdf2_*): `.` instead of `+`, no padding. */
const ADAPTED = /^[A-Za-z0-9./]*$/;

/** A length of 1 mod 4 can never be base64; 2 and 3 mod 4 are unpadded tails. */
const hasValidUnpaddedLength = (text: string): boolean => text.length % 4 !== 1;

/** Standard alphabet, `=` padding required (RFC 4648), as in LDAP `{SSHA}` values and Django pbkdf2. */
const decodeBase64Padded = (text: string): Buffer | undefined => {
  if (text.length % 4 !== 0 || !PADDED.test(text)) return undefined;
  const body = text.replace(/=+$/, '');
  if (body.includes('=')) return undefined;
  return Buffer.from(text, 'base64');
};

/** Standard alphabet without padding, as in argon2 and passlib's scrypt (PHC strings). */
const decodeBase64Unpadded = (text: string): Buffer | undefined => {
  if (!STANDARD.test(text) || !hasValidUnpaddedLength(text)) return undefined;
  return Buffer.from(text, 'base64');
};

/** passlib's ab64: standard base64 with `.` for `+` and no padding. */
const decodeAdaptedBase64 = (text: string): Buffer | undefined => {
  if (!ADAPTED.test(text) || !hasValidUnpaddedLength(text)) return undefined;
  return Buffer.from(text.replaceAll('.', '+'), 'base64');
};

const encodeAdaptedBase64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes).toString('base64').replace(/=+$/, '').replaceAll('+', '.');

const encodeBase64Unpadded = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

export { decodeAdaptedBase64, decodeBase64Padded, decodeBase64Unpadded, encodeAdaptedBase64, encodeBase64Unpadded };
