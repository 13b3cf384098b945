import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

describe('Module: pre-sign-up (the Lambda entry point)', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubEnv('AWS_REGION', 'local');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('exports the handler Lambda calls', async () => {
    // Act
    const entry = await import('../../src/pre-sign-up.js');

    // Assess
    expect(typeof entry.handler).toBe('function');
  });

  it('fails to load, naming the variable, when its settings are invalid', async () => {
    // Prepare
    vi.stubEnv('DYNAMODB_ENDPOINT', 'not a url');

    // Act / Assess
    await expect(import('../../src/pre-sign-up.js')).rejects.toThrow(/DYNAMODB_ENDPOINT/);
  });
});
