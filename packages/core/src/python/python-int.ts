/**
 * Python's `int(text, base)`, which passlib, Werkzeug and Python's own parsers apply to costs, rounds and
 * offsets. It is laxer than a digit regex: surrounding whitespace, a sign, single underscores between
 * digits, a `0x` prefix in base 16 and the decimal digits of any script Python 3.11 knows (Unicode 14) are
 * all accepted, so `$pbkdf2-sha256$ +29_000$…` and `rounds=٥٠٠٠` are valid hashes to passlib.
 */
import { isPythonWhitespace } from './python-text.js';

/**
 * First code point of each run of ten decimal digits (`str.isdecimal()`) in Python 3.11's Unicode 14
 * database. Node's `\p{Nd}` also knows the scripts added since, which Python refuses.
 */
const DECIMAL_ZEROS: readonly number[] = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20,
  0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0,
  0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0,
  0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
  0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/** The ASCII whitespace C's isspace() skips around the number (not \x1c–\x1f, unlike `str.isspace()`). */
const ASCII_SPACE = /[ \t\n\v\f\r]/;

/** CPython 3.11 refuses to convert more decimal digits than this (`sys.get_int_max_str_digits()`). */
const MAX_DECIMAL_DIGITS = 4300;

/** The value of a decimal digit Python 3.11 knows, or undefined. */
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
    else if (isPythonWhitespace(codePoint)) out += ' ';
    else {
      const digit = decimalValue(codePoint);
      if (digit === undefined) return undefined;
      out += String(digit);
    }
  }
  return out;
};

interface PythonIntText {
  readonly negative: boolean;
  /** ASCII digits of `base`, without sign, prefix or underscores. */
  readonly digits: string;
}

/** What `int(text, base)` reads, or undefined where it raises ValueError. */
const readPythonInt = (text: string, base: 10 | 16): PythonIntText | undefined => {
  const ascii = toAsciiNumeral(text);
  if (ascii === undefined) return undefined;
  let start = 0;
  let end = ascii.length;
  while (start < end && ASCII_SPACE.test(ascii.charAt(start))) start++;
  while (end > start && ASCII_SPACE.test(ascii.charAt(end - 1))) end--;
  let body = ascii.slice(start, end);
  const negative = body.startsWith('-');
  if (negative || body.startsWith('+')) body = body.slice(1);
  // Base 16 may carry a 0x prefix, and one underscore may follow it.
  if (base === 16 && /^0[xX]/.test(body)) body = body.slice(body.charAt(2) === '_' ? 3 : 2);
  const pattern = base === 16 ? /^[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*$/ : /^[0-9]+(?:_[0-9]+)*$/;
  if (!pattern.test(body)) return undefined;
  const digits = body.replaceAll('_', '');
  // The limit guards only bases that are not powers of two; leading zeros count.
  if (base === 10 && digits.length > MAX_DECIMAL_DIGITS) return undefined;
  return { negative, digits };
};

/**
 * The value Python's `int(text, base)` gives, or `undefined` where it raises ValueError. Values beyond
 * 2^53 lose precision (and past about 300 digits become Infinity), which is harmless to callers that
 * refuse anything above 2^32; use `parsePythonBigInt` where the exact value matters.
 */
const parsePythonInt = (text: string, base: 10 | 16 = 10): number | undefined => {
  const read = readPythonInt(text, base);
  if (read === undefined) return undefined;
  const value = Number.parseInt(read.digits, base);
  return read.negative ? -value : value;
};

/** Python's `int(text)` as an exact integer, for costs that are multiplied together before any range check. */
const parsePythonBigInt = (text: string): bigint | undefined => {
  const read = readPythonInt(text, 10);
  if (read === undefined) return undefined;
  const value = BigInt(read.digits);
  return read.negative ? -value : value;
};

export { parsePythonBigInt, parsePythonInt };
