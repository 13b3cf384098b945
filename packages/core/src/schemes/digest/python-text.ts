/**
 * The few places where these schemes depend on how Python 3.11 (passlib's reference here) treats text
 * differently from JavaScript: strings with lone surrogates, Unicode case mapping and Unicode digits.
 * Node's ICU knows newer Unicode versions than Python 3.11 (Unicode 14); the lists below hold the
 * characters they disagree on, measured over every code point.
 */

/**
 * The password as the Python str passlib receives: a JS string reaches Python through UTF-8, where a lone
 * surrogate becomes U+FFFD. Schemes that compare or re-encode text (plaintext, UTF-16) need this form.
 */
const pythonText = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/** Characters Node upper-cases but Python 3.11's `str.upper()` leaves alone (case pairs added since Unicode 14). */
const NEWER_UPPERCASE = /[\u019b\u0264\u1c8a\ua7cd\ua7cf\ua7d3\ua7d5\ua7db\u{10d70}-\u{10d85}\u{16ebb}-\u{16ed3}]/u;

/** Python's `str.upper()`: full case mapping (ß → SS), without the newer pairs. */
const pythonUpper = (text: string): string => {
  if (!NEWER_UPPERCASE.test(text)) return text.toUpperCase();
  let out = '';
  for (const char of text) out += NEWER_UPPERCASE.test(char) ? char : char.toUpperCase();
  return out;
};

/** Decimal digits Node knows but Python 3.11 does not (digit sets added since Unicode 14). */
const NEWER_DIGITS =
  /[\u{10d40}-\u{10d49}\u{116d0}-\u{116e3}\u{11bf0}-\u{11bf9}\u{11de0}-\u{11de9}\u{11f50}-\u{11f59}\u{16130}-\u{16139}\u{16d70}-\u{16d79}\u{1ccf0}-\u{1ccf9}\u{1e4f0}-\u{1e4f9}\u{1e5f1}-\u{1e5fa}]/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

/** Python's `int()` refuses longer digit strings (CVE-2020-10735 limit, on by default since 3.11). */
const PYTHON_MAX_DIGITS = 4300;

const isPythonDigit = (char: string): boolean => DECIMAL_DIGIT.test(char) && !NEWER_DIGITS.test(char);

/**
 * Value of one decimal digit of any script. Unicode assigns decimal digits only in runs of ten, 0 to 9,
 * so the value is the distance from the start of the run, modulo ten.
 */
const digitValue = (char: string): number => {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint <= 0x39) return codePoint - 0x30;
  let start = codePoint;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (codePoint - start) % 10;
};

/**
 * `int(text)` for a run matched by `\d+` in a Python str pattern: undefined when Python would raise
 * ValueError (a digit it does not know, or more than 4300 digits). Large values lose precision but keep
 * their magnitude, which is all a range check needs.
 */
const pythonInt = (text: string): number | undefined => {
  const chars = [...text];
  if (chars.length === 0 || chars.length > PYTHON_MAX_DIGITS || !chars.every(isPythonDigit)) return undefined;
  return Number(chars.map((char) => String(digitValue(char))).join(''));
};

export { pythonInt, pythonText, pythonUpper };
