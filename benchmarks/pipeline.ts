/**
 * Throughput of the pipe, each beside a baseline measured in the same run (ratios: the machine is shared):
 *  1. producer: PostgreSQL → Kafka (acks all) with `hashbridge-producer`, beside `psql \copy … to stdout`
 *     piped into `kcat -P` sending the same messages to a topic of the same shape; the producer's peak RSS at
 *     the full row count and at a tenth of it.
 *  2. loader: records/s through the Loader handler (MSK events of 100) into the DynamoDB API, beside a plain
 *     BatchWriteItem loop writing the same items.
 * Uses (or starts) the local stack. Prints Markdown; benchmarks/pipeline.md holds what it printed here.
 *
 *   npm run bench:pipeline [-- --rows 1000000 --loader-records 20000]
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createLoaderTables, DynamoDBQuarantineStore, DynamoDBStagedUserStore } from '@hashbridge/adapters';
import { createUserMessage } from '@hashbridge/core';
import { createLoaderHandler, toMskEvent } from '@hashbridge/handlers';
import { stackPaths, startStack, stopStack } from '@hashbridge/local-stack';
import type { Context } from 'aws-lambda';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, 'loader-records': { type: 'string', default: '20000' } },
});
const ROWS = Number(values.rows);
const LOADER_RECORDS = Number(values['loader-records']);
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';
const TSX = createRequire(import.meta.url).resolve('tsx');
const PRODUCER_CLI = new URL('../packages/producer/src/cli.ts', import.meta.url).pathname;

const { state, started: startedStack } = await startStack(stackPaths(), (line) =>
  process.stderr.write(`[stack] ${line}\n`),
);
const env = state.env;
const brokers = env.KAFKA_BROKERS ?? '';

const seed = async (rows: number): Promise<string> => {
  const table = `bench_users_${rows}`;
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS ${table}`);
  await client.query(
    `CREATE TABLE ${table} (id bigserial PRIMARY KEY, email text, password_hash text, profile jsonb, updated_at timestamptz)`,
  );
  await client.query(
    `INSERT INTO ${table} (email, password_hash, profile, updated_at)
     SELECT 'user' || i || '@example.com', $1, jsonb_build_object('given_name', 'User ' || i), now() FROM generate_series(1, $2::int) i`,
    [BCRYPT, rows],
  );
  await client.query(`ANALYZE ${table}`);
  await client.end();
  return table;
};

const createTopic = async (topic: string): Promise<void> => {
  const admin = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
  await admin.disconnect();
};

/** Runs the producer CLI in its own process; reports wall time and the process's peak RSS. */
const runProducerCli = async (table: string): Promise<{ seconds: number; maxRssMiB: number }> => {
  const topic = `bench-${randomUUID()}`;
  await createTopic(topic);
  const work = mkdtempSync(join(tmpdir(), 'hashbridge-bench-producer-'));
  const reportRss = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss '+process.resourceUsage().maxRSS+'\\n'))`;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      reportRss,
      '--import',
      TSX,
      PRODUCER_CLI,
      '--table',
      table,
      '--topic',
      topic,
      '--progress',
      'off',
      '--batch-size',
      '5000',
      '--checkpoint',
      join(work, 'c.json'),
      '--rejects',
      join(work, 'r.jsonl'),
    ],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`producer failed: ${stderr}`);
  const seconds = (performance.now() - started) / 1000;
  const maxRssKiB = Number(/maxrss (\d+)/.exec(stderr)?.[1] ?? 0);
  return { seconds, maxRssMiB: maxRssKiB / 1024 };
};

