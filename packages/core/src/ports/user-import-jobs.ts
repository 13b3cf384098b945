import type { CognitoHashAlgorithm } from '../native-import/types.js';

/** `UserImportJobStatusType` of Cognito's API, spelled here so core does not depend on the SDK. */
type UserImportJobStatus =
  | 'Created'
  | 'Pending'
  | 'InProgress'
  | 'Stopping'
  | 'Stopped'
  | 'Succeeded'
  | 'Failed'
  | 'Expired';

/** The statuses after which a job changes no more. */
const FINAL_IMPORT_JOB_STATUSES: ReadonlySet<UserImportJobStatus> = new Set([
  'Stopped',
  'Succeeded',
  'Failed',
  'Expired',
]);

/** A user import job as Cognito describes it. */
interface UserImportJob {
  readonly jobId: string;
  readonly status: UserImportJobStatus;
  readonly importedUsers: number;
  readonly skippedUsers: number;
  readonly failedUsers: number;
  readonly completionMessage?: string;
}

/** A job just created: where its CSV goes. The URL is a credential for a while: it is never logged. */
interface CreatedImportJob {
  readonly jobId: string;
  readonly uploadUrl: string;
}

/**
 * Port: Cognito's CSV user import for one user pool (`GetCSVHeader`, `CreateUserImportJob`, the upload to the
 * job's pre-signed URL, `StartUserImportJob`, `DescribeUserImportJob`), and `existingUsers` to learn which users
 * of a job that reported failures did arrive (the per-user reasons are in the job's CloudWatch log).
 */
interface UserImportJobs {
  readonly csvHeader: () => Promise<readonly string[]>;
  readonly create: (jobName: string, algorithm: CognitoHashAlgorithm) => Promise<CreatedImportJob>;
  readonly upload: (job: CreatedImportJob, csv: Uint8Array) => Promise<void>;
  readonly start: (jobId: string) => Promise<UserImportJob>;
  readonly describe: (jobId: string) => Promise<UserImportJob>;
  /** Which of these usernames the pool has. */
  readonly existingUsers: (usernames: readonly string[]) => Promise<ReadonlySet<string>>;
}

export type { CreatedImportJob, UserImportJob, UserImportJobStatus, UserImportJobs };
export { FINAL_IMPORT_JOB_STATUSES };
