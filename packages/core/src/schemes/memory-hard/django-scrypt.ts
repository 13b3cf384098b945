import { constantTimeEqual } from '../../crypto/constant-time.js';
import { MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import { parsePythonBigInt } from '../../python/python-int.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { DJANGO_HASHER_DEFAULTS } from '../django-settings.js';
import { checkScryptPolicy, opensslScryptRefusal, type ScryptCost, scryptKey } from './scrypt-kdf.js';

const SCHEME = 'django_scrypt';
const KEY_BYTES = 64;
/** Django passes `maxmem=0`, so OpenSSL's own limit (SCRYPT_MAX_MEM, 32 MiB) applies. */
const OPENSSL_DEFAULT_MAXMEM = 32n * 1024n * 1024n;
/** hashlib converts n, r and p to C unsigned longs (TypeError outside). */
const ULONG_MAX = 2n ** 64n - 1n;
const LONE_SURROGATE = /\p{Cs}/u;
/** What Django writes: standard base64 of the 64-byte key, padded. */
const DJANGO_DIGEST = /^[A-Za-z0-9+/]{86}==$/;

interface ParsedDjangoScrypt {
  /** The cost Django hashes with: a zero field stands for the hasher's default (`n or self.work_factor`). */
  readonly cost: ScryptCost;
  /** The fields as stored, which must_update compares with the defaults. */
  readonly stored: { readonly n: bigint; readonly r: bigint; readonly p: bigint };
  readonly fields: readonly string[];
  readonly salt: string;
}

const malformed = (reason: string) => new MalformedHashError(SCHEME, reason);

/**
 * Reads `scrypt$<N>$<salt>$<r>$<p>$<hash>` as ScryptPasswordHasher's `decode` and `encode` do, throwing where
 * they raise: exactly six fields, integers as Python's int() reads them, a non-empty salt, and a cost that
 * hashlib.scrypt and OpenSSL accept within OpenSSL's default memory limit.
 */
const parseDjangoScrypt = (hash: string): ParsedDjangoScrypt => {
  const fields = hash.split('$');
  if (fields.length !== 6) throw malformed('expected scrypt$<N>$<salt>$<r>$<p>$<hash>');
  const [algorithm, nText = '', salt = '', rText = '', pText = ''] = fields;
  if (algorithm !== 'scrypt') throw malformed('the algorithm must be scrypt');
  const [n, r, p] = [nText, rText, pText].map(parsePythonBigInt);
  if (n === undefined || r === undefined || p === undefined) throw malformed('N, r and p must be integers');
  if (salt === '') throw malformed('the salt is empty');
  // Python encodes the salt, and compares the whole string, as UTF-8: lone surrogates cannot be encoded.
  if (LONE_SURROGATE.test(hash)) throw malformed('the hash is not valid Unicode');
  const { n: defaultN, r: defaultR, p: defaultP } = DJANGO_HASHER_DEFAULTS.scrypt;
  const [costN, costR, costP] = [n || BigInt(defaultN), r || BigInt(defaultR), p || BigInt(defaultP)];
  if ([costN, costR, costP].some((value) => value < 0n || value > ULONG_MAX)) {
    throw malformed('N, r and p must be unsigned C longs');
  }
  const refusal = opensslScryptRefusal(costN, costR, costP, OPENSSL_DEFAULT_MAXMEM);
  if (refusal !== undefined) throw malformed(refusal);
  return { cost: { n: Number(costN), r: Number(costR), p: Number(costP) }, stored: { n, r, p }, fields, salt };
};

/** The string Django would write for this salt, cost and key: verify compares the stored one with it. */
const encodeDjangoScrypt = ({ cost, salt }: ParsedDjangoScrypt, key: Buffer): string =>
  `scrypt$${cost.n}$${salt}$${cost.r}$${cost.p}$${key.toString('base64')}`;

/** Only what Django itself writes: canonical numbers (none zero) and a 64-byte key; anything else never matches. */
const isCanonical = (hash: string): boolean => {
  try {
    const { cost, fields } = parseDjangoScrypt(hash);
    return (
      fields[1] === String(cost.n) &&
      fields[3] === String(cost.r) &&
      fields[4] === String(cost.p) &&
      DJANGO_DIGEST.test(fields[5] ?? '')
    );
  } catch {
    return false;
  }
};

/**
 * Django's ScryptPasswordHasher (Django 4.0+): `scrypt$16384$<salt>$8$5$<base64 key>`, 64 bytes of
 * hashlib.scrypt over the UTF-8 password and salt. Verify re-encodes and compares whole strings, as Django
 * does, so a stored string it would not have written is never a match. needsUpdate: a cost other than
 * Django 5.2's (N=2^14, r=8, p=5; Django 4.x wrote p=1).
 */
const djangoScrypt: PasswordHashScheme = {
  name: SCHEME,
  identify: (hash) => hash.startsWith('scrypt$') && isCanonical(hash),
  prepare: (hash, context) => {
    const parsed = parseDjangoScrypt(hash);
    checkScryptPolicy(SCHEME, parsed.cost, context);
    const defaults = DJANGO_HASHER_DEFAULTS.scrypt;
    return {
      needsUpdate:
        parsed.stored.n !== BigInt(defaults.n) ||
        parsed.stored.r !== BigInt(defaults.r) ||
        parsed.stored.p !== BigInt(defaults.p),
      verify: async (password) => {
        const key = await scryptKey(utf8(password), utf8(parsed.salt), parsed.cost, KEY_BYTES);
        return constantTimeEqual(encodeDjangoScrypt(parsed, key), hash);
      },
    };
  },
};

export { djangoScrypt };
