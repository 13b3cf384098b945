import type { RejectionReason } from '../messages/parse-user-message.js';

/** Where a refused record came from, and why it was refused. Never its value: it may hold a hash. */
interface QuarantinedRecord {
  /** `topic-partition-offset`: unique per record, so quarantining twice is harmless. */
  readonly recordId: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly reason: RejectionReason | 'key-mismatch';
  readonly detail: string;
  readonly quarantinedAt: string;
  /** Epoch seconds at which DynamoDB's TTL deletes the record. */
  readonly expiresAt: number;
}

/** Port: a durable place for records the loader refused, so nothing is lost and a partition never blocks. */
interface QuarantineStore {
  readonly put: (record: QuarantinedRecord) => Promise<void>;
}

export type { QuarantinedRecord, QuarantineStore };
