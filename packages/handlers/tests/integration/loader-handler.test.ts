import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBQuarantineStore, DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { createUserMessage } from '@hashbridge/core';
import { createLoaderTables, findFreePort, toMskEvent } from '@hashbridge/local-stack';
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createLoaderHandler, LoaderBatchError } from '../../src/index.js';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse") */
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';
const context = { awsRequestId: 'test-request' } as Context;
const logger = new Logger({ serviceName: 'loader-test', logLevel: 'SILENT' });

const messageBytes = (email: string, version: number): Buffer => {
  const result = createUserMessage({ email, hash: BCRYPT, sourceId: email, sourceVersion: version });
  if (!result.ok) throw new Error(result.detail);
  return Buffer.from(JSON.stringify(result.message));
};

const kafkaRecord = (offset: number, key: string | null, value: Buffer | null, partition = 0) => ({
  topic: 'legacy-users',
  partition,
  offset,
  timestamp: 1_764_000_000_000,
  key: key === null ? null : Buffer.from(key),
  value,
});

const documentsFor = (endpoint: string, maxAttempts?: number) =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      ...(maxAttempts === undefined ? {} : { maxAttempts }),
    }),
  );

describe('Function: createLoaderHandler (MSK events against the DynamoDB API)', () => {
  const endpoint = inject('stackEnv').DYNAMODB_ENDPOINT ?? '';
  const documents = documentsFor(endpoint);
  const tables = { stagingTable: `staging-${randomUUID()}`, quarantineTable: `quarantine-${randomUUID()}` };
  const handler = createLoaderHandler({
    store: new DynamoDBStagedUserStore({ client: documents, tableName: tables.stagingTable }),
    quarantine: new DynamoDBQuarantineStore({ client: documents, tableName: tables.quarantineTable }),
    logger,
  });
  const scan = async (table: string) => (await documents.send(new ScanCommand({ TableName: table }))).Items ?? [];

  beforeAll(async () => {
    await createLoaderTables(
      new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }),
      tables,
    );
  });

  it('stages good records and quarantines poison ones from the same batch', async () => {
    // Prepare
    const event = toMskEvent(
      [
        kafkaRecord(0, 'ada@example.com', messageBytes('ada@example.com', 1)),
        kafkaRecord(1, 'junk', Buffer.from('{"not json')),
        kafkaRecord(2, 'bob@example.com', messageBytes('bob@example.com', 1)),
        kafkaRecord(0, 'carol@example.com', messageBytes('carol@example.com', 1), 1),
      ],
      '127.0.0.1:9092',
    );

    // Act
    const response = await handler(event, context);

    // Assess
    expect(response).toBeUndefined();
    expect((await scan(tables.stagingTable)).map((item) => item.email).sort()).toEqual([
      'ada@example.com',
      'bob@example.com',
      'carol@example.com',
    ]);
    expect(await scan(tables.quarantineTable)).toEqual([
      expect.objectContaining({ recordId: 'legacy-users-0-1', reason: 'invalid-json', partition: 0, offset: 1 }),
    ]);
  });

  it('changes nothing when the same batch is delivered again', async () => {
    // Prepare
    const event = toMskEvent([kafkaRecord(0, 'ada@example.com', messageBytes('ada@example.com', 1))], '127.0.0.1:9092');
    const before = await scan(tables.stagingTable);

    // Act
    await handler(event, context);

    // Assess
    expect(await scan(tables.stagingTable)).toEqual(before);
  });

  it('logs counts and coordinates, never a value or a hash', async () => {
    // Prepare
    const written: string[] = [];
    const streams = [process.stdout, process.stderr];
    const originals = streams.map((stream) => stream.write.bind(stream));
    for (const stream of streams) {
      stream.write = ((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      }) as typeof stream.write;
    }
    const loud = createLoaderHandler({
      store: new DynamoDBStagedUserStore({ client: documents, tableName: tables.stagingTable }),
      quarantine: new DynamoDBQuarantineStore({ client: documents, tableName: tables.quarantineTable }),
      logger: new Logger({ serviceName: 'loader-test', logLevel: 'DEBUG' }),
    });
    const poison = Buffer.from(`{"hash":"${BCRYPT}"`);

    // Act
    try {
      await loud(
        toMskEvent(
          [kafkaRecord(10, 'dan@example.com', messageBytes('dan@example.com', 1)), kafkaRecord(11, 'x', poison)],
          '127.0.0.1:9092',
        ),
        context,
      );
    } finally {
      streams.forEach((stream, index) => {
        stream.write = originals[index] as typeof stream.write;
      });
    }

    // Assess
    const output = written.join('');
    expect(output).toContain('"staged":1');
    expect(output).toContain('"quarantined":1');
    expect(output).not.toContain(BCRYPT.slice(7));
    expect(output).not.toContain(poison.toString('base64').slice(0, 20));
  });

  describe('when DynamoDB cannot be reached', () => {
    const unreachable = async () => documentsFor(`http://127.0.0.1:${await findFreePort()}`, 1);
    const event = toMskEvent(
      [
        kafkaRecord(5, 'ada@example.com', messageBytes('ada@example.com', 2)),
        kafkaRecord(6, 'bob@example.com', messageBytes('bob@example.com', 2)),
      ],
      '127.0.0.1:9092',
    );

    it('fails the invocation, so the event source delivers the batch again', async () => {
      // Prepare
      const client = await unreachable();
      const failing = createLoaderHandler({
        store: new DynamoDBStagedUserStore({ client }),
        quarantine: new DynamoDBQuarantineStore({ client }),
        logger,
      });

      // Act / Assess
      await expect(failing(event, context)).rejects.toBeInstanceOf(LoaderBatchError);
    });

    it('names only the failed records with ReportBatchItemFailures', async () => {
      // Prepare
      const client = await unreachable();
      const failing = createLoaderHandler({
        store: new DynamoDBStagedUserStore({ client }),
        quarantine: new DynamoDBQuarantineStore({ client }),
        logger,
        reportBatchItemFailures: true,
      });

      // Act
      const response = await failing(event, context);

      // Assess
      expect(response?.batchItemFailures).toEqual(
        expect.arrayContaining([
          { itemIdentifier: { partition: 'legacy-users-0', offset: 5 } },
          { itemIdentifier: { partition: 'legacy-users-0', offset: 6 } },
        ]),
      );
    });
  });
});
