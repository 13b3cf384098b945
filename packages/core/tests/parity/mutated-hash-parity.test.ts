import { readFileSync } from 'node:fs';
import { type OracleContext, PASSLIB_VECTORS_FILE, PythonOracle } from '@hashbridge/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { listSchemes, type SchemeName } from '../../src/index.js';
import { damagedHash } from '../helpers/damaged-hash.js';
import { ourVerdict } from '../helpers/our-verdict.js';

interface Vector {
  readonly scheme: SchemeName;
  readonly hash: string;
  readonly context?: OracleContext;
  readonly password: string;
}

const { vectors } = JSON.parse(readFileSync(PASSLIB_VECTORS_FILE, 'utf8')) as {
  vectors: Vector[];
};

const RUNS = Number(process.env.HASHBRIDGE_PARITY_RUNS ?? 60) * 4;

/**
 * Property: whatever happens to a stored hash (truncated, a character changed, case changed, whitespace
 * around it), we answer as passlib does: the same verdict, or the same kind of error.
 */
describe("Property: damaged hashes get passlib's answer", () => {
  const passlib = new PythonOracle(inject('oraclePythons').passlib);
  afterAll(() => passlib.close());
  const implemented = new Set(listSchemes());
  const candidates = vectors.filter((vector) => implemented.has(vector.scheme));

  it('for every implemented scheme', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...candidates).chain((vector) => damagedHash(vector.hash).map((hash) => ({ ...vector, hash }))),
        async ({ scheme, hash, password, context }) => {
          // A damaged cost field can ask for days of hashing: passlib would do it, we refuse by policy.
          const ours = await ourVerdict(scheme, password, hash, context === undefined ? {} : { context });
          fc.pre(ours !== 'policy');
          const expected = await passlib.verify(scheme, password, hash, context ?? {});
          expect({ scheme, hash, ours }).toEqual({ scheme, hash, ours: expected });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
