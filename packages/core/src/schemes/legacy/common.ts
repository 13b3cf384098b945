import { createMD4, type IHasher } from 'hash-wasm';
import { MalformedHashError } from '../../errors.js';
import { pythonText } from '../../python/python-text.js';
import type { SchemeName } from '../../scheme-names.js';

/** UTF-16-LE, Windows' own encoding (nthash, msdcc, msdcc2), of the text as Python receives it. */
const utf16le = (text: string): Buffer => Buffer.from(pythonText(text), 'utf16le');

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

export { isHexDigest, md4, parseHexDigest, utf16le };
