import type { StackEnv } from '../types/stack.js';

/**
 * What the integration global setup hands to tests (`inject('stackEnv')`). Test packages import this
 * module for its types: `import type {} from '@hashbridge/local-stack/testing';`.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** The running stack's settings, as in `.stack/env`. */
    stackEnv: StackEnv;
  }
}
