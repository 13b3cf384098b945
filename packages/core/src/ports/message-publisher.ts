/** One batch of keyed messages for a topic, keys and values side by side (cheaper to hand over than objects). */
interface MessageBatch {
  readonly topic: string;
  readonly keys: readonly string[];
  readonly values: readonly string[];
}

/**
 * Port: sends batches of messages to the topic the loader reads. A publisher has `channels` independent
 * lanes; each lane takes one batch at a time (the caller waits for a lane's batch to settle before giving it
 * the next), so batches on different lanes travel at once while each lane keeps its own order.
 */
interface MessagePublisher {
  /** How many batches may be in flight at once, one per lane (lanes are `0 … channels - 1`). */
  readonly channels: number;
  /** Resolves once every message of the batch is acknowledged; rejects if any is not (none is then taken as sent). */
  readonly publish: (lane: number, batch: MessageBatch) => Promise<void>;
  /** Releases the connections once every batch has settled. */
  readonly close: () => Promise<void>;
}

export type { MessageBatch, MessagePublisher };
