import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { AuditReport } from '../../src/index.js';
import { PASSLIB_HASHES, PASSLIB_SCHEMES, type SeededUser, seedLegacyUsers } from '../helpers/legacy-users.js';

const env = inject('stackEnv');
const DATABASE_URL = env.DATABASE_URL ?? '';
const CLI = fileURLToPath(new URL('../../src/operator-cli.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');

/** Runs `hashbridge <args>` from an empty folder of its own, with the stack's DATABASE_URL. */
const hashbridge = (args: readonly string[], extraEnv: Record<string, string> = {}) => {
  const cwd = mkdtempSync(join(tmpdir(), 'hashbridge-audit-'));
  const result = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL, ...extraEnv },
  });
  return { ...result, cwd };
};

/** A digest of the whole table, to show the audit changed nothing. */
const tableDigest = async (table: string): Promise<string> => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ digest: string }>(
      `SELECT md5(string_agg(t::text, ',' ORDER BY id)) AS digest FROM ${table} AS t`,
    );
    return rows[0]?.digest ?? '';
  } finally {
    await client.end();
  }
};

/** The schemes Cognito's import takes, as the seeded hashes have them (all within its bounds). */
const NATIVE_SCHEMES = new Set(['bcrypt', 'argon2', 'pbkdf2_sha256', 'django_pbkdf2_sha256']);

describe('Command: hashbridge audit, against PostgreSQL', () => {
  let table: string;
  let rows: readonly SeededUser[];
  /** Every hundredth seeded user's account is disabled. */
  const isDisabled = (user: SeededUser): boolean => user.id % 100 === 0;

  beforeAll(async () => {
    ({ table, rows } = await seedLegacyUsers(DATABASE_URL, 1000));
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`ALTER TABLE ${table} ADD COLUMN disabled boolean NOT NULL DEFAULT false`);
    await client.query(`UPDATE ${table} SET disabled = true WHERE id % 100 = 0`);
    await client.end();
  });

  it('reports every user once, per scheme and lane, with the reason of each refusal (--json)', async () => {
    // Act
    const result = hashbridge([
      'audit',
      '--table',
      table,
      '--disabled-column',
      'disabled',
      '--json',
      '--progress',
      'off',
    ]);

    // Assess
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as AuditReport;
    expect(report.users).toBe(rows.length);
    // Seeded: 1000 good users over seven schemes, ten of them disabled, and seven bad rows.
    expect(report.refused).toEqual({
      'disabled-account': 10,
      'email-collision': 2,
      'invalid-email': 2,
      'invalid-hash': 1,
      malformed: 1,
      unidentified: 1,
    });
    for (const [index, scheme] of PASSLIB_SCHEMES.entries()) {
      const good = rows.filter(
        (user) => user.hash === PASSLIB_HASHES[index] && user.email?.startsWith('User') === true,
      );
      const live = good.filter((user) => !isDisabled(user)).length;
      expect(report.schemes[scheme], scheme).toMatchObject({
        lane: {
          native: NATIVE_SCHEMES.has(scheme) ? live : 0,
          trigger: NATIVE_SCHEMES.has(scheme) ? 0 : live,
        },
      });
    }
    const { native, trigger, refused } = report.lanes;
    expect(native + trigger + refused).toBe(rows.length);
    expect(refused).toBe(17);
  });

  it('prints a readable table by default, and sends nor writes anything', async () => {
    // Prepare
    const before = await tableDigest(table);

    // Act
    const result = hashbridge(['audit', '--table', table, '--progress', 'off']);

    // Assess
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^1,007 legacy users: \d+ native \(Cognito's import\), \d+ trigger, 7 refused\n/);
    expect(result.stdout).toMatch(/^sha512_crypt +\d+ +0 +\d+ +0 +1,000 +- +[\d.]+ ms$/m);
    expect(readdirSync(result.cwd)).toEqual([]);
    expect(await tableDigest(table)).toBe(before);
  });

  it('needs no Kafka: brokers are not among its settings', () => {
    // Act
    const result = hashbridge(['audit', '--table', table, '--progress', 'off'], { KAFKA_BROKERS: '' });

    // Assess
    expect(result.status).toBe(0);
  });

  it('exits 2 and names the flags to check when the table does not exist', () => {
    // Act
    const result = hashbridge(['audit', '--table', 'no_such_table', '--progress', 'off']);

    // Assess
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^hashbridge: cannot read the legacy users .*check --database-url, --table/);
  });
});
