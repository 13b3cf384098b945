import { type FrameworkOracleName, PythonOracle } from '@hashbridge/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { FRAMEWORK_CASES } from '../helpers/framework-cases.js';
import { ourCheck } from '../helpers/our-verdict.js';
import { mutate, mutationArbitrary, passwordArbitrary } from '../helpers/passwords.js';

/** Random cases per hasher and run; `HASHBRIDGE_PARITY_RUNS` raises it for a longer hunt. */
const RUNS = Number(process.env.HASHBRIDGE_PARITY_RUNS ?? 60);

/**
 * Property: for any password Django or Werkzeug hashes with a hasher at any of its (cheap) settings, and any
 * typed candidate (the same, a near miss, one with a NUL byte, another password), our verdict is the
 * framework's own check_password / check_password_hash answer, and our needsUpdate Django's must_update.
 * The frameworks run live beside the test, so every run tries new passwords, salts and settings.
 */
describe('Property: verifyPassword answers exactly as Django and Werkzeug', () => {
  const pythons = inject('oraclePythons');
  const oracles: Record<FrameworkOracleName, PythonOracle> = {
    django: new PythonOracle(pythons.django, 'framework_oracle.py'),
    'django-legacy': new PythonOracle(pythons['django-legacy'], 'framework_oracle.py'),
  };
  afterAll(() => Promise.all(Object.values(oracles).map((oracle) => oracle.close())));

  it.each(FRAMEWORK_CASES)('for $scheme', async (frameworkCase) => {
    const oracle = oracles[frameworkCase.oracle];
    await fc.assert(
      fc.asyncProperty(
        passwordArbitrary(),
        mutationArbitrary(),
        passwordArbitrary(),
        frameworkCase.settings,
        async (password, mutation, other, settings) => {
          const candidate = mutate(password, mutation, other);
          fc.pre(frameworkCase.refusesNul !== true || !`${password}${candidate}`.includes('\0'));
          let hash: string;
          try {
            hash = await oracle.hash(frameworkCase.scheme, password, settings);
          } catch {
            // The framework refuses to hash this password (crypt(3) and a NUL byte).
            fc.pre(false);
            return;
          }
          const expected = await oracle.check(frameworkCase.scheme, candidate, hash);
          const ours = await ourCheck(frameworkCase.scheme, candidate, hash);
          const compared = (check: { verdict: unknown; needsUpdate?: boolean }) =>
            frameworkCase.comparesNeedsUpdate ? check : { verdict: check.verdict };
          expect({ hash, settings, ours: compared(ours) }).toEqual({ hash, settings, ours: compared(expected) });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
