import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DEMO = fileURLToPath(new URL('../../demo.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');

describe('npm run demo', () => {
  it('takes legacy users of five scheme families from PostgreSQL to Cognito tokens and ends with DEMO OK', () => {
    // Act: the demo reuses the stack the integration tests run.
    const result = spawnSync(process.execPath, ['--import', TSX, DEMO], { encoding: 'utf8', timeout: 120_000 });

    // Assess
    expect(result.stderr).not.toMatch(/DEMO FAILED/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^DEMO OK: 5 legacy users/m);
    expect(result.stdout).toMatch(/wrong password → NotAuthorizedException/);
    expect(result.stdout).toMatch(/tokens, no trigger call/);
  });
});
