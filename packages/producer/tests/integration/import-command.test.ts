import { pbkdf2Sync } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { type CognitoHashAlgorithm, readCognitoImportHash, verifyPassword } from '@hashbridge/core';
import { createLoaderTables } from '@hashbridge/local-stack';
import { startUserImportJobFake, type UserImportJobFake } from '@hashbridge/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ImportReport } from '../../src/index.js';
import { PASSLIB_HASHES, PASSLIB_VECTORS, type SeededUser, seedLegacyUsers } from '../helpers/legacy-users.js';
import { runHashbridge } from '../helpers/run-hashbridge.js';

const env = inject('stackEnv');
const DATABASE_URL = env.DATABASE_URL ?? '';
/** `hashbridge import <args>` with the stack's PostgreSQL. */
const hashbridgeImport = (args: readonly string[], extraEnv: Record<string, string> = {}) =>
  runHashbridge(['import', ...args], { DATABASE_URL, ...extraEnv });

/** The vector a seeded user's hash comes from, or undefined for the bad rows. */
const vectorOf = (hash: string) => PASSLIB_VECTORS[PASSLIB_HASHES.indexOf(hash)];

/** Checks a password against a hash as Cognito's import file holds it. PBKDF2 by node:crypto from the parameters read back. */
const verifiesAsImported = async (algorithm: CognitoHashAlgorithm, hash: string, password: string) => {
  const parameters = readCognitoImportHash(algorithm, hash);
  if (parameters.algorithm === 'PBKDF2_SHA256') {
    const { iterations, salt, hash: key } = parameters;
    return pbkdf2Sync(password, salt, iterations, key.length, 'sha256').equals(key);
  }
  // bcrypt's and argon2id's import forms are the standard strings passlib itself stores.
  return (await verifyPassword(password, hash)).ok;
};

const csvRows = (path: string) => parse(readFileSync(path), { columns: true }) as Record<string, string>[];

