import type { LegacySourceRow, LegacyUserSource, MessageBatch, MessagePublisher } from '@hashbridge/core';
import type { Checkpoint, CheckpointStore } from '../../src/index.js';

/** A well-formed passlib hash: the export only identifies hashes, it never verifies them. */
const SOME_HASH = '$pbkdf2-sha256$29000$5zxH6J1Tai1lzPn/31vrXQ$OcOdd4tPWr5LFdDaI.MIyinE/WbyhkEAkA2Dfv4IZe4';

/** `count` valid legacy rows with ids `001`, `002`, … (text order is id order). */
const legacyRows = (count: number): LegacySourceRow[] =>
  Array.from({ length: count }, (_, index) => {
    const id = String(index + 1).padStart(3, '0');
    return { id, email: `user${id}@example.com`, hash: SOME_HASH, profile: null, version: 1, collides: false };
  });

/** The legacy table in memory, read in keyset batches like the PostgreSQL source. */
class FakeSource implements LegacyUserSource {
  public closed = false;
  readonly #rows: readonly LegacySourceRow[];

  public constructor(rows: readonly LegacySourceRow[]) {
    this.#rows = rows;
  }

  #after(afterId: string | undefined): readonly LegacySourceRow[] {
    return afterId === undefined ? this.#rows : this.#rows.filter((row) => row.id > afterId);
  }

  public async count(afterId: string | undefined): Promise<number> {
    return this.#after(afterId).length;
  }

  public async *batches(afterId: string | undefined, batchSize: number): AsyncGenerator<LegacySourceRow[]> {
    const rows = this.#after(afterId);
    for (let start = 0; start < rows.length; start += batchSize) yield rows.slice(start, start + batchSize);
  }

  public async close(): Promise<void> {
    this.closed = true;
  }
}

/** One `publish` call, settled by the test: acknowledged or failed, in whatever order the test chooses. */
interface PublishCall {
  readonly lane: number;
  readonly keys: readonly string[];
  readonly values: readonly string[];
  readonly acknowledge: () => void;
  readonly fail: (error: Error) => void;
  outcome: 'in flight' | 'acknowledged' | 'failed';
}

/**
 * A publisher whose batches stay in flight until the test settles them, or (`autoAcknowledge`) are
 * acknowledged on the next turn of the event loop. Records the most batches it ever had in flight, in total
 * and per lane.
 */
class FakePublisher implements MessagePublisher {
  public readonly calls: PublishCall[] = [];
  public maxInFlight = 0;
  public maxInFlightPerLane = 0;
  public closed = false;
  readonly #autoAcknowledge: boolean;

  public constructor(
    public readonly channels: number,
    options: { readonly autoAcknowledge?: boolean } = {},
  ) {
    this.#autoAcknowledge = options.autoAcknowledge ?? false;
  }

  /** Keys of every batch acknowledged so far, in the order they were published. */
  public get acknowledgedKeys(): string[] {
    return this.calls.filter((call) => call.outcome === 'acknowledged').flatMap((call) => call.keys);
  }

  /** The JSON messages of every batch published, in order. */
  public get sentValues(): string[] {
    return this.calls.flatMap((call) => call.values);
  }

  public publish(lane: number, batch: MessageBatch): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const call: PublishCall = {
        lane,
        keys: [...batch.keys],
        values: [...batch.values],
        outcome: 'in flight',
        acknowledge: () => {
          call.outcome = 'acknowledged';
          resolve();
        },
        fail: (error) => {
          call.outcome = 'failed';
          reject(error);
        },
      };
      this.calls.push(call);
      const inFlight = this.calls.filter((c) => c.outcome === 'in flight');
      this.maxInFlight = Math.max(this.maxInFlight, inFlight.length);
      this.maxInFlightPerLane = Math.max(this.maxInFlightPerLane, inFlight.filter((c) => c.lane === lane).length);
      if (this.#autoAcknowledge) setImmediate(call.acknowledge);
    });
  }

  public async close(): Promise<void> {
    this.closed = true;
  }
}

/** Checkpoints in memory; `crashOnWrite: n` makes the n-th write fail, as if the process died right there. */
class MemoryCheckpointStore implements CheckpointStore {
  public current: Checkpoint | undefined;
  public readonly written: Checkpoint[] = [];
  #writes = 0;
  readonly #crashOnWrite: number | undefined;

  public constructor(options: { readonly crashOnWrite?: number } = {}) {
    this.#crashOnWrite = options.crashOnWrite;
  }

  public read(exportKey: string): Checkpoint | undefined {
    return this.current?.exportKey === exportKey ? this.current : undefined;
  }

  public async write(checkpoint: Checkpoint): Promise<void> {
    this.#writes += 1;
    if (this.#writes === this.#crashOnWrite) throw new Error('simulated crash before the checkpoint reached disk');
    this.current = checkpoint;
    this.written.push(checkpoint);
  }

  public clear(): void {
    this.current = undefined;
  }
}

export type { PublishCall };
export { FakePublisher, FakeSource, legacyRows, MemoryCheckpointStore, SOME_HASH };
