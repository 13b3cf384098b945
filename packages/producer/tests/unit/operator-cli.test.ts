import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/hashbridge.mjs', import.meta.url));

/** The environment without any setting the commands read, so each test gives its own. */
const { AWS_REGION, COGNITO_USER_POOL_ID, COGNITO_ENDPOINT, DYNAMODB_ENDPOINT, ...bareEnv } = process.env;

const hashbridge = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...bareEnv, DATABASE_URL: '', KAFKA_BROKERS: '' },
  });

// Each case starts Node: about a second alone, several while the other test projects share the 2 cores.
describe('The hashbridge command', { timeout: 30_000 }, () => {
  it('lists its commands with --help and exits 0', () => {
    const { status, stdout } = hashbridge('--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: hashbridge <command> \[options\]/);
    expect(stdout).toMatch(/^ {2}export {5}stream the legacy users/m);
    expect(stdout).toMatch(/^ {2}audit {6}before anything is sent/m);
    expect(stdout).toMatch(/^ {2}import {5}the native lane/m);
    expect(stdout).toMatch(/^ {2}status {5}during/m);
    expect(stdout).toMatch(/^ {2}finish {5}the end/m);
  });

  it('prints the usage and exits 2 without a command, or with one it does not know', () => {
    expect(hashbridge().status).toBe(2);
    const unknown = hashbridge('exprot');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^hashbridge: unknown command "exprot"/);
  });

  it('runs the export as `hashbridge export`, with its own help under that name', () => {
    const { status, stdout } = hashbridge('export', '--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: hashbridge export \[options\]/);
    expect(stdout).toContain('--database-url <url>');
  });

  it('documents the audit under `hashbridge audit --help`: its source flags and report options', () => {
    const { status, stdout } = hashbridge('audit', '--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: hashbridge audit \[options\]/);
    expect(stdout).toContain('--database-url <url>');
    expect(stdout).toContain('--disabled-column <name>');
    expect(stdout).toContain('--migration-memory <MB>');
    expect(stdout).toContain('--json');
  });

  it('exits 2 and names the option when the audit is given one it does not know', () => {
    const { status, stderr } = hashbridge('audit', '--colour');
    expect(status).toBe(2);
    expect(stderr).toContain('--colour');
  });

  it('documents the native import under `hashbridge import --help`', () => {
    const { status, stdout } = hashbridge('import', '--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: hashbridge import \[options\]/);
    expect(stdout).toContain('--files-only');
    expect(stdout).toContain('--user-pool-id <id>');
    expect(stdout).toContain('--disabled-column <name>');
  });

  it('exits 2 and names what an import job needs when the pool, role and region are missing', () => {
    const { status, stderr } = hashbridge('import', '--database-url', 'postgres://unused', '--progress', 'off');
    expect(status).toBe(2);
    expect(stderr).toContain('--user-pool-id: is required');
    expect(stderr).toContain('--import-role-arn: is required');
    expect(stderr).toContain('--files-only');
  });

  it('documents status and finish under their --help, finish as a dry run unless --yes', () => {
    const status = hashbridge('status', '--help');
    const finish = hashbridge('finish', '--help');
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/^Usage: hashbridge status \[options\]/);
    expect(status.stdout).toContain('--segments <n>');
    expect(status.stdout).toContain('--source');
    expect(finish.status).toBe(0);
    expect(finish.stdout).toMatch(/^Usage: hashbridge finish \[options\]/);
    expect(finish.stdout).toContain('A dry run by default');
    expect(finish.stdout).toContain('--long-tail list|csv');
  });

  it('exits 2 when status is asked to compare with a legacy table it has no connection for', () => {
    const { status, stderr } = hashbridge('status', '--source', '--progress', 'off');
    expect(status).toBe(2);
    expect(stderr).toContain('--database-url: is required with --source');
  });

  it('exits 2 with every missing setting named when the export has no connection settings', () => {
    const { status, stderr } = hashbridge('export', '--progress', 'off');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^hashbridge: invalid settings:\n {2}--database-url: is required/);
    expect(stderr).toContain('--brokers: is required');
  });
});
