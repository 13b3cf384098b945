/**
 * Throughput of the pipe, each beside a baseline measured in the same run (ratios: the machine is shared):
 *  1. producer: PostgreSQL → Kafka (acks all) with `hashbridge-producer`, beside `psql \copy … to stdout`
 *     piped into `kcat -P` sending the same messages to a topic of the same shape; the producer's peak RSS at
 *     the full row count and at a tenth of it; and against a distant broker (50 ms added to each request),
 *     one batch in flight beside the default.
 *  2. loader: records/s through the Loader handler (MSK events of 100) into the DynamoDB API, beside a plain
 *     BatchWriteItem loop writing the same items.
 *  3. Kafka clients: the same prepared messages sent by kafkajs and by @platformatic/kafka (wall and CPU time).
 * Uses (or starts) the local stack. Prints Markdown; benchmarks/pipeline.md holds what it printed here.
 *
 *   npm run bench:pipeline [-- --rows 1000000 --loader-records 20000 --client-messages 200000 --runs 3]
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBQuarantineStore, DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { createUserMessage } from '@hashbridge/core';
import { createLoaderHandler } from '@hashbridge/handlers';
import { createLoaderTables, stackPaths, startStack, stopStack, toMskEvent } from '@hashbridge/local-stack';
import { DEFAULT_BATCHES_IN_FLIGHT } from '@hashbridge/producer';
import { Producer, stringSerializers } from '@platformatic/kafka';
import type { Context } from 'aws-lambda';
import { CompressionTypes, Kafka, logLevel } from 'kafkajs';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'loader-records': { type: 'string', default: '20000' },
    'client-messages': { type: 'string', default: '200000' },
    runs: { type: 'string', default: '3' },
  },
});
const ROWS = Number(values.rows);
const LOADER_RECORDS = Number(values['loader-records']);
const CLIENT_MESSAGES = Number(values['client-messages']);
/** Producer and baseline run alternately this many times each; the tables show medians. */
const RUNS = Number(values.runs);
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';
/** The producer's bin over the built CLI, as operators run it (`npm run bench:pipeline` builds first). */
const PRODUCER_BIN = new URL('../packages/producer/bin/hashbridge-producer.mjs', import.meta.url).pathname;
const BUILT_CLI = new URL('../packages/producer/dist/cli.js', import.meta.url).pathname;
if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` first`);

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

/** Added before every write to the broker, as a round trip to MSK across the internet would. */
const DISTANT_BROKER_DELAY_MS = 50;
const DELAY_PRELOAD = new URL('./delay-kafka-writes.mjs', import.meta.url).pathname;

/**
 * Runs the producer CLI in its own process; reports wall time and the process's peak RSS. With `distant`,
 * every request to the broker is held back DISTANT_BROKER_DELAY_MS (delay-kafka-writes.mjs).
 */
