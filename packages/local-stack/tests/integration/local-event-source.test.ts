import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { createUserMessage, STAGING_TABLE } from '@hashbridge/core';
import type { MSKEvent } from 'aws-lambda';
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, inject, it } from 'vitest';
import {
  createLoaderTables,
  invokeFunction,
  LOADER_FUNCTION_NAME,
  LOCAL_AWS_REGION,
  runLocalEventSource,
} from '../../src/index.js';

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

/** The records of an MSK event as `key → value`, decoded from base64 as the Loader decodes them. */
const decoded = (event: MSKEvent): [string, string][] =>
  Object.values(event.records)
    .flat()
    .map((record) => [
      Buffer.from(record.key ?? '', 'base64').toString(),
      Buffer.from(record.value, 'base64').toString(),
    ]);

const plainMessages = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ key: `key-${index}`, value: `value-${index}` }));

describe('Function: runLocalEventSource (real Kafka, as the MSK event source mapping)', () => {
  it('delivers every record once, in MSK events of at most 100, and stops when drained', async () => {
    // Prepare
    const topic = `users-${randomUUID()}`;
    await produce(topic, plainMessages(250));
    const delivered: [string, string][] = [];
    const batchSizes: number[] = [];

    // Act
    const result = await runLocalEventSource({
      kafka: { brokers },
      topic,
      groupId: `group-${randomUUID()}`,
      handler: async (event: MSKEvent) => {
        expect(event.eventSource).toBe('aws:kafka');
        batchSizes.push(Object.values(event.records).flat().length);
        delivered.push(...decoded(event));
      },
      untilIdle: true,
    });

    // Assess
    expect(result.records).toBe(250);
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(100);
    expect(delivered.sort()).toEqual(
      plainMessages(250)
        .map(({ key, value }): [string, string] => [key, value])
        .sort(),
    );
  });

  it('delivers a batch again when its invocation failed, so no record is lost', async () => {
    // Prepare
    const topic = `users-${randomUUID()}`;
    await produce(topic, plainMessages(40));
    const delivered = new Map<string, number>();
    let crashes = 1;

    // Act
    await runLocalEventSource({
      kafka: { brokers, retry: { initialRetryTime: 50, retries: 5 } },
      topic,
      groupId: `group-${randomUUID()}`,
      handler: async (event: MSKEvent) => {
        for (const [key] of decoded(event)) delivered.set(key, (delivered.get(key) ?? 0) + 1);
        if (crashes-- > 0) throw new Error('crash before the offsets are committed');
      },
      untilIdle: true,
    });

    // Assess
    expect([...delivered.keys()].sort()).toEqual(
      plainMessages(40)
        .map(({ key }) => key)
        .sort(),
    );
    expect(Math.max(...delivered.values())).toBeGreaterThan(1);
  });

  it('invokes the Loader the stack serves, which stages the users in the staging table', async () => {
    // Prepare
    const topic = `users-${randomUUID()}`;
    const emails = Array.from({ length: 5 }, (_, index) => `ada-${index}-${randomUUID()}@example.com`);
    await produce(
      topic,
      emails.map((email, index) => {
        const result = createUserMessage({ email, hash: BCRYPT, sourceId: String(index), sourceVersion: 1 });
        if (!result.ok) throw new Error(result.detail);
        return { key: email, value: JSON.stringify(result.message) };
      }),
    );
    const client = new DynamoDBClient({
      endpoint: env.DYNAMODB_ENDPOINT ?? '',
      region: LOCAL_AWS_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await createLoaderTables(client);

    // Act
    await runLocalEventSource({
      kafka: { brokers },
      topic,
      groupId: `group-${randomUUID()}`,
      handler: invokeFunction(env.LAMBDA_ENDPOINT ?? '', LOADER_FUNCTION_NAME),
      untilIdle: true,
    });

    // Assess
    const documents = DynamoDBDocumentClient.from(client);
    for (const email of emails) {
      const { Item } = await documents.send(new GetCommand({ TableName: STAGING_TABLE.name, Key: { email } }));
      expect(Item).toMatchObject({ email, scheme: 'bcrypt' });
    }
  });
});
