import {
  type FrameworkOracleName,
  type OracleContext,
  type OracleVerdict,
  PythonOracle,
  readFrameworkVectors,
  readPasslibVectors,
} from '@hashbridge/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { identifyHash, listSchemes, type SchemeName } from '../../src/index.js';
import { damagedHash } from '../helpers/damaged-hash.js';
import { ourVerdict } from '../helpers/our-verdict.js';
import { SCHEME_CASES } from '../helpers/scheme-cases.js';

const RUNS = Number(process.env.HASHBRIDGE_PARITY_RUNS ?? 60) * 4;

/** Django's defaults cost up to half a second a verify: damage only hashes made at cheap settings. */
const COSTLY_DEFAULTS: ReadonlySet<string> = new Set([
  'django_pbkdf2_sha256',
  'django_pbkdf2_sha1',
  'django_argon2',
  'django_bcrypt_sha256',
  'django_bcrypt',
  'django_scrypt',
  'werkzeug_pbkdf2',
  'werkzeug_scrypt',
]);

interface Sample {
  readonly scheme: SchemeName;
  readonly hash: string;
  readonly password: string;
  readonly context?: OracleContext | undefined;
}

/** Schemes passlib itself has: their reading of a hash is passlib's, where a framework reads it otherwise. */
const PASSLIB_SCHEMES: ReadonlySet<string> = new Set(
  SCHEME_CASES.filter((schemeCase) => schemeCase.reference === undefined).map((schemeCase) => schemeCase.scheme),
);

type Reference = (sample: Sample) => Promise<OracleVerdict>;

/**
 * The rule exact identification keeps, asked of the references themselves: a hash is named for a scheme only
 * when the scheme's reference can check it (true or false, never its "cannot read this hash" error), and
 * every hash a reference verifies as true is named.
 */
const checkAgainst = async (reference: Reference, sample: Sample): Promise<void> => {
  const { scheme, hash, password, context } = sample;
  // A damaged cost field can ask for days of hashing: the reference would do it, we refuse by policy.
  fc.pre((await ourVerdict(scheme, password, hash, context === undefined ? {} : { context })) !== 'policy');
  const identified = identifyHash(hash, { schemes: [scheme] }) === scheme;
  const verdict = await reference(sample);
  if (identified) expect({ scheme, hash, verdict }).not.toEqual({ scheme, hash, verdict: 'malformed' });
  if (verdict === true) expect({ scheme, hash, identified }).toEqual({ scheme, hash, identified: true });
};

describe('Property: identifyHash names a damaged hash only when its reference can check it', () => {
  const pythons = inject('oraclePythons');
  const passlib = new PythonOracle(pythons.passlib);
  const frameworks: Record<FrameworkOracleName, PythonOracle> = {
    django: new PythonOracle(pythons.django, 'framework_oracle.py'),
    'django-legacy': new PythonOracle(pythons['django-legacy'], 'framework_oracle.py'),
  };
  afterAll(() => Promise.all([passlib, ...Object.values(frameworks)].map((oracle) => oracle.close())));
  const askPasslib: Reference = ({ scheme, password, hash, context }) =>
    passlib.verify(scheme, password, hash, context ?? {});
  const implemented = new Set<string>(listSchemes());

  it('for every scheme, against passlib (and its Werkzeug and WordPress references)', async () => {
    const vectors = readPasslibVectors().filter((vector) => implemented.has(vector.scheme));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...vectors).chain((vector) => damagedHash(vector.hash).map((hash) => ({ ...vector, hash }))),
        (vector) => checkAgainst(askPasslib, { ...vector, scheme: vector.scheme as SchemeName }),
      ),
      { numRuns: RUNS },
    );
  });

  it("for every Django and Werkzeug hasher, against the framework's own check", async () => {
    const vectors = readFrameworkVectors().filter(
      (vector) => Object.keys(vector.settings).length > 0 || !COSTLY_DEFAULTS.has(vector.scheme),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...vectors).chain((vector) => damagedHash(vector.hash).map((hash) => ({ ...vector, hash }))),
        (vector) => {
          const askFramework: Reference = ({ scheme, password, hash }) =>
            frameworks[vector.oracle].verify(scheme, password, hash);
          // passlib's django_* schemes read every string as passlib does, and strings Django never writes
          // differently from Django: Django ignores the salt field of crypt$ hashes, bcrypt 4 refuses the
          // padding bits passlib repairs. Django's own answers for its hashes are framework-parity's.
          const reference = PASSLIB_SCHEMES.has(vector.scheme) ? askPasslib : askFramework;
          return checkAgainst(reference, { ...vector, scheme: vector.scheme as SchemeName });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
