import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportFiles } from '../../src/import/import-files.js';

const HEADER = ['cognito:username', 'email', 'password_hash'];
const userLine = (n: number) => ({
  email: `u${n}@example.com`,
  scheme: 'bcrypt' as const,
  sourceId: String(n),
  sourceVersion: 1,
});
const rowOf = (n: number) => [`u${n}@example.com`, `u${n}@example.com`, `$2b$04$${'x'.repeat(53)}`];

describe('Class: ImportFiles', () => {
  it('keeps one series per algorithm, each file with the header, and a sidecar of its users without hashes', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'hashbridge-import-files-'));
    const files = new ImportFiles(dir, HEADER);

    // Act
    await files.add('BCRYPT', rowOf(1), userLine(1));
    await files.add('ARGON2ID', rowOf(2), userLine(2));
    await files.add('BCRYPT', rowOf(3), userLine(3));
    const written = await files.close();

    // Assess
    expect(written.map((file) => [file.algorithm, file.users])).toEqual([
      ['ARGON2ID', 1],
      ['BCRYPT', 2],
    ]);
    const bcrypt = written[1];
    expect(readFileSync(bcrypt?.path ?? '', 'utf8').split('\n')[0]).toBe(HEADER.join(','));
    const sidecar = readFileSync(bcrypt?.usersPath ?? '', 'utf8');
    expect(
      sidecar
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).email),
    ).toEqual(['u1@example.com', 'u3@example.com']);
    expect(sidecar).not.toContain('$2b$');
  });

  it('starts the next file of an algorithm before one would pass the size limit', async () => {
    // Prepare: room for the header and two rows.
    const dir = mkdtempSync(join(tmpdir(), 'hashbridge-import-files-'));
    const files = new ImportFiles(dir, HEADER, 260);

    // Act
    for (let n = 1; n <= 5; n++) await files.add('BCRYPT', rowOf(n), userLine(n));
    const written = await files.close();

    // Assess
    expect(written.map((file) => [file.path.split('/').pop(), file.users])).toEqual([
      ['bcrypt-1.csv', 2],
      ['bcrypt-2.csv', 2],
      ['bcrypt-3.csv', 1],
    ]);
    for (const file of written) expect(readFileSync(file.path).length).toBeLessThanOrEqual(260);
  });
});
