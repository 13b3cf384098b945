/**
 * Python's `int(text)`, which passlib applies to the rounds field of sha256_crypt, sha512_crypt and
 * sha1_crypt after its own zero-padding check. It is laxer than it looks, and hashes that rely on it
 * verify in passlib: surrounding whitespace (`rounds= 5000`), a sign (`+5000`), underscores between digits
 * (`5_000`) and the decimal digits of any script (`٥٠٠٠`, `５０００`) are all accepted.
 */

/** Non-ASCII characters Python's `int()` reads as whitespace (`str.isspace()`; ASCII ones are listed below). */
const UNICODE_SPACES = /[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/gu;
const DECIMAL_DIGIT = /\p{Nd}/u;
const PYTHON_INT = /^[ \t\n\v\f\r]*([+-]?)(\d+(?:_\d+)*)[ \t\n\v\f\r]*$/;

const digitValues = new Map<number, number>();

/**
 * The value of a decimal digit of any script. Unicode encodes every script's digits as a run of ten
 * consecutive code points from zero to nine, so the value is the distance from the run's start, mod 10.
 * Remembered per code point, so that a long field of such digits stays linear to parse.
 */
const digitValue = (codePoint: number): number => {
  const known = digitValues.get(codePoint);
  if (known !== undefined) return known;
  let zero = codePoint;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  const value = (codePoint - zero) % 10;
  digitValues.set(codePoint, value);
  return value;
};

/** Non-ASCII digits to ASCII ones, Unicode spaces to a space, as Python does before parsing. */
const toAsciiForm = (text: string): string =>
  text.replace(UNICODE_SPACES, ' ').replace(/\p{Nd}/gu, (digit) => {
    const codePoint = digit.codePointAt(0) as number;
    return codePoint < 0x80 ? digit : String(digitValue(codePoint));
  });

/**
 * The integer Python's `int(text)` gives, or undefined where it raises ValueError. Values beyond 2^53 are
 * approximate, which is harmless here: every caller refuses anything that large.
 */
const parsePythonInt = (text: string): number | undefined => {
  const match = PYTHON_INT.exec(toAsciiForm(text));
  if (match === null) return undefined;
  const [, sign = '', digits = ''] = match;
  const value = Number(digits.replaceAll('_', ''));
  return sign === '-' ? -value : value;
};

export { parsePythonInt };
