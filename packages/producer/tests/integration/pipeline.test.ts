import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBQuarantineStore, DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { normalizeEmail } from '@hashbridge/core';
import { createLoaderHandler } from '@hashbridge/handlers';
import { createLoaderTables, runLocalEventSource } from '@hashbridge/local-stack';
import { describe, expect, inject, it } from 'vitest';
import { openProducerPorts, resolveProducerConfig, runProducer } from '../../src/index.js';
import { BAD_ROWS, seedLegacyUsers } from '../helpers/legacy-users.js';

const env = inject('stackEnv');

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

describe('Pipeline: PostgreSQL → producer → Kafka → loader → DynamoDB API', () => {
  it('stages exactly the 10,000 valid legacy users and reports every refused row', async () => {
    // Prepare
    const { table, rows } = await seedLegacyUsers(env.DATABASE_URL ?? '', 10_000);
    const topic = `legacy-users-${randomUUID()}`;
    const work = mkdtempSync(join(tmpdir(), 'hashbridge-producer-'));
    const config = resolveProducerConfig(
      {
        table,
        topic,
        createTopic: true,
        partitions: 3,
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

    // Act
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

    // Assess: the staged table is exactly the valid source rows.
    const good = rows.slice(0, 10_000);
    expect(summary).toMatchObject({
      read: 10_000 + BAD_ROWS.length,
      sent: 10_000,
      rejected: BAD_ROWS.length,
      interrupted: false,
    });
    const staged = await scanAll(documents, tables.stagingTable);
    const expected = good
      .map((row) => ({
        email: normalizeEmail(row.email),
        hash: row.hash,
        profile: row.profile ?? {},
        sourceId: String(row.id),
        sourceVersion: row.updatedAt.getTime() * 1000,
      }))
      .sort((a, b) => a.email.localeCompare(b.email));
    expect(
      staged
        .map(({ email, hash, profile, sourceId, sourceVersion }) => ({ email, hash, profile, sourceId, sourceVersion }))
        .sort((a, b) => String(a.email).localeCompare(String(b.email))),
    ).toEqual(expected);
    expect(await scanAll(documents, tables.quarantineTable)).toEqual([]);
    const rejects = readFileSync(config.rejects, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rejects.map((reject) => reject.reason).sort()).toEqual(BAD_ROWS.map((row) => row.reason).sort());
    expect(readFileSync(config.rejects, 'utf8')).not.toContain('$2b$');
  });
});
