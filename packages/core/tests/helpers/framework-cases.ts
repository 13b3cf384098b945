import type { FrameworkOracleName } from '@hashbridge/testing';
import fc from 'fast-check';
import type { SchemeName } from '../../src/index.js';

/**
 * How the framework tests make hashes with Django and Werkzeug themselves: each hasher at the framework's
 * defaults, and random cheap settings (class attributes of Django's hasher, Werkzeug's `method` and
 * `salt_length`) so that thousands of cases fit in a run.
 */
interface FrameworkCase {
  readonly scheme: SchemeName;
  /** The virtualenv whose framework makes and checks the hash. */
  readonly oracle: FrameworkOracleName;
  /** The framework's defaults, as `settings` (Werkzeug's default method is scrypt). */
  readonly defaults: Readonly<Record<string, unknown>>;
  readonly settings: fc.Arbitrary<Record<string, unknown>>;
  /** Our needsUpdate is the framework's own `must_update` (Django 5.2's hashers). */
  readonly comparesNeedsUpdate: boolean;
  /**
   * The scheme refuses passwords with a NUL character where the framework does not: passlib's django_bcrypt
   * refuses them as bcrypt does, and Django's forms never pass one (ProhibitNullCharactersValidator).
   */
  readonly refusesNul?: true;
}

/** Django salts of 1 to 43 characters: `salt_entropy` bits at log2(62) bits per character. */
const saltEntropy = fc.integer({ min: 1, max: 256 });
/** libargon2 wants 8 salt bytes or more: 42 bits make Django draw 8 characters. */
const argon2SaltEntropy = fc.integer({ min: 42, max: 256 });
const powerOfTwo = (min: number, max: number) => fc.integer({ min, max }).map((exponent) => 2 ** exponent);

/** Every digest name Python's hashlib.pbkdf2_hmac accepts here (OpenSSL 3), with some of OpenSSL's aliases. */
const WERKZEUG_DIGESTS = [
  'md5',
  'sha1',
  'sha224',
  'sha256',
  'sha384',
  'sha512',
  'sha512_224',
  'sha512_256',
  'sha3_224',
  'sha3_256',
  'sha3_384',
  'sha3_512',
  'blake2b',
  'blake2s',
  'sm3',
  'ripemd160',
  'md5-sha1',
  'SHA256',
  'sha-512',
] as const;

const FRAMEWORK_CASES: readonly FrameworkCase[] = [
  {
    scheme: 'django_pbkdf2_sha256',
    oracle: 'django',
    defaults: {},
    settings: fc.record({ iterations: fc.integer({ min: 1, max: 3000 }), salt_entropy: saltEntropy }),
    comparesNeedsUpdate: true,
  },
  {
    scheme: 'django_pbkdf2_sha1',
    oracle: 'django',
    defaults: {},
    settings: fc.record({ iterations: fc.integer({ min: 1, max: 3000 }), salt_entropy: saltEntropy }),
    comparesNeedsUpdate: true,
  },
  {
    scheme: 'django_argon2',
    oracle: 'django',
    defaults: {},
    settings: fc
      .record({ time_cost: fc.integer({ min: 1, max: 3 }), parallelism: fc.integer({ min: 1, max: 4 }) })
      .chain((costs) =>
        fc
          .record({
            memory_cost: fc.integer({ min: 8 * costs.parallelism, max: 1024 }),
            salt_entropy: argon2SaltEntropy,
          })
          .map((more) => ({ ...costs, ...more })),
      ),
    comparesNeedsUpdate: true,
  },
  {
    scheme: 'django_bcrypt_sha256',
    oracle: 'django',
    defaults: {},
    settings: fc.record({ rounds: fc.integer({ min: 4, max: 5 }) }),
    comparesNeedsUpdate: true,
  },
  {
    scheme: 'django_bcrypt',
    oracle: 'django',
    defaults: {},
    settings: fc.record({ rounds: fc.integer({ min: 4, max: 5 }) }),
    comparesNeedsUpdate: true,
    refusesNul: true,
  },
  {
    scheme: 'django_scrypt',
    oracle: 'django',
    defaults: {},
    settings: fc.record({
      work_factor: powerOfTwo(1, 10),
      block_size: fc.integer({ min: 1, max: 8 }),
      parallelism: fc.integer({ min: 1, max: 3 }),
      salt_entropy: saltEntropy,
    }),
    comparesNeedsUpdate: true,
  },
  {
    scheme: 'django_salted_md5',
    oracle: 'django',
    defaults: {},
    settings: fc.record({ salt_entropy: saltEntropy }),
    comparesNeedsUpdate: true,
  },
  { scheme: 'django_disabled', oracle: 'django', defaults: {}, settings: fc.constant({}), comparesNeedsUpdate: true },
  // Django 4.2 wrote these; Django 5.2 has no hasher for them, so Django 4.2's answers are the reference.
  {
    scheme: 'django_salted_sha1',
    oracle: 'django-legacy',
    defaults: {},
    settings: fc.record({ salt_entropy: saltEntropy }),
    comparesNeedsUpdate: false,
  },
  {
    scheme: 'django_unsalted_md5',
    oracle: 'django-legacy',
    defaults: {},
    settings: fc.constant({}),
    comparesNeedsUpdate: false,
  },
  {
    scheme: 'django_unsalted_sha1',
    oracle: 'django-legacy',
    defaults: {},
    settings: fc.constant({}),
    comparesNeedsUpdate: false,
  },
  {
    scheme: 'django_des_crypt',
    oracle: 'django-legacy',
    defaults: {},
    settings: fc.constant({}),
    comparesNeedsUpdate: false,
  },
  {
    scheme: 'werkzeug_pbkdf2',
    oracle: 'django',
    defaults: { method: 'pbkdf2' },
    settings: fc
      .record({
        digest: fc.constantFrom(...WERKZEUG_DIGESTS),
        iterations: fc.integer({ min: 1, max: 3000 }),
        salt_length: fc.integer({ min: 1, max: 24 }),
      })
      .map(({ digest, iterations, salt_length }) => ({ method: `pbkdf2:${digest}:${iterations}`, salt_length })),
    comparesNeedsUpdate: false,
  },
  {
    scheme: 'werkzeug_scrypt',
    oracle: 'django',
    defaults: {},
    settings: fc
      .record({
        n: powerOfTwo(1, 10),
        r: fc.integer({ min: 1, max: 8 }),
        p: fc.integer({ min: 1, max: 3 }),
        salt_length: fc.integer({ min: 1, max: 24 }),
      })
      // Werkzeug passes maxmem = 132·n·r·p, less than OpenSSL needs for small n: it cannot hash those.
      .filter(({ n, r, p }) => 128 * r * (n + 2 + p) <= 132 * n * r * p)
      .map(({ n, r, p, salt_length }) => ({ method: `scrypt:${n}:${r}:${p}`, salt_length })),
    comparesNeedsUpdate: false,
  },
];

export type { FrameworkCase };
export { FRAMEWORK_CASES, WERKZEUG_DIGESTS };
