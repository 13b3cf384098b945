/**
 * One row of the legacy users table as a source hands it over: the values as stored, not validated yet (the
 * export validates every row and reports the ones it refuses).
 */
interface LegacySourceRow {
  /** The row's primary key, as text: the keyset the export resumes from. */
  readonly id: string;
  readonly email: unknown;
  readonly hash: unknown;
  readonly profile: unknown;
  /** The row's last change in microseconds since the epoch (0 when unknown): orders exports of one user. */
  readonly version: number;
  /** Another row of the source has the same email once trimmed and lower-cased. */
  readonly collides: boolean;
  /** The legacy application has disabled the account; absent when the source does not say. */
  readonly disabled?: boolean;
}

/**
 * Port: the legacy users, read from one consistent snapshot in keyset order (by id), so an export that stops
 * can resume after the last id it delivered and still see the same data.
 */
interface LegacyUserSource {
  /** Rows after `afterId` (every row when undefined): the total a progress bar shows. */
  readonly count: (afterId: string | undefined) => Promise<number>;
  /** Batches of at most `batchSize` rows, ordered by id, strictly after `afterId`. */
  readonly batches: (afterId: string | undefined, batchSize: number) => AsyncIterable<readonly LegacySourceRow[]>;
  /** Ends the snapshot and releases the connection. */
  readonly close: () => Promise<void>;
}

export type { LegacySourceRow, LegacyUserSource };
