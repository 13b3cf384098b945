import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBQuarantineStore, DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { type SchemeName, verifyPassword } from '@hashbridge/core';
import { createLoaderHandler } from '@hashbridge/handlers';
import { createLoaderTables, runLocalEventSource } from '@hashbridge/local-stack';
import { ensurePythonEnv } from '@hashbridge/testing';
import pg from 'pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openProducerPorts, resolveProducerConfig, runProducer } from '../../src/index.js';

const env = inject('stackEnv');
const CREATE_USERS = fileURLToPath(new URL('../helpers/django-app/create_users.py', import.meta.url));

/** One user per hasher Django 5.2 ships, at Django's own settings, and the scheme each must be staged under. */
const DJANGO_USERS: readonly { hasher: string; scheme: SchemeName; password: string }[] = [
  { hasher: 'pbkdf2_sha256', scheme: 'django_pbkdf2_sha256', password: 'correct horse battery staple' },
  { hasher: 'pbkdf2_sha1', scheme: 'django_pbkdf2_sha1', password: 'Tr0ub4dor&3' },
  { hasher: 'argon2', scheme: 'django_argon2', password: 'Zoë ☃ 密码 😀' },
  {
    hasher: 'bcrypt_sha256',
    scheme: 'django_bcrypt_sha256',
    password: 'a passphrase well over seventy-two bytes long, which bcrypt alone would cut',
  },
  { hasher: 'scrypt', scheme: 'django_scrypt', password: 'scrypt, not werkzeug' },
  { hasher: 'bcrypt', scheme: 'django_bcrypt', password: 'hunter2' },
  { hasher: 'md5', scheme: 'django_salted_md5', password: '' },
];

const scanAll = async (documents: DynamoDBDocumentClient, table: string) => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
};

/** Runs the tiny Django project: `migrate` in its own schema, then the users, made by Django itself. */
const createDjangoUsers = (python: string, schema: string, users: readonly Record<string, unknown>[]): void => {
  const result = spawnSync(python, [CREATE_USERS], {
    input: JSON.stringify(users),
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: env.DATABASE_URL ?? '', DJANGO_SCHEMA: schema },
  });
  if (result.status !== 0) throw new Error(`the Django project failed: ${result.error?.message ?? result.stderr}`);
};

describe("A Django 5.2 app's users: auth_user → producer → Kafka → loader → DynamoDB → verifyPassword", () => {
  let python = '';
  beforeAll(() => {
    // The test virtualenv (Django, argon2-cffi, bcrypt, psycopg from PyPI) is built once, on first use.
    python = ensurePythonEnv('django');
  }, 300_000);

  it('stages every user under its hasher’s scheme, verifies each password as Django does, refuses the unusable one', async () => {
    // Prepare: Django creates auth_user in a fresh schema and its users, one per hasher, plus an unusable password.
    const schema = `django_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: env.DATABASE_URL ?? '' });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const users = [
        ...DJANGO_USERS.map(({ hasher, password }) => ({
          username: hasher,
          email: `${hasher}@Django.Example.com`,
          password,
          hasher,
        })),
        { username: 'locked', email: 'locked@django.example.com', password: null, hasher: 'pbkdf2_sha256' },
      ];
      createDjangoUsers(python, schema, users);

      const topic = `django-users-${randomUUID()}`;
      const work = mkdtempSync(join(tmpdir(), 'hashbridge-django-'));
      const config = resolveProducerConfig(
        {
          query: `SELECT id, email, password, jsonb_build_object('given_name', first_name) AS profile,
                  date_joined AS updated_at FROM ${schema}.auth_user`,
          hashColumn: 'password',
          topic,
          createTopic: true,
          partitions: 1,
          checkpoint: join(work, 'checkpoint.json'),
          rejects: join(work, 'rejects.jsonl'),
          progress: 'off',
        },
        env,
      );
      const client = new DynamoDBClient({
        endpoint: env.DYNAMODB_ENDPOINT ?? '',
        region: 'local',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      const tables = { stagingTable: `staging-${randomUUID()}`, quarantineTable: `quarantine-${randomUUID()}` };
      await createLoaderTables(client, tables);
      const documents = DynamoDBDocumentClient.from(client);

      // Act: export auth_user, load it, then check every password against what was staged.
      const summary = await runProducer(config, await openProducerPorts(config));
      await runLocalEventSource({
        kafka: { brokers: config.brokers },
        topic,
        groupId: `loader-${randomUUID()}`,
        untilIdle: true,
        handler: createLoaderHandler({
          store: new DynamoDBStagedUserStore({ client: documents, tableName: tables.stagingTable }),
          quarantine: new DynamoDBQuarantineStore({ client: documents, tableName: tables.quarantineTable }),
          logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
        }),
      });
      const staged = await scanAll(documents, tables.stagingTable);
      const checks = await Promise.all(
        DJANGO_USERS.map(async ({ hasher, password }) => {
          const record = staged.find((item) => item.email === `${hasher}@django.example.com`);
          const options = { scheme: record?.scheme as SchemeName };
          return {
            hasher,
            scheme: record?.scheme,
            right: (await verifyPassword(password, String(record?.hash), options)).ok,
            wrong: (await verifyPassword(`${password}!`, String(record?.hash), options)).ok,
          };
        }),
      );

      // Assess
      expect(summary).toMatchObject({ read: users.length, sent: DJANGO_USERS.length, rejected: 1 });
      expect(checks).toEqual(DJANGO_USERS.map(({ hasher, scheme }) => ({ hasher, scheme, right: true, wrong: false })));
      expect(await scanAll(documents, tables.quarantineTable)).toEqual([]);
      const rejects = readFileSync(config.rejects, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(rejects).toEqual([{ rowId: expect.any(String), reason: 'unidentified', detail: expect.any(String) }]);
      expect(readFileSync(config.rejects, 'utf8')).not.toContain('!');
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }, 120_000);
});
