import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createLoaderTables, DynamoDBQuarantineStore, DynamoDBStagedUserStore } from '@hashbridge/adapters';
import { createUserMessage, type StageRecordsReport } from '@hashbridge/core';
import type { Context, MSKEvent } from 'aws-lambda';
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, inject, it } from 'vitest';
import { createLoaderHandler, runLocalEventSource } from '../../src/index.js';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse") */
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';

const env = inject('stackEnv');
const brokers = [env.KAFKA_BROKERS ?? ''];

const produce = async (topic: string, messages: { key: string; value: string }[]) => {
  const kafka = new Kafka({ brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages });
  await producer.disconnect();
};

const userMessage = (index: number) => {
  const email = `user${index}@example.com`;
  const result = createUserMessage({ email, hash: BCRYPT, sourceId: String(index), sourceVersion: 1 });
  if (!result.ok) throw new Error(result.detail);
  return { key: email, value: JSON.stringify(result.message) };
};

const loaderFor = async () => {
  const client = new DynamoDBClient({
    endpoint: env.DYNAMODB_ENDPOINT ?? '',
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const tables = { stagingTable: `staging-${randomUUID()}`, quarantineTable: `quarantine-${randomUUID()}` };
  await createLoaderTables(client, tables);
  const documents = DynamoDBDocumentClient.from(client);
  const reports: StageRecordsReport[] = [];
  const handler = createLoaderHandler({
    store: new DynamoDBStagedUserStore({ client: documents, tableName: tables.stagingTable }),
    quarantine: new DynamoDBQuarantineStore({ client: documents, tableName: tables.quarantineTable }),
    logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
    onReport: (report) => reports.push(report),
  });
  const scan = async (table: string) => {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return items;
  };
  return { handler, tables, reports, scan };
};

describe('Function: runLocalEventSource (real Kafka → loader → DynamoDB API)', () => {
  it('delivers every record in MSK events of at most 100 and stops when drained', async () => {
    // Prepare
    const topic = `users-${randomUUID()}`;
    await produce(topic, [...Array.from({ length: 250 }, (_, i) => userMessage(i)), { key: 'x', value: 'not json' }]);
    const loader = await loaderFor();
    const batchSizes: number[] = [];

    // Act
    const result = await runLocalEventSource({
      kafka: { brokers },
      topic,
      groupId: `group-${randomUUID()}`,
      handler: async (event: MSKEvent, context: Context) => {
        batchSizes.push(Object.values(event.records).flat().length);
        return loader.handler(event, context);
      },
      untilIdle: true,
    });

    // Assess
    expect(result.records).toBe(251);
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(100);
    expect((await loader.scan(loader.tables.stagingTable)).length).toBe(250);
    expect(await loader.scan(loader.tables.quarantineTable)).toEqual([
      expect.objectContaining({ topic, reason: 'invalid-json' }),
    ]);
  });

  it('redelivers a batch whose invocation failed after writing, and the replay is harmless', async () => {
    // Prepare: the function stages the batch, then crashes before the event source can commit.
    const topic = `users-${randomUUID()}`;
    await produce(
      topic,
      Array.from({ length: 40 }, (_, i) => userMessage(i)),
    );
    const loader = await loaderFor();
    let crashes = 1;

    // Act
    await runLocalEventSource({
      kafka: { brokers, retry: { initialRetryTime: 50, retries: 5 } },
      topic,
      groupId: `group-${randomUUID()}`,
      handler: async (event: MSKEvent, context: Context) => {
        const response = await loader.handler(event, context);
        if (crashes-- > 0) throw new Error('crash between write and commit');
        return response;
      },
      untilIdle: true,
    });

    // Assess
    const staged = await loader.scan(loader.tables.stagingTable);
    expect(staged.map((item) => item.email).sort()).toEqual(
      Array.from({ length: 40 }, (_, i) => `user${i}@example.com`).sort(),
    );
    const totals = loader.reports.reduce((sum, r) => ({ staged: sum.staged + r.staged, stale: sum.stale + r.stale }), {
      staged: 0,
      stale: 0,
    });
    expect(totals.staged).toBe(40);
    expect(totals.stale).toBeGreaterThan(0);
  });
});
