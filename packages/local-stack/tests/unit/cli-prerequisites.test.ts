import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const TSX_LOADER = createRequire(import.meta.url).resolve('tsx');

/** Runs `stack up` from an empty folder, with only the named programs on PATH. */
const runUpWith = (programs: Record<string, string>, extraEnv: Record<string, string> = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'hashbridge-cli-test-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const [name, target] of Object.entries(programs)) symlinkSync(target, join(bin, name));
  const { JAVA_HOME: _javaHome, ...env } = process.env;
  const result = spawnSync(process.execPath, ['--import', TSX_LOADER, CLI, 'up'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...env, PATH: bin, HASHBRIDGE_CACHE_DIR: join(dir, 'cache'), ...extraEnv },
  });
  rmSync(dir, { recursive: true, force: true });
  return result;
};

const which = (program: string): string => {
  const found = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).stdout.trim();
  if (found === '') throw new Error(`${program} is not installed on this machine; the test needs it`);
  return found;
};

describe('CLI: stack up without its prerequisites', () => {
  it('says in one line that Java 17+ is needed and how to get it, with no stack trace', () => {
    // Act
    const result = runUpWith({ node: process.execPath });

    // Assess
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^stack: Java 17\+ is needed to run the Kafka broker.*apt-get install openjdk-17/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('says that Maven is needed once when HASHBRIDGE_KAFKA_JARS=maven asks for it and no mvn is there', () => {
    // Act
    const result = runUpWith({ node: process.execPath, java: which('java') }, { HASHBRIDGE_KAFKA_JARS: 'maven' });

    // Assess
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^stack: Maven is needed once, to fetch the Kafka 4\.2\.2 jars.*apt-get install maven/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
