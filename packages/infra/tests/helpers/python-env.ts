import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Python tools the infra tests run, each from `tests/<name>-requirements.txt`. */
type PythonToolName = 'cfn-lint';

const TESTS_DIR = fileURLToPath(new URL('../', import.meta.url));

const cacheDir = (): string =>
  process.env.HASHBRIDGE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'hashbridge');

/**
 * Makes (once) a virtualenv with the pinned requirements of `name` and returns its python: run a tool as
 * `python -m <module>`, because the console scripts' shebangs name the temporary folder. Same scheme as
 * packages/core's oracle environments: the folder name carries a digest of the requirements, so changing a pin
 * builds a fresh one, and it is built under a temporary name so an interrupted install is never reused.
 */
const ensurePythonEnv = (name: PythonToolName): string => {
  const requirements = join(TESTS_DIR, `${name}-requirements.txt`);
  const digest = createHash('sha256').update(readFileSync(requirements)).digest('hex').slice(0, 12);
  const envDir = join(cacheDir(), 'python', `${name}-${digest}`);
  const python = join(envDir, 'bin', 'python');
  if (existsSync(join(envDir, '.complete'))) return python;

  const partial = `${envDir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(join(cacheDir(), 'python'), { recursive: true });
  const run = (command: string, args: string[]): void => {
    const result = spawnSync(command, args, { encoding: 'utf8' });
    if (result.error !== undefined || result.status !== 0) {
      rmSync(partial, { recursive: true, force: true });
      throw new Error(
        `setting up ${name} failed at \`${command} ${args.join(' ')}\`: ${result.error?.message ?? `${result.stdout}${result.stderr}`.trim().slice(-2000)}\nPython 3.9+ with venv and access to PyPI are needed (Debian: apt-get install python3-venv).`,
      );
    }
  };
  run('python3', ['-m', 'venv', partial]);
  run(join(partial, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', '-r', requirements]);
  writeFileSync(join(partial, '.complete'), `${new Date().toISOString()}\n`);
  rmSync(envDir, { recursive: true, force: true });
  renameSync(partial, envDir);
  return python;
};

export type { PythonToolName };
export { ensurePythonEnv };
