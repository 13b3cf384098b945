import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/operator-cli.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');

/** Credentials and a region for the SDK clients: the local services accept any. */
const LOCAL_AWS = Object.freeze({
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
});

interface HashbridgeRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The empty folder it ran in, where it wrote its files. */
  readonly cwd: string;
}

/**
 * Runs `hashbridge <args> --progress off` from the TypeScript source in an empty folder of its own, with the
 * environment and `env` on top. Asynchronous, so a fake served by the test's own process can answer it.
 */
const runHashbridge = (args: readonly string[], env: Record<string, string> = {}): Promise<HashbridgeRun> => {
  const cwd = mkdtempSync(join(tmpdir(), 'hashbridge-command-'));
  const child = spawn(process.execPath, ['--import', TSX, CLI, ...args, '--progress', 'off'], {
    cwd,
    env: { ...process.env, ...LOCAL_AWS, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr, cwd })));
};

export type { HashbridgeRun };
export { LOCAL_AWS, runHashbridge };
