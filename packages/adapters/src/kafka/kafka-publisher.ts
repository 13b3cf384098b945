import { Worker } from 'node:worker_threads';
import type { MessageBatch, MessagePublisher } from '@hashbridge/core';
import { PublishError } from '../errors.js';
import { KAFKA_CLOSE_TIMEOUT_MS } from './constants.js';
import type { KafkaSettings } from './kafka-client.js';

/**
 * A batch for the worker: keys and values as two arrays, cheaper to copy between threads than objects, and
 * the lane (the worker's producer) that sends it.
 */
type PublishRequest =
  | {
      readonly kind: 'send';
      readonly id: number;
      readonly lane: number;
      readonly topic: string;
      readonly keys: readonly string[];
      readonly values: readonly string[];
    }
  | { readonly kind: 'close' };

/** The worker's answer to one batch: acknowledged, or the error that stopped it. */
interface PublishReply {
  readonly id: number;
  readonly error?: string;
}

/** What the worker thread is started with. */
interface PublisherWorkerData {
  readonly settings: KafkaSettings;
  readonly clientId: string;
}

/**
 * The worker thread: the module built next to this one; from source (tests, tsx), a small script that
 * registers tsx in the new thread first, since a worker does not inherit the TypeScript loader.
 */
const startWorker = (workerData: PublisherWorkerData): Worker => {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./kafka-publisher-worker.js', import.meta.url), { workerData });
  }
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const source = new URL('./kafka-publisher-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
};

interface KafkaPublisherOptions {
  readonly settings: KafkaSettings;
  /** Batches in flight at once, each lane its own idempotent producer. @default 1 */
  readonly channels?: number;
  /** @default 'hashbridge-producer' */
  readonly clientId?: string;
}

/**
 * Publishes batches to Kafka / Amazon MSK from a worker thread (see kafka-publisher-worker.ts): record
 * encoding and compression take as much CPU as reading and validating the rows, so the two run on separate
 * cores. Each lane is an idempotent producer, acknowledged by all in-sync replicas, keys partitioned as
 * Kafka's Java client does. A producer keeps one request in flight (its sequence numbers advance on the
 * answer), hence one batch per lane at a time. A worker that dies fails every batch in flight, so no batch is
 * ever taken for sent.
 *
 * @example
 * const publisher = new KafkaPublisher({ settings: { brokers: ['localhost:9092'], auth: 'none', compression: 'gzip' }, channels: 3 });
 * await publisher.publish(0, { topic: 'legacy-users', keys: ['ada@example.com'], values: [json] });
 * await publisher.close();
 */
class KafkaPublisher implements MessagePublisher {
  public readonly channels: number;
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #failure: PublishError | undefined;

  public constructor(options: KafkaPublisherOptions) {
    this.channels = options.channels ?? 1;
    this.#worker = startWorker({ settings: options.settings, clientId: options.clientId ?? 'hashbridge-producer' });
    this.#worker.on('message', (reply: PublishReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.error === undefined) pending?.resolve();
      else pending?.reject(new PublishError(`Kafka did not acknowledge the batch: ${reply.error}`));
    });
    this.#worker.on('error', (error) => this.#failAll(error));
    this.#worker.on('exit', (code) => this.#failAll(new Error(`the Kafka worker thread exited (code ${code})`)));
  }

  #failAll(cause: Error): void {
    this.#failure ??= new PublishError(`Kafka did not acknowledge the batch: ${cause.message}`, { cause });
    for (const pending of this.#pending.values()) pending.reject(this.#failure);
    this.#pending.clear();
  }

  public publish(lane: number, batch: MessageBatch): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    if (!Number.isInteger(lane) || lane < 0 || lane >= this.channels) {
      return Promise.reject(new PublishError(`lane ${lane} is outside 0…${this.channels - 1}`));
    }
    const id = this.#nextId++;
    return new Promise<void>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      const request: PublishRequest = {
        kind: 'send',
        id,
        lane,
        topic: batch.topic,
        keys: batch.keys,
        values: batch.values,
      };
      this.#worker.postMessage(request);
    });
  }

  /** Closes the producers (their connections) and ends the thread. */
  public async close(): Promise<void> {
    if (this.#failure !== undefined) {
      await this.#worker.terminate();
      return;
    }
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    this.#worker.postMessage({ kind: 'close' } satisfies PublishRequest);
    // Every batch is acknowledged by now; a client that does not let go of its sockets must not hang the caller.
    const gaveUp = setTimeout(() => void this.#worker.terminate(), KAFKA_CLOSE_TIMEOUT_MS);
    await exited;
    clearTimeout(gaveUp);
  }
}

export type { KafkaPublisherOptions, PublisherWorkerData, PublishReply, PublishRequest };
export { KafkaPublisher };