const runProducerCli = async (
  table: string,
  options: { readonly args?: readonly string[]; readonly distant?: boolean } = {},
): Promise<{ seconds: number; maxRssMiB: number }> => {
  const topic = `bench-${randomUUID()}`;
  await createTopic(topic);
  const work = mkdtempSync(join(tmpdir(), 'hashbridge-bench-producer-'));
  // Peak RSS, reported by the producer's own process at exit (NODE_OPTIONS, so the bin keeps its shebang flags).
  const reportRss = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))`;
  const started = performance.now();
  const child = spawn(
    PRODUCER_BIN,
    [
      '--table',
      table,
      '--topic',
      topic,
      '--progress',
      'off',
      '--checkpoint',
      join(work, 'c.json'),
      '--rejects',
      join(work, 'r.jsonl'),
      ...(options.args ?? []),
    ],
    {
      env: {
        ...process.env,
        ...env,
        NODE_OPTIONS: `--import ${reportRss}`,
        ...(options.distant === true
          ? {
              NODE_OPTIONS: `--import ${reportRss} --import ${DELAY_PRELOAD}`,
              DELAY_PORT: brokers.split(':').at(-1),
              DELAY_MS: String(DISTANT_BROKER_DELAY_MS),
            }
          : {}),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`producer failed: ${stderr}`);
  const seconds = (performance.now() - started) / 1000;
  const maxRssKiB = Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? 0);
  return { seconds, maxRssMiB: maxRssKiB / 1024 };
};

/** The baseline: the same JSON messages out of PostgreSQL with \copy, into Kafka with kcat (acks all). */
const runCopyKcat = async (table: string): Promise<number | undefined> => {
  if (spawnSync('kcat', ['-V']).status !== 0) return undefined;
  const topic = `bench-kcat-${randomUUID()}`;
  // The same shape as the producer's topic: partitions decide how many record batches the broker handles.
  await createTopic(topic);
  const started = performance.now();
  const query = `SELECT lower(btrim(email)) || E'\\t' || json_build_object('schemaVersion', 1, 'email', lower(btrim(email)), 'hash', password_hash, 'scheme', 'bcrypt', 'profile', profile, 'source', json_build_object('id', id::text, 'version', (extract(epoch from updated_at) * 1000000)::bigint))::text FROM ${table} ORDER BY id`;
  const result = spawnSync(
    'bash',
    [
      '-o',
      'pipefail',
      '-c',
      `psql "$DATABASE_URL" -q -c "\\copy (${query.replaceAll('"', '\\"')}) to stdout" | kcat -P -b "$KAFKA_BROKERS" -t ${topic} -K '\\t' -X acks=all -X compression.codec=gzip -X enable.idempotence=true`,
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

/** `count` valid user messages, user0@example.com upwards, as the producer would build them. */
const benchMessages = (count: number) =>
  Array.from({ length: count }, (_, i) => {
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

const loaderBench = async (records: number): Promise<{ handlerSeconds: number; batchWriteSeconds: number }> => {
  const client = documentsClient();
  const documents = DynamoDBDocumentClient.from(client);
  const messages = benchMessages(records);
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

/**
 * The same prepared messages sent by kafkajs (the design card's client) and by @platformatic/kafka (the one the
 * producer uses): idempotent, acks all, gzip, batches of 5,000 sent one after another. Wall and CPU seconds.
 */
const clientComparison = async (): Promise<{ kafkajs: Sample; platformatic: Sample }> => {
  const messages = benchMessages(CLIENT_MESSAGES).map((message) => ({
    key: message.email,
    value: JSON.stringify(message),
  }));
  const measure = async (send: (topic: string) => Promise<void>): Promise<Sample> => {
    const topic = `bench-client-${randomUUID()}`;
    await createTopic(topic);
    const cpu = process.cpuUsage();
    const started = performance.now();
    await send(topic);
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  };
  const viaKafkajs = () =>
    measure(async (topic) => {
      const producer = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING }).producer({
        idempotent: true,
        maxInFlightRequests: 1,
      });
      await producer.connect();
      for (let start = 0; start < messages.length; start += 5000) {
        const batch = messages.slice(start, start + 5000);
        await producer.send({ topic, acks: -1, compression: CompressionTypes.GZIP, messages: batch });
      }
      await producer.disconnect();
    });
  const viaPlatformatic = () =>
    measure(async (topic) => {
      const producer = new Producer({
        clientId: 'bench',
        bootstrapBrokers: [brokers],
        serializers: stringSerializers,
        idempotent: true,
        acks: -1,
        compression: 'gzip',
      });
      for (let start = 0; start < messages.length; start += 5000) {
        const batch = messages.slice(start, start + 5000).map((message) => ({ topic, ...message }));
        await producer.send({ messages: batch });
      }
      await producer.close();
    });
  const kafkajs: Sample[] = [];
  const platformatic: Sample[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    kafkajs.push(await viaKafkajs());
    platformatic.push(await viaPlatformatic());
  }
  return { kafkajs: medianSample(kafkajs), platformatic: medianSample(platformatic) };
};

interface Sample {
  readonly seconds: number;
  readonly cpuSeconds: number;
}

/** The run of median wall time (its CPU time with it). */
const medianSample = (samples: readonly Sample[]): Sample => {
  const sorted = [...samples].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)] as Sample;
};
const median = (numbers: readonly number[]): number =>
  [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] as number;

process.stderr.write(`seeding ${ROWS} and ${ROWS / 10} rows...\n`);
const bigTable = await seed(ROWS);
const smallTable = await seed(ROWS / 10);
// Alternate producer and baseline so that a burst of load from elsewhere on this shared machine hits both.
const producerRuns: { seconds: number; maxRssMiB: number }[] = [];
const baselineRuns: number[] = [];
for (let run = 1; run <= RUNS; run += 1) {
  process.stderr.write(`run ${run}/${RUNS}: producer, full table...\n`);
  producerRuns.push(await runProducerCli(bigTable));
  process.stderr.write(`run ${run}/${RUNS}: baseline, psql \\copy | kcat...\n`);
  const seconds = await runCopyKcat(bigTable);
  if (seconds !== undefined) baselineRuns.push(seconds);
}
const full = {
  seconds: median(producerRuns.map((run) => run.seconds)),
  maxRssMiB: median(producerRuns.map((run) => run.maxRssMiB)),
};
const baselineSeconds = baselineRuns.length === 0 ? undefined : median(baselineRuns);
process.stderr.write('producer, a tenth...\n');
const tenthRuns: { seconds: number; maxRssMiB: number }[] = [];
for (let run = 1; run <= RUNS; run += 1) tenthRuns.push(await runProducerCli(smallTable));
const tenth = { maxRssMiB: median(tenthRuns.map((run) => run.maxRssMiB)) };
process.stderr.write('producer, distant broker...\n');
// One batch in flight against the default, alternating as above.
const distantRuns: { one: number[]; defaults: number[] } = { one: [], defaults: [] };
for (let run = 1; run <= RUNS; run += 1) {
  distantRuns.one.push((await runProducerCli(bigTable, { distant: true, args: ['--batches-in-flight', '1'] })).seconds);
  distantRuns.defaults.push((await runProducerCli(bigTable, { distant: true })).seconds);
}
process.stderr.write('loader...\n');
// Alternating too: each run writes fresh tables, so runs do not see each other's items.
const loaderRuns: { handlerSeconds: number; batchWriteSeconds: number }[] = [];
// Untimed first: the handler runs before the baseline, so without a warm-up it alone paid for compiling the
// SDK's request path (its first run took 10-20% longer than the next), as a Lambda only does on a cold start.
await loaderBench(LOADER_RECORDS / 10);
for (let run = 1; run <= RUNS; run += 1) loaderRuns.push(await loaderBench(LOADER_RECORDS));
const loader = {
  handlerSeconds: median(loaderRuns.map((run) => run.handlerSeconds)),
  batchWriteSeconds: median(loaderRuns.map((run) => run.batchWriteSeconds)),
};
process.stderr.write('Kafka clients, same messages...\n');
const clients = await clientComparison();

const rate = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString('en-US');
console.log(`| measurement (median of ${RUNS}, alternating) | rows | seconds | rows/s | ratio |`);
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
  `\nproducer peak RSS (medians): ${full.maxRssMiB.toFixed(0)} MiB at ${ROWS} rows, ${tenth.maxRssMiB.toFixed(0)} MiB at ${ROWS / 10} rows (ratio ${(full.maxRssMiB / tenth.maxRssMiB).toFixed(2)})`,
);
console.log(
  `\nProducer against a distant broker (${DISTANT_BROKER_DELAY_MS} ms added to every request, as across the internet to MSK), ${ROWS} rows, median of ${RUNS}, alternating\n`,
);
console.log('| batches in flight | seconds | rows/s |');
console.log('|---|---|---|');
for (const [name, runs] of [
  ['1', distantRuns.one],
  [`${DEFAULT_BATCHES_IN_FLIGHT} (the default)`, distantRuns.defaults],
] as const) {
  console.log(`| ${name} | ${median(runs).toFixed(1)} | ${rate(ROWS, median(runs))} |`);
}
console.log(
  `\nKafka clients: ${CLIENT_MESSAGES} prepared messages, batches of 5,000 (median of ${RUNS}, alternating)\n`,
);
console.log('| client | seconds | CPU seconds | messages/s | ratio (CPU) |');
console.log('|---|---|---|---|---|');
for (const [name, sample] of [
  ['kafkajs 2.2.4 (baseline)', clients.kafkajs],
  ['@platformatic/kafka 1.35.0 (used by the producer)', clients.platformatic],
] as const) {
  console.log(
    `| ${name} | ${sample.seconds.toFixed(2)} | ${sample.cpuSeconds.toFixed(2)} | ${rate(CLIENT_MESSAGES, sample.seconds)} | ${(sample.cpuSeconds / clients.kafkajs.cpuSeconds).toFixed(2)} |`,
  );
}

// Leave the machine as it was: a stack this script started is stopped again.
if (startedStack) await stopStack(stackPaths());
