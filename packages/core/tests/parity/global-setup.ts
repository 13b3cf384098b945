import { ensurePythonEnv } from '@hashbridge/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Python interpreters of the two reference virtualenvs. */
    oraclePythons: { passlib: string; libpass: string };
  }
}

/** Builds the passlib and libpass virtualenvs once (pip from PyPI), before any worker needs them. */
const setup = (project: TestProject): void => {
  project.provide('oraclePythons', { passlib: ensurePythonEnv('passlib'), libpass: ensurePythonEnv('libpass') });
};

export default setup;
