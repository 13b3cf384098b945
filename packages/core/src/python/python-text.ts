/**
 * How Python 3.11, passlib's reference here, sees text where it differs from JavaScript: strings that are
 * not well-formed UTF-16, `str.isspace()`, and case mapping. Python 3.11 knows Unicode 14; Node's ICU knows
 * a newer version, and the lists below hold the characters the two disagree on, measured over every code
 * point against Python 3.11 (tests/unit/python/python-text.test.ts keeps samples of them).
 */

/**
 * The password as the Python str passlib receives: a JS string reaches Python through UTF-8, where a lone
 * surrogate becomes U+FFFD. Schemes that compare, case-map or re-encode text (UTF-16) need this form.
 */
const pythonText = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/** Text Python can encode as ASCII (`str.encode("ascii")`, `hmac.compare_digest` on str). */
const isAscii = (text: string): boolean => /^\p{ASCII}*$/u.test(text);

/** The characters above ASCII that `str.isspace()` accepts. */
const UNICODE_SPACES: ReadonlySet<number> = new Set([
  0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028,
  0x2029, 0x202f, 0x205f, 0x3000,
]);

/** Python's `str.isspace()` for one code point: ASCII's \t–\r, \x1c–\x1f and space, plus the Unicode spaces. */
const isPythonWhitespace = (codePoint: number): boolean =>
  (codePoint >= 0x09 && codePoint <= 0x0d) || (codePoint >= 0x1c && codePoint <= 0x20) || UNICODE_SPACES.has(codePoint);

/** Letters Node upper-cases but Python 3.11's `str.upper()` leaves alone (case pairs completed after Unicode 14). */
const NOT_UPPERCASED = /([\u019b\u0264\u1c8a\ua7cd\ua7cf\ua7d3\ua7d5\ua7db\u{10d70}-\u{10d85}\u{16ebb}-\u{16ed3}])/u;

/**
 * Letters of the newer case pairs (both cases), all unassigned in Unicode 14: Node lower-cases the capitals,
 * which Python 3.11 leaves alone, and counts all of them as cased, which Python does not. To Python they
 * are neither cased nor case-ignorable, so they end the context that decides a final sigma exactly as the
 * end of the text does, which is what splitting the text around them gives. (U+019B, U+0264, U+A7D3 and
 * U+A7D5 are not here: Python 3.11 knows them as lower-case letters, and splitting there would make a
 * sigma before them final.)
 */
const NOT_LOWERCASED =
  /([\u1c89\u1c8a\ua7cb-\ua7cf\ua7d2\ua7d4\ua7da-\ua7dc\u{10d50}-\u{10d65}\u{10d70}-\u{10d85}\u{16ea0}-\u{16eb8}\u{16ebb}-\u{16ed3}])/u;

/** `map` applied to the text between the characters `keep` matches (one capture group), which stay as they are. */
const mapAround = (text: string, keep: RegExp, map: (part: string) => string): string =>
  keep.test(text)
    ? text
        .split(keep)
        .map((part, index) => (index % 2 === 1 ? part : map(part)))
        .join('')
    : map(text);

/** Python 3.11's `str.upper()`: Unicode's full mappings (ß → SS, ŉ → ʼN), without the newer pairs. */
const pythonUpper = (text: string): string => mapAround(text, NOT_UPPERCASED, (part) => part.toUpperCase());

/**
 * Python 3.11's `str.lower()`: Unicode's full mappings and final sigma, without the newer pairs. A gap
 * remains for other characters whose Unicode properties changed after version 14 (combining marks and
 * letters assigned since, U+0295, U+1171E): beside a capital sigma, they can change whether it lower-cases
 * to a final ς.
 */
const pythonLower = (text: string): string => mapAround(text, NOT_LOWERCASED, (part) => part.toLowerCase());

export { isAscii, isPythonWhitespace, pythonLower, pythonText, pythonUpper };
