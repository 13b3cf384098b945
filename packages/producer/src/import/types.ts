import type { CognitoHashAlgorithm, UserImportJobStatus } from '@hashbridge/core';

/** One CSV file of the native lane: one algorithm, and one import job unless `--files-only`. */
interface ImportFileReport {
  readonly algorithm: CognitoHashAlgorithm;
  /** The CSV (it holds password hashes). */
  readonly path: string;
  /** Beside it, one JSON line per user of the file: email, scheme, source id and version, never the hash. */
  readonly usersPath: string;
  readonly users: number;
  readonly job?: {
    readonly jobId: string;
    readonly status: UserImportJobStatus;
    readonly importedUsers: number;
    readonly failedUsers: number;
    readonly skippedUsers: number;
    readonly completionMessage?: string;
    /** Users found in the pool after the job and recorded as imported. */
    readonly recorded: number;
  };
}

/** What `hashbridge import` did. */
interface ImportReport {
  /** Rows read from the legacy table. */
  readonly users: number;
  readonly filesOnly: boolean;
  /** Users written to a CSV for Cognito's import. */
  readonly native: number;
  /** Users for the export and the trigger (their hash is not one Cognito takes). */
  readonly trigger: number;
  /** Native-lane users already imported, or already migrated through the trigger: not written again. */
  readonly alreadyInCognito: number;
  /** Users no lane can carry, by reason (the export's and the audit's reasons). */
  readonly refused: Readonly<Record<string, number>>;
  readonly files: readonly ImportFileReport[];
  /** Users a job did not create (per-user reasons in the job's CloudWatch log); they stay on the trigger lane. */
  readonly failed: number;
  /** One JSON line per user a job did not create (email, algorithm, job id). */
  readonly failuresPath?: string;
  readonly seconds: number;
}

export type { ImportFileReport, ImportReport };
