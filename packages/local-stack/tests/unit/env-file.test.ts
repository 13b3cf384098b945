import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnvFile, writeEnvFile } from '../../src/env-file.js';

describe('Function: writeEnvFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashbridge-env-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes dotenv lines that read back to the same settings, readable by the owner only', () => {
    // Prepare
    const file = join(dir, 'env');
    const env = { DATABASE_URL: 'postgres://hashbridge@127.0.0.1:5432/hashbridge', KAFKA_SASL_PASSWORD: 'a-b_c' };

    // Act
    writeEnvFile(file, env);

    // Assess
    expect(readEnvFile(file)).toEqual(env);
    expect(readFileSync(file, 'utf8')).toContain('DATABASE_URL=postgres://hashbridge@127.0.0.1:5432/hashbridge\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
