import { readFrameworkVectors } from '@hashbridge/testing';
import { describe, expect, it } from 'vitest';
import type { SchemeName } from '../../src/index.js';
import { FRAMEWORK_CASES } from './framework-cases.js';
import { ourCheck } from './our-verdict.js';

/**
 * One test per framework hasher: every vector Django or Werkzeug made gets the framework's answer, and,
 * where our needsUpdate is the framework's idea (Django 5.2's hashers), Django's `must_update`.
 */
const describeFrameworkVectors = (title: string): void => {
  const vectors = readFrameworkVectors();

  describe(title, () => {
    it.each(FRAMEWORK_CASES)('$scheme: every vector gets the answer the framework gave', async (frameworkCase) => {
      // Prepare
      const cases = vectors.filter((vector) => vector.scheme === frameworkCase.scheme);
      const withNeedsUpdate = (needsUpdate: boolean | undefined) =>
        frameworkCase.comparesNeedsUpdate && needsUpdate !== undefined ? { needsUpdate } : {};

      // Act
      const answers = await Promise.all(
        cases.map(async (vector) => {
          const { verdict, needsUpdate } = await ourCheck(vector.scheme as SchemeName, vector.password, vector.hash);
          return { hash: vector.hash, password: vector.password, verdict, ...withNeedsUpdate(needsUpdate) };
        }),
      );

      // Assess
      expect(cases.length).toBeGreaterThan(0);
      expect(answers).toEqual(
        cases.map((vector) => ({
          hash: vector.hash,
          password: vector.password,
          verdict: vector.expected,
          ...withNeedsUpdate(vector.needsUpdate),
        })),
      );
    });
  });
};

export { describeFrameworkVectors };
