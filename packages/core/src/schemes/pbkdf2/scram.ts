import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError, PasswordValueError } from '../../errors.js';
import { utf8 } from '../../password.js';
import { decodePasslibAb64 } from '../../python/python-base64.js';
import { isPythonWhitespace } from '../../python/python-text.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { saslprep } from './saslprep.js';
import {
  checkIterationPolicy,
  checkRoundsRange,
  DIGEST_SIZE,
  type Digest,
  derive,
  isBelowPolicyFloor,
  MAX_SALT_SIZE,
} from './shared.js';

const SCHEME = 'scram';
const SCRAM_IDENT = '$scram$';

/**
 * passlib's scram.verify checks one digest only: the first of these the hash holds. Digests of other
 * algorithms, and their sizes, are never looked at, so a hash whose digests disagree verifies by this one.
 */
const VERIFY_ORDER: readonly (readonly [string, Digest])[] = [
  ['sha-256', 'sha256'],
  ['sha-512', 'sha512'],
  ['sha-224', 'sha224'],
  ['sha-384', 'sha384'],
  ['sha-1', 'sha1'],
];

/** passlib's default algorithms: a hash missing any of them `needs_update`. */
const DEFAULT_ALGORITHMS = ['sha-1', 'sha-256', 'sha-512'];

/** passlib's table of known digests, each alias to its IANA name: only the IANA name itself is accepted. */
const IANA_TABLE: ReadonlyMap<string, string> = new Map([
  ...['md2', 'md5', 'md4', 'blake-2b', 'blake-2s'].map((name) => [name, name] as const),
  ...['sha-1', 'sha1'].map((name) => [name, 'sha-1'] as const),
  ...['224', '256', '384', '512'].flatMap((size) =>
    [`sha${size}`, `sha-${size}`, `sha2-${size}`].map((name) => [name, `sha-${size}`] as const),
  ),
  ...['blake2b', 'blake2s'].map((name) => [name, name.replace('blake', 'blake-')] as const),
  ...['ripemd160', 'ripemd-160', 'ripemd'].map((name) => [name, 'ripemd-160'] as const),
]);

/** Names that normalize to themselves but make passlib fail while it looks the hash up (XOFs, non-hash functions). */
const BROKEN_NAMES = new Set(['scrypt', 'shake-128', 'shake-256']);

/**
 * Whether passlib's `norm_hash_name(name, 'iana')` returns `name` unchanged, which scram requires of every
 * algorithm in a hash. Python's `[a-z]` under IGNORECASE also matches `ı` and `ſ`, and `\d` any decimal digit.
 */
const isCanonicalAlgorithm = (name: string): boolean => {
  const edges = [name.codePointAt(0) ?? 0, name.at(-1)?.codePointAt(0) ?? 0];
  // Python strips surrounding whitespace first, so such a name never comes back unchanged.
  if (name === '' || edges.some(isPythonWhitespace) || BROKEN_NAMES.has(name)) return false;
  let normalized = name.toLowerCase().replace(/[_ /]/g, '-');
  if (normalized.startsWith('scram-')) normalized = normalized.slice(6).replace(/-plus$/, '');
  const known = IANA_TABLE.get(normalized);
  if (known !== undefined) return known === name;
  const match = /^([a-zıſ]+)-?(\p{Nd})?-?(\p{Nd}{3,4})?$/iu.exec(normalized);
  if (match === null) return normalized === name;
  const [, family = '', revision = '', size] = match;
  return `${family}${revision}${size === undefined ? '' : `-${size}`}` === name;
};

interface ParsedScram {
  readonly rounds: number;
  readonly salt: Buffer;
  readonly digests: ReadonlyMap<string, Buffer>;
}

/** passlib's `scram.from_string` and the checks its constructor makes. */
const parseScram = (hash: string): ParsedScram => {
  if (!hash.startsWith(SCRAM_IDENT)) throw new MalformedHashError(SCHEME, `expected the ${SCRAM_IDENT} prefix`);
  const parts = hash.slice(SCRAM_IDENT.length).split('$');
  if (parts.length !== 3) throw new MalformedHashError(SCHEME, 'wrong number of fields');
  const [roundsText = '', saltText = '', digestsText = ''] = parts;
  // int(rounds) must print back as the same text: plain decimal, no padding, sign or spaces.
  if (!/^(?:0|-?[1-9][0-9]*)$/.test(roundsText)) throw new MalformedHashError(SCHEME, 'invalid rounds');
  const rounds = Number(roundsText);
  const salt = decodePasslibAb64(saltText);
  if (salt === undefined) throw new MalformedHashError(SCHEME, 'invalid salt encoding');
  // A list of names without `=` is a settings string: passlib cannot verify it either.
  if (!digestsText.includes('=')) throw new MalformedHashError(SCHEME, 'the digests are missing');
  const digests = new Map<string, Buffer>();
  for (const pair of digestsText.split(',')) {
    const fields = pair.split('=');
    if (fields.length !== 2) throw new MalformedHashError(SCHEME, 'expected <algorithm>=<digest> pairs');
    const [algorithm = '', encoded = ''] = fields;
    const digest = decodePasslibAb64(encoded);
    if (digest === undefined) throw new MalformedHashError(SCHEME, 'invalid digest encoding');
    // Python dicts keep the first position and the last value of a repeated key.
    digests.set(algorithm, digest);
  }
  checkRoundsRange(SCHEME, rounds);
  if (salt.length > MAX_SALT_SIZE) throw new MalformedHashError(SCHEME, 'salt too large');
  for (const algorithm of digests.keys()) {
    if (!isCanonicalAlgorithm(algorithm) || [...algorithm].length > 9) {
      throw new MalformedHashError(SCHEME, 'invalid algorithm name');
    }
  }
  if (!digests.has('sha-1')) throw new MalformedHashError(SCHEME, 'a sha-1 digest is required');
  return { rounds, salt, digests };
};

/**
 * passlib's `$scram$<rounds>$<ab64 salt>$sha-1=<ab64>,sha-256=<ab64>,…`: SCRAM's SaltedPassword,
 * PBKDF2 over the SASLprep-ed password, stored for several digests.
 */
const scram: PasswordHashScheme = {
  name: SCHEME,
  identify: (hash) => hash.startsWith(SCRAM_IDENT),
  prepare: (hash, context) => {
    const { rounds, salt, digests } = parseScram(hash);
    checkIterationPolicy(SCHEME, rounds, context);
    const [algorithm, digest] = VERIFY_ORDER.find(([name]) => digests.has(name)) ?? ['sha-1', 'sha1'];
    const expected = digests.get(algorithm) ?? Buffer.alloc(0);
    return {
      needsUpdate: isBelowPolicyFloor(rounds, context) || DEFAULT_ALGORITHMS.some((required) => !digests.has(required)),
      verify: async (password) => {
        const prepared = saslprep(password);
        if (prepared === undefined) {
          throw new PasswordValueError('scram refuses this password: SASLprep (RFC 4013) prohibits a character in it');
        }
        const key = await derive(utf8(prepared), salt, rounds, DIGEST_SIZE[digest], digest);
        return constantTimeEqual(key, expected);
      },
    };
  },
};

export { scram };
