import { Worker } from 'node:worker_threads';
import { KAFKA_CLOSE_TIMEOUT_MS } from '../constants.js';
import { ProducerError } from '../errors.js';
import type { KafkaSettings } from './kafka-client.js';

/**
 * A batch for the worker: keys and values as two arrays, cheaper to copy between threads than objects, and
 * which of the worker's producers sends it (the caller keeps one batch in flight per producer).
 */
type SinkRequest =
  | {
      readonly kind: 'send';
      readonly id: number;
      readonly producer: number;
      readonly topic: string;
      readonly keys: string[];
      readonly values: string[];
    }
  | { readonly kind: 'close' };

/** The worker's answer to one batch: acknowledged, or the error that stopped it. */
interface SinkReply {
  readonly id: number;
  readonly error?: string;
}

/**
 * The worker thread: the module built next to the bundle; from source (tests, tsx), a small script that
 * registers tsx in the new thread first, since a worker does not inherit the TypeScript loader.
 */
const startWorker = (settings: KafkaSettings): Worker => {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./kafka-sink-worker.js', import.meta.url), { workerData: settings });
  }
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const source = new URL('./kafka-sink-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: settings });
};

/**
 * Sends batches to Kafka from a worker thread (see kafka-sink-worker.ts), through as many idempotent producers
 * as the caller uses: `send` resolves once Kafka acknowledged the batch. A producer keeps one request in
 * flight (sequence numbers advance on the answer), so the caller must not send on a producer before its
 * previous batch is acknowledged. A worker that dies fails every batch in flight, so no batch is ever taken
 * for sent.
 */
class KafkaSinkThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #failure: Error | undefined;

  public constructor(settings: KafkaSettings) {
    this.#worker = startWorker(settings);
    this.#worker.on('message', (reply: SinkReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.error === undefined) pending?.resolve();
      else
        pending?.reject(
          new ProducerError(
            `sending to Kafka failed: ${reply.error}. Check --brokers, --auth and --tls, that the topic exists (or pass --create-topic), and that this machine may reach the brokers (MSK's public IAM listener is port 9198).`,
          ),
        );
    });
    this.#worker.on('error', (error) => this.#failAll(error));
    this.#worker.on('exit', (code) => this.#failAll(new Error(`the Kafka worker thread exited (code ${code})`)));
  }

  #failAll(cause: Error): void {
    this.#failure ??= new ProducerError(`sending to Kafka failed: ${cause.message}`, { cause });
    for (const pending of this.#pending.values()) pending.reject(this.#failure);
    this.#pending.clear();
  }

  public send(producer: number, topic: string, keys: string[], values: string[]): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise<void>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      const request: SinkRequest = {
        kind: 'send',
        id,
        producer,
        topic,
        keys,
        values,
      };
      this.#worker.postMessage(request);
    });
  }

  /** Closes the producer (its connections) and ends the thread. */
  public async close(): Promise<void> {
    if (this.#failure !== undefined) {
      await this.#worker.terminate();
      return;
    }
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    this.#worker.postMessage({ kind: 'close' } satisfies SinkRequest);
    // Every batch is acknowledged by now; a client that does not let go of its sockets must not hang the run.
    const gaveUp = setTimeout(() => void this.#worker.terminate(), KAFKA_CLOSE_TIMEOUT_MS);
    await exited;
    clearTimeout(gaveUp);
  }
}

export type { SinkReply, SinkRequest };
export { KafkaSinkThread };
