import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOptional } from '../../../src/backends/load-optional.js';

describe('Function: loadOptional', () => {
  const dirs: string[] = [];
  afterEach(() => {
    delete process.env.HASHBRIDGE_NATIVE_MODULES_DIR;
    delete process.env.HASHBRIDGE_HASH_BACKEND;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A layer-shaped folder (`nodejs/node_modules/<name>`) holding one CommonJS package. */
  const layerWith = (name: string, source: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'hashbridge-layer-'));
    dirs.push(dir);
    const modules = join(dir, 'nodejs', 'node_modules');
    mkdirSync(join(modules, name), { recursive: true });
    writeFileSync(join(modules, name, 'package.json'), JSON.stringify({ name, main: 'index.js' }));
    writeFileSync(join(modules, name, 'index.js'), source);
    return modules;
  };

  it('imports an installed package', async () => {
    expect(await loadOptional<{ hash: unknown }>('@node-rs/bcrypt')).toHaveProperty('hash');
  });

  it('requires a package that only a Lambda layer holds, where ES modules would not look', async () => {
    // Prepare
    process.env.HASHBRIDGE_NATIVE_MODULES_DIR = layerWith('only-in-layer', 'exports.answer = 42;');

    // Act
    const loaded = await loadOptional<{ answer: number }>('only-in-layer');

    // Assess
    expect(loaded?.answer).toBe(42);
  });

  it('answers undefined for a package that is nowhere, and when native backends are disabled', async () => {
    expect(await loadOptional('no-such-package-anywhere')).toBeUndefined();
    process.env.HASHBRIDGE_HASH_BACKEND = 'wasm';
    expect(await loadOptional('@node-rs/bcrypt')).toBeUndefined();
  });
});
