import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import { parsePythonBigInt } from '../../python/python-int.js';
import { isAscii } from '../../python/python-text.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import {
  checkScryptPolicy,
  INT_MAX,
  opensslScryptRefusal,
  type ScryptCost,
  scryptKey,
  scryptMemoryBytes,
} from './scrypt-kdf.js';

/** Werkzeug's default when the method names no parameters (`scrypt$…`), and what it writes by default. */
const WERKZEUG_DEFAULT_COST: ScryptCost = { n: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 64;
/** Two UTF-16 halves that do not pair up: Python cannot encode such a salt as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface ParsedWerkzeugScrypt extends ScryptCost {
  readonly salt: Uint8Array;
  /** The stored hex digest, compared as text (uppercase hex never matches). */
  readonly hexDigest: string;
}

const malformed = (reason: string) => new MalformedHashError('werkzeug_scrypt', reason);

/** The cost named in `scrypt:<n>:<r>:<p>`, checked as Werkzeug, hashlib.scrypt and OpenSSL check it. */
const parseCost = (method: string): ScryptCost => {
  const [name, ...args] = method.split(':');
  if (name !== 'scrypt') throw malformed('the method must be scrypt');
  if (args.length === 0) return WERKZEUG_DEFAULT_COST;
  const [n, r, p, ...extra] = args.map(parsePythonBigInt);
  if (n === undefined || r === undefined || p === undefined || extra.length > 0) {
    throw malformed('scrypt takes three integer arguments');
  }
  if (n < 2n || (n & (n - 1n)) !== 0n) throw malformed('n must be a power of 2');
  if (r < 1n || p < 1n) throw malformed('r and p must be positive');
  // Werkzeug passes maxmem = 132·n·r·p; hashlib refuses more than INT_MAX, OpenSSL less than it needs.
  const maxmem = 132n * n * r * p;
  if (maxmem > BigInt(INT_MAX)) throw malformed('maxmem is above what Python allows');
  const refusal = opensslScryptRefusal(n, r, p, maxmem);
  if (refusal !== undefined) throw malformed(refusal);
  return { n: Number(n), r: Number(r), p: Number(p) };
};

/**
 * Werkzeug ≥ 2.3 `scrypt:<n>:<r>:<p>$<salt>$<hex>`. The salt is text, used as its UTF-8 bytes; the key is
 * 64 bytes. Returns `undefined` for a string with fewer than two `$`, which Werkzeug answers false.
 */
const parseWerkzeugScrypt = (hash: string): ParsedWerkzeugScrypt | undefined => {
  const first = hash.indexOf('$');
  const second = hash.indexOf('$', first + 1);
  if (first < 0 || second < 0) return undefined;
  const cost = parseCost(hash.slice(0, first));
  const saltText = hash.slice(first + 1, second);
  const hexDigest = hash.slice(second + 1);
  if (LONE_SURROGATE.test(saltText)) throw malformed('the salt is not valid Unicode');
  // hmac.compare_digest refuses (TypeError) to compare text that is not ASCII.
  if (!isAscii(hexDigest)) throw malformed('the digest must be ASCII');
  return { ...cost, salt: utf8(saltText), hexDigest };
};

/** What Werkzeug could have written: a cost it reads and the 128 lowercase hex digits of the 64-byte key. */
const isWellFormedWerkzeugScrypt = (hash: string): boolean => {
  try {
    return /^[0-9a-f]{128}$/.test(parseWerkzeugScrypt(hash)?.hexDigest ?? '');
  } catch {
    return false;
  }
};

/**
 * Identified only when well-formed: Django's `scrypt$16384$<salt>$8$5$<base64>` starts with the same word
 * (and Werkzeug itself would read it as a cost-less hash that never matches), so the prefix is not enough.
 */
const werkzeugScrypt: PasswordHashScheme = {
  name: 'werkzeug_scrypt',
  identify: (hash) => (hash.startsWith('scrypt:') || hash.startsWith('scrypt$')) && isWellFormedWerkzeugScrypt(hash),
  prepare: (hash, context) => {
    const parsed = parseWerkzeugScrypt(hash);
    if (parsed === undefined) return { needsUpdate: true, verify: async () => false };
    checkScryptPolicy('werkzeug_scrypt', parsed, context);
    return {
      needsUpdate: scryptMemoryBytes(parsed) < scryptMemoryBytes(WERKZEUG_DEFAULT_COST),
      verify: async (password) => {
        const key = await scryptKey(utf8(password), parsed.salt, parsed, KEY_BYTES);
        return constantTimeEqual(key.toString('hex'), parsed.hexDigest);
      },
    };
  },
};

export type { ParsedWerkzeugScrypt };
export { parseWerkzeugScrypt, werkzeugScrypt };
