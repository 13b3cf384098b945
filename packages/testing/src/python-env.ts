import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The reference implementations, each in its own virtualenv: passlib and libpass (both install the `passlib`
 * module), Django 5.2 with Werkzeug 3 (`django`), and Django 4.2 for the hashers Django 5 removed (`django-legacy`).
 */
type OracleName = 'passlib' | 'libpass' | 'django' | 'django-legacy';

const ORACLE_DIR = fileURLToPath(new URL('../oracle/', import.meta.url));

const cacheDir = (): string =>
  process.env.HASHBRIDGE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'hashbridge');

/**
 * Makes (once) a virtualenv named `name` with the pinned `requirements` file and returns its python. The folder
 * name carries a digest of the requirements, so changing a pin builds a fresh one; it is built under a
 * temporary name, so an interrupted install is never reused. Other packages' tests use it for their tools.
 */
const ensureVirtualenv = (name: string, requirements: string): string => {
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
        `setting up the ${name} virtualenv failed at \`${command} ${args.join(' ')}\`: ${result.error?.message ?? `${result.stdout}${result.stderr}`.trim().slice(-2000)}\nPython 3.9+ with venv and access to PyPI are needed (Debian: apt-get install python3-venv).`,
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

/** The virtualenv of one reference implementation (requirements in oracle/). */
const ensurePythonEnv = (name: OracleName): string =>
  ensureVirtualenv(name, join(ORACLE_DIR, `requirements-${name}.txt`));

export type { OracleName };
export { ensurePythonEnv, ensureVirtualenv, ORACLE_DIR };
