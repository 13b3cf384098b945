import type { Context, MSKEvent } from 'aws-lambda';
import { type Admin, type Consumer, Kafka, type KafkaConfig, logLevel } from 'kafkajs';
import { type KafkaRecordInput, toMskEvent } from './msk-event.js';

/** Lambda's MSK event source mapping hands over at most this many records per invocation by default. */
const MSK_BATCH_SIZE = 100;

interface LocalEventSourceOptions {
  readonly kafka: Omit<KafkaConfig, 'logLevel'>;
  readonly topic: string;
  readonly groupId: string;
  /** The function to invoke, as Lambda would: an MSK event and a context. */
  readonly handler: (event: MSKEvent, context: Context) => Promise<unknown>;
  readonly batchSize?: number;
  /** Stop once every partition's committed offset has reached its end. */
  readonly untilIdle?: boolean;
  readonly signal?: AbortSignal;
  readonly log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const invocationContext = (functionName: string): Context =>
  ({ functionName, awsRequestId: crypto.randomUUID(), getRemainingTimeInMillis: () => 60_000 }) as Context;

/** True when the group's committed offsets have reached the end of every partition. */
const drained = async (admin: Admin, topic: string, groupId: string): Promise<boolean> => {
  const ends = await admin.fetchTopicOffsets(topic);
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return ends.every(({ partition, high }) => {
    const done = committed?.partitions.find((entry) => entry.partition === partition)?.offset ?? '-1';
    return Number(high) === 0 || Number(done) >= Number(high);
  });
};

/**
 * A stand-in for Lambda's MSK event source mapping, for the local stack: consumes `topic` with a consumer
 * group from the earliest offset (TRIM_HORIZON), invokes `handler` with MSK events of at most 100 records,
 * and commits a batch's offsets only after the handler succeeded. A failed invocation is retried (kafkajs
 * restarts from the last committed offset), as the event source would.
 */
const runLocalEventSource = async (
  options: LocalEventSourceOptions,
): Promise<{ invocations: number; records: number }> => {
  const log = options.log ?? (() => {});
  const kafka = new Kafka({ ...options.kafka, logLevel: logLevel.NOTHING });
  const consumer: Consumer = kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
  const admin = kafka.admin();
  const bootstrapServers = options.kafka.brokers.toString();
  const batchSize = options.batchSize ?? MSK_BATCH_SIZE;
  let invocations = 0;
  let records = 0;

  await Promise.all([consumer.connect(), admin.connect()]);
  try {
    await consumer.subscribe({ topic: options.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        for (let start = 0; start < batch.messages.length; start += batchSize) {
          if (!isRunning() || isStale()) return;
          const chunk = batch.messages.slice(start, start + batchSize);
          const inputs: KafkaRecordInput[] = chunk.map((message) => ({
            topic: batch.topic,
            partition: batch.partition,
            offset: message.offset,
            timestamp: message.timestamp,
            key: message.key,
            value: message.value,
            ...(message.headers === undefined ? {} : { headers: message.headers }),
          }));
          // A throw here (the function failed) leaves the offsets uncommitted: kafkajs delivers them again.
          await options.handler(toMskEvent(inputs, bootstrapServers), invocationContext('hashbridge-loader'));
          invocations++;
          records += chunk.length;
          const last = chunk.at(-1)?.offset ?? '0';
          resolveOffset(last);
          await consumer.commitOffsets([
            { topic: batch.topic, partition: batch.partition, offset: String(Number(last) + 1) },
          ]);
          await heartbeat();
        }
      },
    });
    for (;;) {
      if (options.signal?.aborted) break;
      await sleep(500);
      if (options.untilIdle === true && (await drained(admin, options.topic, options.groupId))) break;
    }
    log(`handled ${records} records in ${invocations} invocations`);
    return { invocations, records };
  } finally {
    await Promise.allSettled([consumer.disconnect(), admin.disconnect()]);
  }
};

export type { LocalEventSourceOptions };
export { MSK_BATCH_SIZE, runLocalEventSource };
