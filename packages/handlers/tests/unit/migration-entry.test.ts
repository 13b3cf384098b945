import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The entry point's choice is watched through the real useHashBackends, so the answers stay real.
vi.mock('@hashbridge/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('@hashbridge/core')>();
  return { ...core, useHashBackends: vi.fn(core.useHashBackends) };
});

/** Loads the entry point afresh (its module scope runs again) and returns what it made useHashBackends choose. */
const chosenAtColdStart = async () => {
  await import('../../src/migration.js');
  const { useHashBackends } = await import('@hashbridge/core');
  return vi.mocked(useHashBackends).mock.results.map((result) => result.value);
};

describe('Module: migration (the Lambda entry point), its hash backends', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubEnv('AWS_REGION', 'local');
  });
  afterEach(async () => {
    const { useHashBackends } = await import('@hashbridge/core');
    vi.mocked(useHashBackends).mockClear();
    vi.unstubAllEnvs();
  });

  it('injects the native @node-rs modules it finds', async () => {
    expect(await chosenAtColdStart()).toEqual([{ bcrypt: '@node-rs/bcrypt', argon2: '@node-rs/argon2' }]);
  });

  it('keeps the portable backends when HASHBRIDGE_HASH_BACKEND is wasm', async () => {
    // Prepare
    vi.stubEnv('HASHBRIDGE_HASH_BACKEND', 'wasm');

    // Act / Assess
    expect(await chosenAtColdStart()).toEqual([{ bcrypt: 'hash-wasm', argon2: 'hash-wasm' }]);
  });

  it('fails to load, naming the variable, when HASHBRIDGE_HASH_BACKEND is neither native nor wasm', async () => {
    // Prepare
    vi.stubEnv('HASHBRIDGE_HASH_BACKEND', 'fast');

    // Act / Assess
    await expect(import('../../src/migration.js')).rejects.toThrow(/HASHBRIDGE_HASH_BACKEND/);
  });
});
