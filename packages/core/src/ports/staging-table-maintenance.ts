import type { SchemeName } from '../scheme-names.js';

/**
 * One item of the staging table as the operator's reports see it: never the hash, only whether there is one.
 * `lane` is `native` for users Cognito's import created, `trigger` for the others.
 */
interface StagingRecordSummary {
  readonly email: string;
  readonly lane: 'native' | 'trigger';
  readonly scheme?: SchemeName;
  readonly hasHash: boolean;
  readonly profile?: Readonly<Record<string, unknown>>;
  readonly stagedAt?: string;
  readonly importedAt?: string;
  readonly migratedAt?: string;
  readonly expiresAt?: number;
  readonly failedSignIns?: number;
  readonly lastFailedSignInAt?: string;
}

/**
 * Port: the operator's view of the staging table, for `status` and `finish`. `scan` reads every item in
 * `segments` parallel Scan segments, never handing out a hash; `removeHashes` deletes the staged hash of
 * users who migrated (their record stays, for the reports); `countQuarantined` counts the Loader's quarantine.
 */
interface StagingTableMaintenance {
  /** Hands each page to `onPage` as it arrives, from whichever segment; resolves once every segment is read. */
  readonly scan: (segments: number, onPage: (records: readonly StagingRecordSummary[]) => void) => Promise<void>;
  readonly countQuarantined: () => Promise<number>;
  /** Removes the hash of each of these users who migrated; resolves to how many had one. */
  readonly removeHashes: (emails: readonly string[]) => Promise<number>;
}

export type { StagingRecordSummary, StagingTableMaintenance };
