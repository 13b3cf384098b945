import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBNativeImportLedger, DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { createUserMessage, normalizeEmail, type UserMessage } from '@hashbridge/core';
import { createLoaderTables } from '@hashbridge/local-stack';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { FinishReport, StatusReport } from '../../src/index.js';
import { type SeededUser, seedLegacyUsers } from '../helpers/legacy-users.js';
import { runHashbridge } from '../helpers/run-hashbridge.js';

const env = inject('stackEnv');
const DATABASE_URL = env.DATABASE_URL ?? '';
const NOW = Date.now();
const daysAgo = (days: number) => new Date(NOW - days * 86_400_000);

/** `hashbridge <args>` against the stack's PostgreSQL and DynamoDB API. */
const hashbridge = (args: readonly string[]) =>
  runHashbridge(args, { DATABASE_URL, DYNAMODB_ENDPOINT: env.DYNAMODB_ENDPOINT ?? '' });

describe('Commands: hashbridge status and finish, against DynamoDB and PostgreSQL', () => {
  let documents: DynamoDBDocumentClient;
  let stagingTable: string;
  let quarantineTable: string;
  let legacyTable: string;
  let staged: readonly UserMessage[];
  let tableFlags: string[];

  /** Every item of the staging table, to show a command changed nothing. */
  const tableContents = async () =>
    JSON.stringify(
      ((await documents.send(new ScanCommand({ TableName: stagingTable }))).Items ?? []).sort((a, b) =>
        String(a.email).localeCompare(String(b.email)),
      ),
    );

  beforeAll(async () => {
    // 40 legacy users; the first 30 were exported, of which 2 were imported by Cognito, 7 migrated (one 40
    // days ago, six today), one has 15 failed sign-ins just now (locked for 15 min), and 20 never signed in.
    let rows: readonly SeededUser[];
    ({ table: legacyTable, rows } = await seedLegacyUsers(DATABASE_URL, 40, { withBadRows: false }));
    const client = new DynamoDBClient({
      endpoint: env.DYNAMODB_ENDPOINT ?? '',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    documents = DynamoDBDocumentClient.from(client);
    stagingTable = `status-${legacyTable}`;
    quarantineTable = `${stagingTable}-quarantine`;
    await createLoaderTables(client, { stagingTable, quarantineTable });
    tableFlags = ['--staging-table', stagingTable, '--quarantine-table', quarantineTable];
    staged = rows.slice(0, 30).map((row) => {
      const result = createUserMessage({
        email: row.email,
        hash: row.hash,
        sourceId: String(row.id),
        sourceVersion: 1,
      });
      if (!result.ok) throw new Error(result.detail);
      return result.message;
    });
    const store = new DynamoDBStagedUserStore({ client: documents, tableName: stagingTable });
    await store.stageMany(staged);
    const emails = staged.map((message) => message.email);
    await new DynamoDBNativeImportLedger({ client: documents, tableName: stagingTable }).record(
      emails.slice(0, 2).map((email) => ({
        email,
        scheme: 'bcrypt',
        algorithm: 'BCRYPT',
        importJobId: 'job-1',
        importedAt: daysAgo(3).toISOString(),
        sourceId: email,
        sourceVersion: 1,
      })),
    );
    await store.markMigrated(emails[2] ?? '', daysAgo(40), daysAgo(10));
    for (const email of emails.slice(3, 9)) await store.markMigrated(email, daysAgo(0), daysAgo(-30));
    for (let n = 0; n < 15; n++) await store.recordFailedSignIn(emails[9] ?? '', new Date(), true);
    await documents.send(
      new PutCommand({ TableName: quarantineTable, Item: { recordId: 'legacy-users-0-1', reason: 'invalid-hash' } }),
    );
  });

  it('status counts the imported, the migrated (k of n), the waiting and the locked, per scheme and per day', async () => {
    // Act
    const run = await hashbridge(['status', ...tableFlags, '--json', '--source', '--table', legacyTable]);

    // Assess
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as StatusReport;
    expect(report).toMatchObject({
      records: 30,
      native: 2,
      trigger: { migrated: 7, waiting: 21, locked: 1, neverSignedIn: 20, failedSignIns: 1 },
      hashesKept: 7,
      quarantined: 1,
      source: { users: 40, notStaged: 10 },
    });
    expect(Object.values(report.migratedPerDay).reduce((a, b) => a + b, 0)).toBe(7);
    expect(report.migratedPerDay[daysAgo(40).toISOString().slice(0, 10)]).toBe(1);
    expect(report.importedPerDay).toEqual({ [daysAgo(3).toISOString().slice(0, 10)]: 2 });
    const perScheme = Object.values(report.schemes);
    expect(perScheme.reduce((sum, scheme) => sum + scheme.migrated, 0)).toBe(7);
    expect(run.stdout).not.toMatch(/@example\.com|\$2b\$/);
  });

  it('finish in a dry run reports the long tail and the hashes past grace, and changes nothing', async () => {
    // Prepare
    const before = await tableContents();

    // Act
    const run = await hashbridge(['finish', ...tableFlags, '--json']);

    // Assess
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout) as FinishReport).toMatchObject({
      acted: false,
      longTail: 21,
      hashesPastGrace: 1,
      hashesRemoved: 0,
    });
    expect(await tableContents()).toBe(before);
    expect(existsSync(join(run.cwd, '.hashbridge'))).toBe(false);
  });

  it('finish --yes writes the long tail and removes only the hashes it listed', async () => {
    // Prepare
    const before = JSON.parse(await tableContents()) as Record<string, unknown>[];

    // Act
    const run = await hashbridge(['finish', ...tableFlags, '--json', '--yes', '--long-tail', 'csv']);

    // Assess
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as FinishReport;
    expect(report).toMatchObject({ acted: true, longTail: 21, hashesRemoved: 1 });
    const csv = readFileSync(join(run.cwd, report.longTailPath), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^cognito:username,/);
    expect(csv).toHaveLength(22);
    expect(csv.join('\n')).not.toContain('$');
    const after = JSON.parse(await tableContents()) as Record<string, unknown>[];
    const changed = after.filter((item, index) => JSON.stringify(item) !== JSON.stringify(before[index]));
    expect(changed.map((item) => item.email)).toEqual([normalizeEmail(staged[2]?.email ?? '')]);
    expect(changed[0]).not.toHaveProperty('hash');
    expect(changed[0]).toHaveProperty('migratedAt');
  });
});
