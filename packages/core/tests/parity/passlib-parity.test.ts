import { PythonOracle } from '@hashbridge/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { listSchemes } from '../../src/index.js';
import { ourVerdict } from '../helpers/our-verdict.js';
import { mutate, mutationArbitrary, passwordArbitrary } from '../helpers/passwords.js';
import { SCHEME_CASES } from '../helpers/scheme-cases.js';

/** Random cases per scheme and run; `HASHBRIDGE_PARITY_RUNS` raises it for a longer hunt. */
const RUNS = Number(process.env.HASHBRIDGE_PARITY_RUNS ?? 60);

/**
 * Property: for any password passlib can hash with a scheme, and any typed candidate (the same, a near
 * miss, one with a NUL byte, another password), our verdict is passlib's: true, false, or the same kind of
 * error. passlib runs live beside the test, so every run tries new passwords and new salts.
 */
describe('Property: verifyPassword answers exactly as passlib', () => {
  const passlib = new PythonOracle(inject('oraclePythons').passlib);
  afterAll(() => passlib.close());

  const implemented = new Set(listSchemes());
  const cases = SCHEME_CASES.filter((schemeCase) => implemented.has(schemeCase.scheme));

  it.each(cases)('for $scheme', async ({ scheme, settings, context }) => {
    await fc.assert(
      fc.asyncProperty(
        passwordArbitrary(),
        mutationArbitrary(),
        passwordArbitrary(),
        fc.nat({ max: settings.length - 1 }),
        fc.string({ minLength: 1, maxLength: 12 }),
        async (password, mutation, other, settingIndex, user) => {
          const hashContext =
            context === undefined ? {} : context === 'user' ? { user } : { user, realm: `realm-${user}` };
          let hash: string;
          try {
            hash = await passlib.hash(scheme, password, settings[settingIndex], hashContext);
          } catch {
            // passlib refuses to hash this password for this scheme (a NUL byte, a character the encoding lacks).
            fc.pre(false);
            return;
          }
          const candidate = mutate(password, mutation, other);
          const expected = await passlib.verify(scheme, candidate, hash, hashContext);
          const ours = await ourVerdict(scheme, candidate, hash, { context: hashContext });
          expect({ scheme, hash, ours }).toEqual({ scheme, hash, ours: expected });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
