import { fileURLToPath } from 'node:url';
import { ensureVirtualenv } from '@hashbridge/testing';

/** The Python tools the infra tests run, each pinned in `tests/<name>-requirements.txt`. */
type PythonToolName = 'cfn-lint';

/**
 * The virtualenv of a Python tool, made once with the same helper as core's passlib oracles. Run the tool
 * through its python, not its console script: the scripts' shebangs name the temporary build folder.
 */
const ensurePythonEnv = (name: PythonToolName): string =>
  ensureVirtualenv(name, fileURLToPath(new URL(`../${name}-requirements.txt`, import.meta.url)));

export type { PythonToolName };
export { ensurePythonEnv };
