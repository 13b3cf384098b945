import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import { parsePythonInt } from '../../python/python-int.js';
import { isAscii } from '../../python/python-text.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { checkIterationPolicy, derive, isBelowPolicyFloor } from './shared.js';

const SCHEME = 'werkzeug_pbkdf2';

/** What Werkzeug 3.1 uses when the method leaves the digest or the iterations out. */
const DEFAULT_DIGEST = 'sha256';
const DEFAULT_ITERATIONS = 1_000_000;

interface DigestInfo {
  /** The name Node's OpenSSL knows it by. */
  readonly node: string;
  readonly size: number;
}

const digestInfo = (node: string, size: number, ...names: string[]): [string, DigestInfo][] =>
  names.map((name) => [name, { node, size }]);

/**
 * Digest names Python's `hashlib.pbkdf2_hmac` accepts (OpenSSL 3's default provider), matched without
 * regard to ASCII case as OpenSSL does. Node's own lookup accepts more (`RSA-SHA256`…), so it is not asked.
 */
const OPENSSL_NAMES: ReadonlyMap<string, DigestInfo> = new Map([
  ...digestInfo('md5', 16, 'md5', 'ssl3-md5', '1.2.840.113549.2.5'),
  ...digestInfo('sha1', 20, 'sha1', 'sha-1', 'ssl3-sha1', '1.3.14.3.2.26'),
  ...digestInfo('sha224', 28, 'sha224', 'sha-224', 'sha2-224', '2.16.840.1.101.3.4.2.4'),
  ...digestInfo('sha256', 32, 'sha256', 'sha-256', 'sha2-256', '2.16.840.1.101.3.4.2.1'),
  ...digestInfo('sha384', 48, 'sha384', 'sha-384', 'sha2-384', '2.16.840.1.101.3.4.2.2'),
  ...digestInfo('sha512', 64, 'sha512', 'sha-512', 'sha2-512', '2.16.840.1.101.3.4.2.3'),
  ...digestInfo('sha512-224', 28, 'sha512-224', 'sha-512/224', 'sha2-512/224', '2.16.840.1.101.3.4.2.5'),
  ...digestInfo('sha512-256', 32, 'sha512-256', 'sha-512/256', 'sha2-512/256', '2.16.840.1.101.3.4.2.6'),
  ...digestInfo('sha3-224', 28, 'sha3-224', '2.16.840.1.101.3.4.2.7'),
  ...digestInfo('sha3-256', 32, 'sha3-256', '2.16.840.1.101.3.4.2.8'),
  ...digestInfo('sha3-384', 48, 'sha3-384', '2.16.840.1.101.3.4.2.9'),
  ...digestInfo('sha3-512', 64, 'sha3-512', '2.16.840.1.101.3.4.2.10'),
  ...digestInfo('blake2s256', 32, 'blake2s256', 'blake2s-256', '1.3.6.1.4.1.1722.12.2.2.8'),
  ...digestInfo('blake2b512', 64, 'blake2b512', 'blake2b-512', '1.3.6.1.4.1.1722.12.2.1.16'),
  ...digestInfo('sm3', 32, 'sm3', '1.2.156.10197.1.401'),
  ...digestInfo('md5-sha1', 36, 'md5-sha1'),
  ...digestInfo('ripemd160', 20, 'ripemd160', 'ripemd', 'ripemd-160', 'rmd160', '1.3.36.3.2.1'),
]);

/** Python's own spellings, looked up as written before OpenSSL is asked. */
const PYTHON_NAMES: ReadonlyMap<string, DigestInfo> = new Map([
  ...digestInfo('sha512-224', 28, 'sha512_224', 'SHA512_224'),
  ...digestInfo('sha512-256', 32, 'sha512_256', 'SHA512_256'),
  ...digestInfo('sha3-224', 28, 'sha3_224'),
  ...digestInfo('sha3-256', 32, 'sha3_256'),
  ...digestInfo('sha3-384', 48, 'sha3_384'),
  ...digestInfo('sha3-512', 64, 'sha3_512'),
  ...digestInfo('blake2s256', 32, 'blake2s'),
  ...digestInfo('blake2b512', 64, 'blake2b'),
]);

