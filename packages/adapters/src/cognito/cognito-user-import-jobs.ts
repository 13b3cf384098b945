import {
  AdminGetUserCommand,
  type CognitoIdentityProviderClient,
  CreateUserImportJobCommand,
  DescribeUserImportJobCommand,
  GetCSVHeaderCommand,
  StartUserImportJobCommand,
  type UserImportJobType,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  type CognitoHashAlgorithm,
  type CreatedImportJob,
  forEachLimited,
  type UserImportJob,
  type UserImportJobStatus,
  type UserImportJobs,
} from '@hashbridge/core';
import { ImportJobError } from '../errors.js';

/** AdminGetUser calls in flight at once while a job's users are looked up (Cognito's quotas are per second). */
const LOOKUP_CONCURRENCY = 8;

interface CognitoUserImportJobsOptions {
  /** A client built once by the caller. */
  readonly client: CognitoIdentityProviderClient;
  readonly userPoolId: string;
  /** The role Cognito writes the job's log with (CloudWatch Logs); it holds the per-user failures. */
  readonly cloudWatchLogsRoleArn: string;
  /** The upload's HTTP client; `fetch` unless a test hands another. */
  readonly fetch?: typeof fetch;
}

const jobOf = (job: UserImportJobType | undefined, action: string): UserImportJob => {
  if (job?.JobId === undefined || job.Status === undefined) {
    throw new ImportJobError(`${action} answered without a job id or status`);
  }
  return {
    jobId: job.JobId,
    status: job.Status as UserImportJobStatus,
    importedUsers: job.ImportedUsers ?? 0,
    skippedUsers: job.SkippedUsers ?? 0,
    failedUsers: job.FailedUsers ?? 0,
    ...(job.CompletionMessage === undefined ? {} : { completionMessage: job.CompletionMessage }),
  };
};

/** Runs `call`, turning the SDK's error into an ImportJobError that says which call failed. */
const calling = async <T>(action: string, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ImportJobError) throw error;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new ImportJobError(`${action} failed (${reason})`, { cause: error });
  }
};

/**
 * Cognito's CSV user import on the AWS SDK. The upload is a PUT of the file to the job's pre-signed S3 URL
 * with `x-amz-server-side-encryption: aws:kms`, as the Cognito guide's example does; the URL is never logged.
 */
class CognitoUserImportJobs implements UserImportJobs {
  readonly #client: CognitoIdentityProviderClient;
  readonly #userPoolId: string;
  readonly #roleArn: string;
  readonly #fetch: typeof fetch;

  public constructor(options: CognitoUserImportJobsOptions) {
    this.#client = options.client;
    this.#userPoolId = options.userPoolId;
    this.#roleArn = options.cloudWatchLogsRoleArn;
    this.#fetch = options.fetch ?? fetch;
  }

  public readonly csvHeader = (): Promise<readonly string[]> =>
    calling('GetCSVHeader', async () => {
      const { CSVHeader } = await this.#client.send(new GetCSVHeaderCommand({ UserPoolId: this.#userPoolId }));
      if (CSVHeader === undefined || CSVHeader.length === 0) throw new ImportJobError('GetCSVHeader gave no header');
      return CSVHeader;
    });

  public readonly create = (jobName: string, algorithm: CognitoHashAlgorithm): Promise<CreatedImportJob> =>
    calling('CreateUserImportJob', async () => {
      const { UserImportJob } = await this.#client.send(
        new CreateUserImportJobCommand({
          JobName: jobName,
          UserPoolId: this.#userPoolId,
          CloudWatchLogsRoleArn: this.#roleArn,
          PasswordHashingAlgorithm: algorithm,
        }),
      );
      const { jobId } = jobOf(UserImportJob, 'CreateUserImportJob');
      if (UserImportJob?.PreSignedUrl === undefined) {
        throw new ImportJobError('CreateUserImportJob answered without a pre-signed URL');
      }
      return { jobId, uploadUrl: UserImportJob.PreSignedUrl };
    });

  public readonly upload = (job: CreatedImportJob, csv: Uint8Array): Promise<void> =>
    calling(`the upload of job ${job.jobId}'s file`, async () => {
      const response = await this.#fetch(job.uploadUrl, {
        method: 'PUT',
        headers: { 'x-amz-server-side-encryption': 'aws:kms' },
        body: csv,
      });
      if (!response.ok) throw new ImportJobError(`the upload answered HTTP ${response.status}`);
    });

  public readonly start = (jobId: string): Promise<UserImportJob> =>
    calling('StartUserImportJob', async () => {
      const { UserImportJob } = await this.#client.send(
        new StartUserImportJobCommand({ UserPoolId: this.#userPoolId, JobId: jobId }),
      );
      return jobOf(UserImportJob, 'StartUserImportJob');
    });

  public readonly describe = (jobId: string): Promise<UserImportJob> =>
    calling('DescribeUserImportJob', async () => {
      const { UserImportJob } = await this.#client.send(
        new DescribeUserImportJobCommand({ UserPoolId: this.#userPoolId, JobId: jobId }),
      );
      return jobOf(UserImportJob, 'DescribeUserImportJob');
    });

  public readonly existingUsers = async (usernames: readonly string[]): Promise<ReadonlySet<string>> => {
    const found = new Set<string>();
    await forEachLimited(usernames, LOOKUP_CONCURRENCY, async (username) => {
      const exists = await calling('AdminGetUser', () =>
        this.#client.send(new AdminGetUserCommand({ UserPoolId: this.#userPoolId, Username: username })).then(
          () => true,
          (error: unknown) => {
            if (error instanceof UserNotFoundException) return false;
            throw error;
          },
        ),
      );
      if (exists) found.add(username);
    });
    return found;
  };
}

export type { CognitoUserImportJobsOptions };
export { CognitoUserImportJobs };
