import { ensurePythonEnv } from '@hashbridge/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Python interpreters of the reference virtualenvs. */
    oraclePythons: { passlib: string; libpass: string; django: string; 'django-legacy': string };
  }
}

/** Builds the passlib, libpass and framework virtualenvs once (pip from PyPI), before any worker needs them. */
const setup = (project: TestProject): void => {
  project.provide('oraclePythons', {
    passlib: ensurePythonEnv('passlib'),
    libpass: ensurePythonEnv('libpass'),
    django: ensurePythonEnv('django'),
    'django-legacy': ensurePythonEnv('django-legacy'),
  });
};

export default setup;
