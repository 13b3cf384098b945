import { createMD4, type IHasher } from 'hash-wasm';
import { MalformedHashError } from '../../errors.js';
import type { SchemeName } from '../../scheme-names.js';

/**
 * The text the password's UTF-8 bytes stand for: lone UTF-16 surrogates become U+FFFD, as `utf8()` does
 * for every other scheme, so a password means the same to the UTF-16 and case-mapping schemes.
 */
const wellFormed = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/**
 * Letters whose case pairs Unicode defined after version 14.0, the one Python 3.11 (passlib's reference
 * here) knows: U+019B and U+0264 (partners added in 16.0), Cyrillic TJE, Latin Extended-D additions, Garay
 * (16.0), Beria Erfe (17.0). Node's ICU case-maps them; Python 3.11 leaves them, and so do we.
 */
const NEWER_CASE_PAIRS =
  /([\u019b\u0264\u1c89\u1c8a\ua7cb-\ua7cf\ua7d2-\ua7d5\ua7da-\ua7dc\u{10d50}-\u{10d65}\u{10d70}-\u{10d85}\u{16ea0}-\u{16eb8}\u{16ebb}-\u{16ed3}])/u;

/**
 * Python 3.11's `str.upper()` / `str.lower()`: JavaScript's full Unicode mappings (the same rules, final
 * sigma included) applied around the letters Python does not map yet.
 */
const pythonCase = (text: string, letterCase: 'upper' | 'lower'): string =>
  text
    .split(NEWER_CASE_PAIRS)
    .map((part, index) => {
      if (index % 2 === 1) return part;
      return letterCase === 'upper' ? part.toUpperCase() : part.toLowerCase();
    })
    .join('');

/** UTF-16-LE, Windows' own encoding (nthash, msdcc, msdcc2). */
const utf16le = (text: string): Buffer => Buffer.from(wellFormed(text), 'utf16le');

const HEX_DIGITS = { lower: /^[0-9a-f]*$/, upper: /^[0-9A-F]*$/ } as const;

/**
 * The hash case-mapped as passlib's StaticHandler does before checking it (lower for the Windows hashes,
 * upper for oracle10), with Unicode's full mappings like Python's: "ﬀ" upper-cases to the two digits "FF".
 */
const normalizeHex = (hash: string, letterCase: 'lower' | 'upper'): string =>
  letterCase === 'lower' ? hash.toLowerCase() : hash.toUpperCase();

/** Whether `hash`, case-mapped, is `length` hex digits: passlib identifies these schemes by parsing them. */
const isHexDigest = (hash: string, length: number, letterCase: 'lower' | 'upper'): boolean => {
  const normalized = normalizeHex(hash, letterCase);
  return normalized.length === length && HEX_DIGITS[letterCase].test(normalized);
};

/** The case-mapped hex digest, or MalformedHashError. */
const parseHexDigest = (scheme: SchemeName, hash: string, length: number, letterCase: 'lower' | 'upper'): string => {
  if (!isHexDigest(hash, length, letterCase)) {
    throw new MalformedHashError(scheme, `expected ${length} hexadecimal digits`);
  }
  return normalizeHex(hash, letterCase);
};

let md4Hasher: Promise<IHasher> | undefined;

/** MD4, which Node 20's OpenSSL 3 no longer offers: hash-wasm's, one instance reused (init → digest is synchronous). */
const md4 = async (data: Uint8Array): Promise<Uint8Array> => {
  md4Hasher ??= createMD4();
  const hasher = await md4Hasher;
  return hasher.init().update(data).digest('binary');
};

export { isHexDigest, md4, parseHexDigest, pythonCase, utf16le, wellFormed };