const lookupDigest = (name: string): DigestInfo | undefined =>
  PYTHON_NAMES.get(name) ?? OPENSSL_NAMES.get(name.replace(/[A-Z]/g, (letter) => letter.toLowerCase()));

/** A settings part `pbkdf2[:<digest>[:<iterations>]]`, as Werkzeug's `_hash_internal` reads it. */
const parseMethod = (method: string): { digest: DigestInfo; iterations: number } => {
  const [kind, ...args] = method.split(':');
  if (kind !== 'pbkdf2') throw new MalformedHashError(SCHEME, 'the method must be pbkdf2');
  if (args.length > 2) throw new MalformedHashError(SCHEME, 'pbkdf2 takes at most two arguments');
  const [digestName = DEFAULT_DIGEST, iterationsText] = args;
  const iterations = iterationsText === undefined ? DEFAULT_ITERATIONS : parsePythonInt(iterationsText, 10);
  if (iterations === undefined) throw new MalformedHashError(SCHEME, 'invalid iterations');
  const digest = lookupDigest(digestName);
  if (digest === undefined) throw new MalformedHashError(SCHEME, 'unsupported digest');
  if (!(iterations >= 1)) throw new MalformedHashError(SCHEME, 'iterations must be at least 1');
  return { digest, iterations };
};

interface ParsedWerkzeugPbkdf2 {
  readonly digest: DigestInfo;
  readonly iterations: number;
  readonly salt: string;
  /** The stored hex key, compared as text (uppercase hex never matches). */
  readonly expected: string;
}

/**
 * Reads `<method>$<salt>$<hex>` as `check_password_hash` does, throwing where it raises; `undefined` for a
 * string without two `$`, which Werkzeug answers false.
 */
const parseWerkzeugPbkdf2 = (hash: string): ParsedWerkzeugPbkdf2 | undefined => {
  const [method = '', salt, ...rest] = hash.split('$');
  if (salt === undefined || rest.length === 0) return undefined;
  const expected = rest.join('$');
  const { digest, iterations } = parseMethod(method);
  // Python cannot encode lone surrogates, nor compare non-ASCII text in constant time.
  if (/\p{Cs}/u.test(salt)) throw new MalformedHashError(SCHEME, 'the salt is not valid Unicode');
  if (!isAscii(expected)) throw new MalformedHashError(SCHEME, 'the digest must be ASCII');
  return { digest, iterations, salt, expected };
};

/** What Werkzeug could have written: a method it reads and the lowercase hex of one digest's worth of key. */
const isWellFormedWerkzeugPbkdf2 = (hash: string): boolean => {
  try {
    const parsed = parseWerkzeugPbkdf2(hash);
    return (
      parsed !== undefined && parsed.expected.length === parsed.digest.size * 2 && /^[0-9a-f]*$/.test(parsed.expected)
    );
  } catch {
    return false;
  }
};

/**
 * Werkzeug's (Flask's) `pbkdf2:<digest>:<iterations>$<salt>$<hex>`, checked as `check_password_hash`
 * does: the salt is text, the key is compared as lowercase hex, and a string without two `$` is simply
 * no match. Identified only when well-formed (a hex key of the digest's size), so another format with
 * the same first word is never taken for it. Werkzeug's scrypt hashes are `werkzeug_scrypt`'s.
 */
const werkzeugPbkdf2: PasswordHashScheme = {
  name: SCHEME,
  identify: (hash) => (hash.startsWith('pbkdf2:') || hash.startsWith('pbkdf2$')) && isWellFormedWerkzeugPbkdf2(hash),
  prepare: (hash, context) => {
    const parsed = parseWerkzeugPbkdf2(hash);
    if (parsed === undefined) return { needsUpdate: false, verify: async () => false };
    const { digest, iterations, salt, expected } = parsed;
    checkIterationPolicy(SCHEME, iterations, context);
    return {
      needsUpdate: isBelowPolicyFloor(iterations, context),
      verify: async (password) => {
        const key = await derive(utf8(password), utf8(salt), iterations, digest.size, digest.node);
        return constantTimeEqual(key.toString('hex'), expected);
      },
    };
  },
};

export { werkzeugPbkdf2 };
