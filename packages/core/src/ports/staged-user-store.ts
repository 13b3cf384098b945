import type { UserMessage } from '../messages/user-message.js';
import type { SchemeName } from '../scheme-names.js';

/** A legacy user as staged for migration (the DynamoDB item of `StandaloneUserHashes`). */
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
}

/** `staged`: written; `stale`: the store already holds this or a newer version of the user. */
type StageOutcome = 'staged' | 'stale';

/**
 * Port: where staged users live. Writes are conditional on the source version, so replays change nothing
 * and an older export never overwrites a newer one.
 */
interface StagedUserStore {
  readonly stage: (message: UserMessage) => Promise<StageOutcome>;
  readonly get: (email: string) => Promise<StagedUser | undefined>;
  readonly markMigrated: (email: string, at: Date) => Promise<void>;
}

export type { StagedUser, StagedUserStore, StageOutcome };