/** The baseline: the same JSON messages out of PostgreSQL with \copy, into Kafka with kcat (acks all). */
const runCopyKcat = (table: string): number | undefined => {
  if (spawnSync('kcat', ['-V']).status !== 0) return undefined;
  const topic = `bench-kcat-${randomUUID()}`;
  const started = performance.now();
  const query = `SELECT lower(btrim(email)) || E'\\t' || json_build_object('schemaVersion', 1, 'email', lower(btrim(email)), 'hash', password_hash, 'scheme', 'bcrypt', 'profile', profile, 'source', json_build_object('id', id::text, 'version', (extract(epoch from updated_at) * 1000000)::bigint))::text FROM ${table} ORDER BY id`;
  const result = spawnSync(
    'bash',
    [
      '-o',
      'pipefail',
      '-c',
      `psql "$DATABASE_URL" -q -c "\\copy (${query.replaceAll('"', '\\"')}) to stdout" | kcat -P -b "$KAFKA_BROKERS" -t ${topic} -K '\\t' -X acks=all -X compression.codec=gzip -X enable.idempotence=true -X topic.metadata.refresh.interval.ms=100 -X allow.auto.create.topics=true`,
    ],
    { env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`baseline failed: ${result.stderr}`);
  return (performance.now() - started) / 1000;
};

const documentsClient = () =>
  new DynamoDBClient({
    endpoint: env.DYNAMODB_ENDPOINT ?? '',
    region: 'local',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });

const loaderBench = async (): Promise<{ handlerSeconds: number; batchWriteSeconds: number }> => {
  const client = documentsClient();
  const documents = DynamoDBDocumentClient.from(client);
  const messages = Array.from({ length: LOADER_RECORDS }, (_, i) => {
    const result = createUserMessage({
      email: `user${i}@example.com`,
      hash: BCRYPT,
      sourceId: String(i),
      sourceVersion: 1,
      profile: { given_name: `User ${i}` },
    });
    if (!result.ok) throw new Error(result.detail);
    return result.message;
  });
  // Through the Loader handler, in MSK events of 100 records, one after another as the event source does.
  const handlerTables = { stagingTable: `bench-${randomUUID()}`, quarantineTable: `bench-q-${randomUUID()}` };
  await createLoaderTables(client, handlerTables);
  const handler = createLoaderHandler({
    store: new DynamoDBStagedUserStore({ client: documents, tableName: handlerTables.stagingTable }),
    quarantine: new DynamoDBQuarantineStore({ client: documents, tableName: handlerTables.quarantineTable }),
    logger: new Logger({ serviceName: 'bench', logLevel: 'SILENT' }),
  });
  let started = performance.now();
  for (let start = 0; start < messages.length; start += 100) {
    const chunk = messages.slice(start, start + 100).map((message, i) => ({
      topic: 'legacy-users',
      partition: 0,
      offset: start + i,
      timestamp: Date.now(),
      key: Buffer.from(message.email),
      value: Buffer.from(JSON.stringify(message)),
    }));
    await handler(toMskEvent(chunk, brokers), { awsRequestId: 'bench' } as Context);
  }
  const handlerSeconds = (performance.now() - started) / 1000;

  // Baseline: BatchWriteItem of the same items, 25 per request, 4 requests per 100 records at once.
  const baselineTables = { stagingTable: `bench-${randomUUID()}`, quarantineTable: `bench-q-${randomUUID()}` };
  await createLoaderTables(client, baselineTables);
  started = performance.now();
  for (let start = 0; start < messages.length; start += 100) {
    const requests = [];
    for (let offset = start; offset < Math.min(start + 100, messages.length); offset += 25) {
      const items = messages.slice(offset, offset + 25).map((message) => ({
        PutRequest: {
          Item: {
            email: message.email,
            hash: message.hash,
            scheme: message.scheme,
            profile: message.profile,
            sourceId: message.source.id,
            sourceVersion: message.source.version,
            stagedAt: new Date().toISOString(),
            schemaVersion: 1,
          },
        },
      }));
      requests.push(documents.send(new BatchWriteCommand({ RequestItems: { [baselineTables.stagingTable]: items } })));
    }
    await Promise.all(requests);
  }
  const batchWriteSeconds = (performance.now() - started) / 1000;
  return { handlerSeconds, batchWriteSeconds };
};

process.stderr.write(`seeding ${ROWS} and ${ROWS / 10} rows...\n`);
const bigTable = await seed(ROWS);
const smallTable = await seed(ROWS / 10);
process.stderr.write('producer, full table...\n');
const full = await runProducerCli(bigTable);
process.stderr.write('producer, a tenth...\n');
const tenth = await runProducerCli(smallTable);
process.stderr.write('baseline: psql \\copy | kcat...\n');
const baselineSeconds = runCopyKcat(bigTable);
process.stderr.write('loader...\n');
const loader = await loaderBench();

const rate = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString('en-US');
console.log(`| measurement | rows | seconds | rows/s | ratio |`);
console.log(`|---|---|---|---|---|`);
console.log(
  `| producer: hashbridge-producer (acks all, gzip, idempotent) | ${ROWS} | ${full.seconds.toFixed(1)} | ${rate(ROWS, full.seconds)} | ${baselineSeconds === undefined ? '—' : `${(baselineSeconds / full.seconds).toFixed(2)}x the baseline's rate`} |`,
);
console.log(
  `| baseline: psql \\copy → kcat -P (acks all, gzip, idempotent) | ${ROWS} | ${baselineSeconds?.toFixed(1) ?? 'kcat not installed'} | ${baselineSeconds === undefined ? '—' : rate(ROWS, baselineSeconds)} | 1.00 |`,
);
console.log(
  `| loader: Loader handler, MSK events of 100 → DynamoDB API | ${LOADER_RECORDS} | ${loader.handlerSeconds.toFixed(1)} | ${rate(LOADER_RECORDS, loader.handlerSeconds)} | ${(loader.batchWriteSeconds / loader.handlerSeconds).toFixed(2)}x the baseline's rate |`,
);
console.log(
  `| baseline: BatchWriteItem loop, same items | ${LOADER_RECORDS} | ${loader.batchWriteSeconds.toFixed(1)} | ${rate(LOADER_RECORDS, loader.batchWriteSeconds)} | 1.00 |`,
);
console.log(
  `\nproducer peak RSS: ${full.maxRssMiB.toFixed(0)} MiB at ${ROWS} rows, ${tenth.maxRssMiB.toFixed(0)} MiB at ${ROWS / 10} rows (ratio ${(full.maxRssMiB / tenth.maxRssMiB).toFixed(2)})`,
);

// Leave the machine as it was: a stack this script started is stopped again.
if (startedStack) await stopStack(stackPaths());
