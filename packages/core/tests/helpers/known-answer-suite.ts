import { readFileSync } from 'node:fs';
import type { OracleContext, OracleVerdict } from '@hashbridge/testing';
import { PASSLIB_VECTORS_FILE } from '@hashbridge/testing';
import { describe, expect, it } from 'vitest';
import { listSchemes, type SchemeName } from '../../src/index.js';
import { ourVerdict } from './our-verdict.js';

interface Vector {
  readonly scheme: SchemeName;
  readonly source: 'passlib' | 'libpass';
  readonly hash: string;
  readonly context?: OracleContext;
  readonly password: string;
  readonly expected: OracleVerdict;
}

/** Made by tests/oracle/generate-vectors.ts with real passlib 1.7.4 and libpass 1.9.4. */
const loadVectors = (): Vector[] =>
  (
    JSON.parse(readFileSync(PASSLIB_VECTORS_FILE, 'utf8')) as {
      vectors: Vector[];
    }
  ).vectors;

/** One test per implemented scheme: every vector gets the answer passlib (or libpass) gave. */
const describeKnownAnswerVectors = (title: string): void => {
  const vectors = loadVectors();
  const implemented = new Set(listSchemes());
  const schemes = [...new Set(vectors.map((vector) => vector.scheme))].filter((scheme) => implemented.has(scheme));

  describe(title, () => {
    it.each(schemes)('%s: every vector gets the answer passlib gave', async (scheme) => {
      // Prepare
      const cases = vectors.filter((vector) => vector.scheme === scheme);

      // Act
      const answers = await Promise.all(
        cases.map(async (vector) => ({
          hash: vector.hash,
          password: vector.password,
          verdict: await ourVerdict(
            scheme,
            vector.password,
            vector.hash,
            vector.context ? { context: vector.context } : {},
          ),
        })),
      );

      // Assess
      expect(answers).toEqual(
        cases.map((vector) => ({ hash: vector.hash, password: vector.password, verdict: vector.expected })),
      );
    });
  });
};

export { describeKnownAnswerVectors };
