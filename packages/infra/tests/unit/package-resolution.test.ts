import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BundlingError } from '../../src/index.js';
import {
  findInstalledPackage,
  findLockFile,
  PACKAGE_DIRECTORY,
  resolveModuleFile,
} from '../../src/package-resolution.js';

const roots: string[] = [];

/** A made-up app folder under the system temp folder, with the files given (relative path → content). */
const makeTree = (files: Record<string, string>): string => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'hashbridge-resolution-')));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
};

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('Function: findInstalledPackage', () => {
  it('finds the nearest installed copy on the way up, as Node would', () => {
    // Prepare
    const root = makeTree({
      'node_modules/@node-rs/bcrypt/package.json': '{}',
      'node_modules/@hashbridge/core/node_modules/@node-rs/bcrypt/package.json': '{}',
      'node_modules/@hashbridge/core/dist/index.js': '',
    });

    // Act
    const fromCore = findInstalledPackage('@node-rs/bcrypt', join(root, 'node_modules/@hashbridge/core/dist'));
    const fromRoot = findInstalledPackage('@node-rs/bcrypt', root);

    // Assess
    expect(fromCore).toBe(join(root, 'node_modules/@hashbridge/core/node_modules/@node-rs/bcrypt'));
    expect(fromRoot).toBe(join(root, 'node_modules/@node-rs/bcrypt'));
  });

  it('returns undefined when the package is installed nowhere above', () => {
    // Prepare
    const root = makeTree({ 'package.json': '{}' });

    // Act
    const found = findInstalledPackage('@hashbridge/not-installed', root);

    // Assess
    expect(found).toBeUndefined();
  });
});

describe('Function: findLockFile', () => {
  it('takes the nearest lock file above the file, whatever the working directory', () => {
    // Prepare
    const root = makeTree({
      'package-lock.json': '{}',
      'node_modules/@hashbridge/handlers/dist/migration.js': '',
    });

    // Act
    const lockFile = findLockFile(join(root, 'node_modules/@hashbridge/handlers/dist/migration.js'));

    // Assess
    expect(lockFile).toBe(join(root, 'package-lock.json'));
  });

  it('throws BundlingError when no lock file is above the file', () => {
    // Prepare
    const root = makeTree({ 'handler.js': '' });

    // Act & Assess
    expect(() => findLockFile(join(root, 'handler.js'))).toThrow(BundlingError);
    expect(() => findLockFile(join(root, 'handler.js'))).toThrow(
      expect.objectContaining({ code: 'ERR_INFRA_BUNDLING' }),
    );
  });
});

describe('Function: resolveModuleFile', () => {
  it("resolves a handler through @hashbridge/handlers' exports to its built module", () => {
    // Prepare & Act
    const file = resolveModuleFile('@hashbridge/handlers/migration');

    // Assess
    expect(file).toMatch(/[/\\]dist[/\\]migration\.js$/);
  });

  it('throws BundlingError naming the package to install when it is not installed', () => {
    // Prepare & Act & Assess
    expect(() => resolveModuleFile('@hashbridge/not-installed/loader')).toThrow(
      /install @hashbridge\/not-installed beside it/,
    );
    expect(() => resolveModuleFile('@hashbridge/not-installed/loader')).toThrow(BundlingError);
  });
});

describe('Constant: PACKAGE_DIRECTORY', () => {
  it('is the folder of @hashbridge/infra itself', () => {
    // Prepare & Act
    const manifest = JSON.parse(readFileSync(join(PACKAGE_DIRECTORY, 'package.json'), 'utf8')) as { name: string };

    // Assess
    expect(manifest.name).toBe('@hashbridge/infra');
  });
});
