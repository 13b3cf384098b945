import { randomUUID } from 'node:crypto';
import { Kafka, type KafkaConfig, logLevel } from 'kafkajs';

/** Produces `values` to a fresh topic and reads them back through a consumer group. */
const roundTripThroughGroup = async (
  config: Omit<KafkaConfig, 'logLevel'>,
  values: readonly string[],
): Promise<string[]> => {
  // Silent: kafkajs logs retried, harmless errors (a group coordinator still loading); failures throw.
  const kafka = new Kafka({ ...config, logLevel: logLevel.NOTHING });
  const topic = `smoke-${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: values.map((value) => ({ key: 'k', value })) });
  await producer.disconnect();

  const consumer = kafka.consumer({ groupId: `smoke-group-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const received: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`received only ${received.length} of ${values.length}`)), 30_000);
      consumer
        .run({
          eachMessage: async ({ message }) => {
            received.push(message.value?.toString('utf8') ?? '');
            if (received.length === values.length) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return received;
};

export { roundTripThroughGroup };
