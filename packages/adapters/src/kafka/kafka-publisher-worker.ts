/**
 * The Kafka side of `KafkaPublisher`, in a worker thread: receives batches, answers each once Kafka
 * acknowledged it (or with the error's message).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createKafkaProducer } from './kafka-client.js';
import type { PublisherWorkerData, PublishReply, PublishRequest } from './kafka-publisher.js';

const withoutFinalStop = (text: string): string => text.replace(/\.+$/, '');

/**
 * The client's errors nest (a retried request keeps each attempt's error): the distinct innermost messages,
 * such as `connect ECONNREFUSED 127.0.0.1:9098`, tell the operator what to fix.
 */
const describeError = (error: unknown): string => {
  const causes = new Set<string>();
  const walk = (value: unknown, depth: number): void => {
    if (!(value instanceof Error) || depth > 5) return;
    const inner = [
      ...((value as { errors?: unknown[] }).errors ?? []),
      ...(value.cause === undefined ? [] : [value.cause]),
    ];
    if (inner.length === 0) causes.add(withoutFinalStop(value.message));
    for (const item of inner) walk(item, depth + 1);
  };
  walk(error, 0);
  const message = withoutFinalStop(error instanceof Error ? error.message : String(error));
  return causes.size === 0 || (causes.size === 1 && causes.has(message))
    ? message
    : `${message} (${[...causes].slice(0, 3).join('; ')})`;
};

const port = parentPort;
if (port === null) throw new Error('kafka-publisher-worker runs as a worker thread only');
const { settings, clientId } = workerData as PublisherWorkerData;
/** One producer per lane, created on first use: each has its own producer id, sequence numbers and connection. */
const producers: ReturnType<typeof createKafkaProducer>[] = [];

port.on('message', (request: PublishRequest) => {
  if (request.kind === 'close') {
    Promise.allSettled(producers.map((producer) => producer.close())).then(() => port.close());
    return;
  }
  let producer = producers[request.lane];
  if (producer === undefined) {
    producer = createKafkaProducer(settings, clientId);
    producers[request.lane] = producer;
  }
  const messages = request.keys.map((key, index) => ({
    topic: request.topic,
    key,
    value: request.values[index] as string,
  }));
  producer.send({ messages }).then(
    () => port.postMessage({ id: request.id } satisfies PublishReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        error: describeError(error),
      } satisfies PublishReply),
  );
});
