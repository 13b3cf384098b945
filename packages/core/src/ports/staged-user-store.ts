import type { UserMessage } from '../messages/user-message.js';
import type { SchemeName } from '../scheme-names.js';

/** A legacy user as staged for migration (an item of the staging table, `STAGING_TABLE` in contract.ts). */
interface StagedUser {
  /** Normalised email: the partition key. */
  readonly email: string;
  /** The legacy hash, verbatim. */
  readonly hash: string;
  readonly scheme: SchemeName;
  readonly profile: Readonly<Record<string, unknown>>;
  readonly sourceId: string;
  readonly sourceVersion: number;
  readonly stagedAt: string;
  /** Set by the migration trigger once Cognito has the user's password. */
  readonly migratedAt?: string;
  /** Epoch seconds at which DynamoDB's TTL deletes the record: set when the user migrated. */
  readonly expiresAt?: number;
  /** Consecutive failed sign-ins since the last success (absent: none). */
  readonly failedSignIns?: number;
  /** When the last of them happened (ISO 8601): the lock, if any, runs from here. */
  readonly lastFailedSignInAt?: string;
}

/** `staged`: written; `stale`: the store already holds this or a newer version of the user. */
type StageOutcome = 'staged' | 'stale';

/**
 * Port: where staged users live. Writes are conditional on the source version, so replays change nothing
 * and an older export never overwrites a newer one.
 */
interface StagedUserStore {
  readonly stage: (message: UserMessage) => Promise<StageOutcome>;
  /**
   * Stages a batch with the same rule, in as few round trips as the store allows; outcomes in input order.
   * A message superseded by a newer one of the same user in the same batch is `stale`. Throws when the batch
   * could not be written (the caller has it delivered again: staging is idempotent).
   */
  readonly stageMany: (messages: readonly UserMessage[]) => Promise<StageOutcome[]>;
  readonly get: (email: string) => Promise<StagedUser | undefined>;
  /**
   * Records that Cognito took the user over at `at` (the first date stays), sets the record's expiry (the first
   * one stays) and clears the failed sign-ins.
   */
  readonly markMigrated: (email: string, at: Date, expiresAt: Date) => Promise<void>;
  /**
   * Notes a refused sign-in with one conditional write. With `counted` (a wrong password) it adds one to the
   * failed sign-ins, atomically (parallel failures of one user all count), and notes when; without (a locked
   * account) it changes nothing. An email that is not staged gets no record: the write finds none and the call
   * resolves all the same. So every refusal costs one round trip, and timing tells them apart no better than
   * the answer does.
   */
  readonly recordFailedSignIn: (email: string, at: Date, counted: boolean) => Promise<void>;
}

export type { StagedUser, StagedUserStore, StageOutcome };
