import type { TestProject } from 'vitest/node';
import { stackPaths } from '../paths.js';
import { startStack, stopStack } from '../stack.js';
import type {} from './provided-context.js';

/**
 * Vitest global setup for integration tests: reuses a stack that `npm run stack:up` left running,
 * or starts one for this run and stops it afterwards. Tests read the settings with
 * `inject('stackEnv')`.
 */
const setup = async (project: TestProject): Promise<() => Promise<void>> => {
  const paths = stackPaths();
  const { state, started } = await startStack(paths, (line) => process.stderr.write(`[stack] ${line}\n`));
  project.provide('stackEnv', state.env);
  return async () => {
    if (started) await stopStack(paths);
  };
};

export default setup;
