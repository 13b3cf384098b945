import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LAMBDA_LAYER_MODULES_DIR,
  loadHashBackends,
  loadOptionalModule,
} from '../../src/migration/load-hash-backends.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A layer-shaped folder (`nodejs/node_modules/<name>`) holding one CommonJS package; returns its modules folder. */
const layerWith = (name: string, source: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'hashbridge-layer-'));
  dirs.push(dir);
  const modules = join(dir, 'nodejs', 'node_modules');
  mkdirSync(join(modules, name), { recursive: true });
  writeFileSync(join(modules, name, 'package.json'), JSON.stringify({ name, main: 'index.js' }));
  writeFileSync(join(modules, name, 'index.js'), source);
  return modules;
};

describe('Function: loadOptionalModule', () => {
  it('imports a package normal resolution finds', async () => {
    expect(await loadOptionalModule<{ hash: unknown }>('@node-rs/bcrypt', '/nowhere')).toHaveProperty('hash');
  });

  it('requires a package that only the layer holds, where ES modules never look', async () => {
    // Prepare
    const layer = layerWith('only-in-layer', 'exports.answer = 42;');

    // Act
    const loaded = await loadOptionalModule<{ answer: number }>('only-in-layer', layer);

    // Assess
    expect(loaded?.answer).toBe(42);
  });

  it('answers undefined for a package that is nowhere, and for one that fails to load', async () => {
    // Prepare: a native addon built for another platform throws as it loads.
    const layer = layerWith('broken-addon', "throw new Error('not a valid ELF header');");

    // Act / Assess
    expect(await loadOptionalModule('no-such-package-anywhere', layer)).toBeUndefined();
    expect(await loadOptionalModule('broken-addon', layer)).toBeUndefined();
  });
});

describe('Function: loadHashBackends', () => {
  it('looks in the Lambda layer folder by default', () => {
    expect(LAMBDA_LAYER_MODULES_DIR).toBe('/opt/nodejs/node_modules');
  });

  it('finds the native @node-rs modules where they are installed', async () => {
    // Act
    const choice = await loadHashBackends('native', '/nowhere');

    // Assess
    expect(choice).toMatchObject({ bcrypt: { hash: expect.any(Function) }, argon2: { hashRaw: expect.any(Function) } });
  });

  it("chooses the portable backends for 'wasm', without loading anything", async () => {
    expect(await loadHashBackends('wasm')).toBe('wasm');
  });
});
