import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVICE_NAMES, type StackPaths, stackPaths, stackStatus, startStack, stopStack } from '../../src/index.js';
import { isProcessAlive } from '../../src/process.js';

/**
 * A second, private stack (its own `.stack` folder), so that `down` can be proven without stopping
 * the stack the other integration tests share.
 */
describe('Function: startStack / stopStack', () => {
  const stackDir = mkdtempSync(join(tmpdir(), 'hashbridge-lifecycle-'));
  const paths: StackPaths = {
    ...stackPaths(),
    stackDir,
    logsDir: join(stackDir, 'logs'),
    stateFile: join(stackDir, 'state.json'),
    envFile: join(stackDir, 'env'),
  };

  afterAll(async () => {
    await stopStack(paths);
    rmSync(stackDir, { recursive: true, force: true });
  });

  it('starts every service, writes the settings, and reports a running stack instead of starting it twice', async () => {
    // Act
    const first = await startStack(paths);
    const second = await startStack(paths);

    // Assess
    expect(first.started).toBe(true);
    expect(first.state.services.map((service) => service.name).sort()).toEqual([...SERVICE_NAMES].sort());
    expect(Object.keys(first.state.env)).toEqual(
      expect.arrayContaining([
        'DATABASE_URL',
        'KAFKA_BROKERS',
        'KAFKA_SASL_BROKERS',
        'KAFKA_SASL_USERNAME',
        'KAFKA_SASL_PASSWORD',
        'DYNAMODB_ENDPOINT',
        'COGNITO_ENDPOINT',
        'LAMBDA_ENDPOINT',
      ]),
    );
    expect(existsSync(paths.envFile)).toBe(true);
    expect(second).toEqual({ state: first.state, started: false });
  });

  it('replaces a stack that lost a service', async () => {
    // Prepare
    const before = stackStatus(paths);
    const dynamodb = before.services.find((service) => service.name === 'dynamodb');
    process.kill(-(dynamodb?.pid ?? 0), 'SIGKILL');
    while (isProcessAlive(dynamodb?.pid ?? 0)) await new Promise((resolve) => setTimeout(resolve, 20));

    // Act
    const restarted = await startStack(paths);

    // Assess
    expect(stackStatus(paths).running).toBe(true);
    expect(restarted.started).toBe(true);
    expect(restarted.state.startedAt).not.toBe(before.state?.startedAt);
    for (const service of before.services) expect(isProcessAlive(-service.pid)).toBe(false);
  });

  it('leaves no process, data folder or settings behind when stopped', async () => {
    // Prepare
    const { state } = stackStatus(paths);

    // Act
    const result = await stopStack(paths);

    // Assess
    expect(result.stopped).toBe(true);
    for (const service of state?.services ?? []) expect(isProcessAlive(-service.pid)).toBe(false);
    expect(existsSync(state?.dataDir ?? '')).toBe(false);
    expect(existsSync(paths.envFile)).toBe(false);
    expect(stackStatus(paths).state).toBeUndefined();
  });
});
