/**
 * Python's `int(text, base)`, which passlib and Werkzeug use to read iteration counts. It is laxer than a
 * digit regex: surrounding whitespace, a sign, single underscores between digits, a `0x` prefix in base 16
 * and any Unicode decimal digit are all accepted, so `$pbkdf2-sha256$ +29_000$…` is a valid hash to passlib.
 */

/** First code point of each run of ten Unicode decimal digits (Nd) in Python 3.11's Unicode 14 database. */
const DECIMAL_ZEROS: readonly number[] = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20,
  0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0,
  0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0,
  0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
  0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/** Non-ASCII characters `str.isspace()` accepts; int() treats them as a plain space. */
const UNICODE_SPACES = new Set([
  0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028,
  0x2029, 0x202f, 0x205f, 0x3000,
]);

/** `str.isspace()`, as `str.strip()` uses it: the ASCII ones above plus \x1c–\x1f. */
const isPythonWhitespace = (codePoint: number): boolean =>
  (codePoint >= 0x09 && codePoint <= 0x0d) || (codePoint >= 0x1c && codePoint <= 0x20) || UNICODE_SPACES.has(codePoint);

/** The ASCII whitespace C's isspace() skips around the number (not \x1c–\x1f, unlike str.isspace()). */
const ASCII_SPACE = /[ \t\n\v\f\r]/;

/** CPython refuses to convert more decimal digits than this (`sys.get_int_max_str_digits()`). */
const MAX_DECIMAL_DIGITS = 4300;

const decimalValue = (codePoint: number): number | undefined => {
  for (const zero of DECIMAL_ZEROS) {
    if (codePoint >= zero && codePoint < zero + 10) return codePoint - zero;
  }
  return undefined;
};

/** CPython's first step: Unicode spaces become ' ', Unicode digits their ASCII digit; anything else non-ASCII fails. */
const toAsciiNumeral = (text: string): string | undefined => {
  let out = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint < 0x7f) out += char;
    else if (UNICODE_SPACES.has(codePoint)) out += ' ';
    else {
      const digit = decimalValue(codePoint);
      if (digit === undefined) return undefined;
      out += String(digit);
    }
  }
  return out;
};

/**
 * The value Python's `int(text, base)` gives, or `undefined` where it raises ValueError. Values beyond
 * 2^53 lose precision, which is harmless: every caller refuses anything above 2^32.
 */
const parsePythonInt = (text: string, base: 10 | 16): number | undefined => {
  const ascii = toAsciiNumeral(text);
  if (ascii === undefined) return undefined;
  let start = 0;
  let end = ascii.length;
  while (start < end && ASCII_SPACE.test(ascii.charAt(start))) start++;
  while (end > start && ASCII_SPACE.test(ascii.charAt(end - 1))) end--;
  let body = ascii.slice(start, end);
  let sign = 1;
  if (body.startsWith('+') || body.startsWith('-')) {
    sign = body.startsWith('-') ? -1 : 1;
    body = body.slice(1);
  }
  // Base 16 may carry a 0x prefix, and one underscore may follow it.
  if (base === 16 && /^0[xX]/.test(body)) body = body.slice(body.charAt(2) === '_' ? 3 : 2);
  const digits = base === 16 ? /^[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*$/ : /^[0-9]+(?:_[0-9]+)*$/;
  if (!digits.test(body)) return undefined;
  const plain = body.replaceAll('_', '');
  if (base === 10 && plain.length > MAX_DECIMAL_DIGITS) return undefined;
  return sign * Number.parseInt(plain, base);
};

export { isPythonWhitespace, parsePythonInt };
