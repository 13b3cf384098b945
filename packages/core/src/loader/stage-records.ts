import { DEFAULT_HASH_RETENTION_DAYS } from '../constants.js';
import { forEachLimited } from '../for-each-limited.js';
import { parseUserMessage, validateUserMessage } from '../messages/parse-user-message.js';
import type { UserMessage } from '../messages/user-message.js';
import type { QuarantinedRecord, QuarantineStore } from '../ports/quarantine-store.js';
import type { StagedUserStore } from '../ports/staged-user-store.js';

/**
 * One Kafka record as the loader sees it. `key` and `value` may be getters that throw when the bytes do not
 * decode (Powertools' Kafka consumer decodes lazily): such a record is quarantined, not fatal.
 */
interface LoaderRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key?: unknown;
  readonly value: unknown;
}

interface StageRecordsDependencies {
  readonly store: StagedUserStore;
  readonly quarantine: QuarantineStore;
  /** Writes in flight at once. */
  readonly concurrency?: number;
  readonly now?: () => Date;
  /** Days a quarantined record is kept before DynamoDB's TTL deletes it. @default 30 */
  readonly retentionDays?: number;
}

/** What happened to one batch. `failed` records hit a transient error and must be delivered again. */
interface StageRecordsReport {
  readonly staged: number;
  readonly stale: number;
  readonly quarantined: number;
  readonly failed: readonly { readonly record: LoaderRecord; readonly error: unknown }[];
}

const DEFAULT_CONCURRENCY = 16;

/** The record's value, or the reason it cannot be read: a getter that throws means undecodable bytes. */
const readField = (record: LoaderRecord, field: 'key' | 'value'): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: record[field] };
  } catch {
    return { ok: false };
  }
};

/**
 * The loader's work for one batch: validate each record against the message contract and stage it, or
 * quarantine it with its coordinates and the reason. Every record ends in exactly one of staged, stale,
 * quarantined or failed (transient: the caller makes the event source deliver it again). Writes are
 * idempotent and ordered by source version, so redelivery is always safe.
 */
const stageRecords = async (
  records: readonly LoaderRecord[],
  dependencies: StageRecordsDependencies,
): Promise<StageRecordsReport> => {
  const now = dependencies.now ?? (() => new Date());
  let staged = 0;
  let stale = 0;
  let quarantined = 0;
  const failed: { record: LoaderRecord; error: unknown }[] = [];

  const quarantine = async (
    record: LoaderRecord,
    reason: QuarantinedRecord['reason'],
    detail: string,
  ): Promise<void> => {
    const at = now();
    await dependencies.quarantine.put({
      recordId: `${record.topic}-${record.partition}-${record.offset}`,
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      reason,
      detail,
      quarantinedAt: at.toISOString(),
      expiresAt: Math.floor(at.getTime() / 1000) + (dependencies.retentionDays ?? DEFAULT_HASH_RETENTION_DAYS) * 86_400,
    });
    quarantined++;
  };

  // Validate every record first; refused ones are quarantined (a few writes, in parallel).
  const valid: { record: LoaderRecord; message: UserMessage }[] = [];
  await forEachLimited(records, dependencies.concurrency ?? DEFAULT_CONCURRENCY, async (record) => {
    try {
      const value = readField(record, 'value');
      if (!value.ok) return await quarantine(record, 'invalid-json', 'the value is not valid JSON');
      // Raw text or bytes are parsed here, so JSON errors are reported our way (never echoing the value).
      const raw = value.value;
      const result =
        typeof raw === 'string' || raw instanceof Uint8Array ? parseUserMessage(raw) : validateUserMessage(raw);
      if (!result.ok) return await quarantine(record, result.reason, result.detail);
      const key = readField(record, 'key');
      if (key.ok && typeof key.value === 'string' && key.value !== result.message.email) {
        return await quarantine(record, 'key-mismatch', 'the record key is not the normalised email of the message');
      }
      valid.push({ record, message: result.message });
    } catch (error) {
      failed.push({ record, error });
    }
  });
  // Then stage the valid ones as one batch: the store needs a few round trips, not one per record.
  if (valid.length > 0) {
    try {
      const outcomes = await dependencies.store.stageMany(valid.map(({ message }) => message));
      for (const outcome of outcomes) {
        if (outcome === 'staged') staged++;
        else stale++;
      }
    } catch (error) {
      for (const { record } of valid) failed.push({ record, error });
    }
  }
  return { staged, stale, quarantined, failed };
};

export type { LoaderRecord, StageRecordsDependencies, StageRecordsReport };
export { stageRecords };
