/** The users of one scheme in the staging table, by where they are. */
interface SchemeStatus {
  /** Created by Cognito's import. */
  readonly native: number;
  /** Staged for the trigger, not signed in yet. */
  readonly waiting: number;
  /** Signed in once: Cognito has them. */
  readonly migrated: number;
  /** Waiting, and locked out right now by failed sign-ins. */
  readonly locked: number;
}

/** What `hashbridge status` reports. Counts only: no email, no hash. */
interface StatusReport {
  /** Items in the staging table. */
  readonly records: number;
  readonly native: number;
  readonly trigger: {
    readonly waiting: number;
    readonly migrated: number;
    readonly locked: number;
    /** Waiting users with no failed sign-in recorded: nobody has tried their account. */
    readonly neverSignedIn: number;
    /** Waiting users with at least one failed sign-in. */
    readonly failedSignIns: number;
  };
  readonly schemes: Readonly<Record<string, SchemeStatus>>;
  /** UTC day → users migrated through the trigger that day. */
  readonly migratedPerDay: Readonly<Record<string, number>>;
  /** UTC day → users created by Cognito's import that day. */
  readonly importedPerDay: Readonly<Record<string, number>>;
  /** Migrated users whose staged hash is still kept (DynamoDB's TTL, or `finish`, removes it). */
  readonly hashesKept: number;
  readonly quarantined: number;
  /** With `--source`: legacy users, and those of them the staging table has no record of. */
  readonly source?: { readonly users: number; readonly notStaged: number };
  readonly seconds: number;
}

export type { SchemeStatus, StatusReport };
