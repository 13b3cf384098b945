import { readFileSync } from 'node:fs';
import { type OracleContext, PASSLIB_VECTORS_FILE, PythonOracle } from '@hashbridge/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { listSchemes, type SchemeName } from '../../src/index.js';
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

/** Damage a stored hash the ways storage and hands damage them. */
const damagedHash = (hash: string) =>
  fc.oneof(
    fc.nat({ max: Math.max(0, hash.length - 1) }).map((end) => hash.slice(0, end)),
    fc
      .tuple(fc.nat({ max: hash.length }), fc.string({ minLength: 1, maxLength: 2 }))
      .map(([at, text]) => hash.slice(0, at) + text + hash.slice(at)),
    fc
      .tuple(fc.nat({ max: Math.max(0, hash.length - 1) }), fc.string({ minLength: 1, maxLength: 1 }))
      .map(([at, char]) => hash.slice(0, at) + char + hash.slice(at + 1)),
    fc.constant(hash.toUpperCase()),
    fc.constant(hash.toLowerCase()),
    fc.constant(` ${hash}`),
    fc.constant(`${hash}\n`),
  );

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
