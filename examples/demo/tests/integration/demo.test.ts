import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DEMO = fileURLToPath(new URL('../../demo.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');

describe('npm run demo', () => {
  it('takes legacy users of five scheme families from PostgreSQL to Cognito tokens, shows their lanes, and ends with DEMO OK', () => {
    // Act: the demo reuses the stack the integration tests run.
    const result = spawnSync(process.execPath, ['--import', TSX, DEMO], { encoding: 'utf8', timeout: 120_000 });

    // Assess
    expect(result.stderr).not.toMatch(/DEMO FAILED/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^DEMO OK: 5 legacy users/m);
    expect(result.stdout).toMatch(/wrong password → NotAuthorizedException/);
    expect(result.stdout).toMatch(/tokens, no trigger call/);
    // The operator's view: the audit's lanes, the native lane's files read back, the status, the finish.
    expect(result.stdout).toMatch(/^ {2}5 legacy users: 3 native \(Cognito's import\), 2 trigger, 0 refused$/m);
    expect(result.stdout).toMatch(
      /^ {2}ada@example\.com +\(bcrypt\) → BCRYPT in bcrypt-1\.csv: the legacy password verifies$/m,
    );
    expect(result.stdout).toMatch(/^ {2}alan@example\.com +\(pbkdf2_sha256\) → PBKDF2_SHA256 in pbkdf2_sha256-1\.csv/m);
    expect(result.stdout).toMatch(/^ {4}sha512_crypt: 1 not-importable$/m);
    expect(result.stdout).toMatch(/^ {2}dry run: nothing written, nothing removed/m);
  });
});