describe('Command: hashbridge import, against PostgreSQL and DynamoDB (the job API is an HTTP fake)', () => {
  let table: string;
  let rows: readonly SeededUser[];
  let fake: UserImportJobFake;
  let stagingTable: string;
  let documents: DynamoDBDocumentClient;

  beforeAll(async () => {
    ({ table, rows } = await seedLegacyUsers(DATABASE_URL, 300));
    const dynamodb = new DynamoDBClient({
      endpoint: env.DYNAMODB_ENDPOINT ?? '',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    documents = DynamoDBDocumentClient.from(dynamodb);
    stagingTable = `import-${table}`;
    await createLoaderTables(dynamodb, { stagingTable, quarantineTable: `${stagingTable}-quarantine` });
    fake = await startUserImportJobFake();
  });

  afterAll(() => fake?.close());

  /** The seeded good users (the bad rows have other emails) whose hash Cognito's import takes. */
  const NATIVE_PREFIXES = ['$2b$', '$argon2id$', '$pbkdf2-sha256$', 'pbkdf2_sha256$'];
  const nativeUsers = () =>
    rows.filter(
      (user) =>
        user.email?.startsWith('User') === true && NATIVE_PREFIXES.some((prefix) => user.hash.startsWith(prefix)),
    );

  it('with --files-only writes one CSV per algorithm whose hashes, read back, verify as the legacy ones did', async () => {
    // Act
    const { status, stdout, stderr, cwd } = await hashbridgeImport(['--table', table, '--files-only', '--json']);

    // Assess
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as ImportReport;
    expect(report.files.map((file) => file.algorithm).sort()).toEqual(['ARGON2ID', 'BCRYPT', 'PBKDF2_SHA256']);
    let checked = 0;
    for (const file of report.files) {
      const path = join(cwd, file.path);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const written = csvRows(path);
      expect(written).toHaveLength(file.users);
      for (const row of written) {
        const seeded = rows.find((user) => user.email?.trim().toLowerCase() === row.email);
        const vector = seeded === undefined ? undefined : vectorOf(seeded.hash);
        expect(vector, row.email).toBeDefined();
        expect(row).toMatchObject({
          'cognito:username': row.email,
          email_verified: 'true',
          'cognito:mfa_enabled': 'false',
        });
        const hash = row.password_hash ?? '';
        expect(await verifiesAsImported(file.algorithm, hash, vector?.password ?? '')).toBe(vector?.expected);
        expect(await verifiesAsImported(file.algorithm, hash, `${vector?.password}x`)).toBe(false);
        checked += 1;
      }
    }
    expect(checked).toBe(report.native);
    expect(report.native).toBe(nativeUsers().length);
    expect(report.native + report.trigger + Object.values(report.refused).reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(fake.actions).toEqual([]);
  });

  it('imports each file in a job, records the users in the staging table without a hash, and a rerun imports no one twice', async () => {
    // Prepare
    const settings = [
      '--table',
      table,
      '--user-pool-id',
      fake.userPoolId,
      '--import-role-arn',
      'arn:aws:iam::123456789012:role/CognitoImport',
      '--staging-table',
      stagingTable,
      '--poll-seconds',
      '0',
      '--json',
    ];
    const cognito = { COGNITO_ENDPOINT: fake.endpoint, DYNAMODB_ENDPOINT: env.DYNAMODB_ENDPOINT ?? '' };

    // Act
    const first = await hashbridgeImport(settings, cognito);
    const second = await hashbridgeImport(settings, cognito);

    // Assess
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const report = JSON.parse(first.stdout) as ImportReport;
    expect(report.files.every((file) => file.job?.status === 'Succeeded' && file.job.recorded === file.users)).toBe(
      true,
    );
    expect(fake.users.size).toBe(report.native);
    const sample = nativeUsers()[0];
    const email = sample?.email.trim().toLowerCase() ?? '';
    const { Item } = await documents.send(new GetCommand({ TableName: stagingTable, Key: { email } }));
    expect(Item).toMatchObject({ lane: 'native', importJobId: expect.stringMatching(/^import-/) });
    expect(Item).not.toHaveProperty('hash');
    expect(
      await new DynamoDBStagedUserStore({ client: documents, tableName: stagingTable }).get(email),
    ).toBeUndefined();
    const rerun = JSON.parse(second.stdout) as ImportReport;
    expect(second.status).toBe(0);
    expect(rerun).toMatchObject({ native: 0, alreadyInCognito: report.native, files: [] });
    expect(readdirSync(join(second.cwd, '.hashbridge', 'import'))).toEqual([]);
  });

  it('lists the users a job did not create, exits 1, and leaves them to the trigger lane', async () => {
    // Prepare: a pool of its own, where Cognito fails to create two of the users.
    const refused = new Set(
      nativeUsers()
        .slice(0, 2)
        .map((user) => user.email.trim().toLowerCase()),
    );
    const failing = await startUserImportJobFake({ refuseRow: (row) => refused.has(row['cognito:username'] ?? '') });
    const ownTable = `${stagingTable}-failing`;
    await createLoaderTables(
      new DynamoDBClient({
        endpoint: env.DYNAMODB_ENDPOINT ?? '',
        region: 'eu-west-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
      { stagingTable: ownTable, quarantineTable: `${ownTable}-quarantine` },
    );

    // Act
    const run = await hashbridgeImport(
      [
        '--table',
        table,
        '--user-pool-id',
        failing.userPoolId,
        '--import-role-arn',
        'arn:aws:iam::123456789012:role/CognitoImport',
        '--staging-table',
        ownTable,
        '--poll-seconds',
        '0',
        '--json',
      ],
      { COGNITO_ENDPOINT: failing.endpoint, DYNAMODB_ENDPOINT: env.DYNAMODB_ENDPOINT ?? '' },
    );
    await failing.close();

    // Assess
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as ImportReport;
    expect(report.failed).toBe(2);
    const failures = readFileSync(join(run.cwd, report.failuresPath ?? ''), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { email: string });
    expect(new Set(failures.map((failure) => failure.email))).toEqual(refused);
    expect(readFileSync(join(run.cwd, report.failuresPath ?? ''), 'utf8')).not.toContain('$');
    for (const email of refused) {
      const { Item } = await documents.send(new GetCommand({ TableName: ownTable, Key: { email } }));
      expect(Item, email).toBeUndefined();
    }
    expect(report.files.reduce((sum, file) => sum + (file.job?.recorded ?? 0), 0)).toBe(report.native - 2);
  });
});
