import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';

/*
 * A small HTTP fake of Cognito's user import job API (JSON 1.1, the SDK's protocol) and of the pre-signed S3
 * upload. cognito-local has no import jobs, and AWS cannot be reached from here: this is what the import-job
 * adapter and the `hashbridge import` command are tested against. It implements only the calls they make.
 */

/** The Cognito guide's header for a pool with only standard attributes. */
const STANDARD_HEADER = [
  'cognito:username',
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'email',
  'email_verified',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'phone_number',
  'phone_number_verified',
  'address',
  'updated_at',
  'cognito:mfa_enabled',
];

interface FakeImportJob {
  readonly jobId: string;
  readonly jobName: string;
  readonly algorithm: string | undefined;
  status: 'Created' | 'Pending' | 'InProgress' | 'Succeeded' | 'Failed';
  /** The uploaded file's rows, one record per user, by column. */
  rows: Record<string, string>[];
  uploadHeaders: Record<string, string | string[] | undefined>;
  imported: number;
  failed: number;
  describes: number;
}

interface UserImportJobFakeOptions {
  readonly header?: readonly string[];
  /** Refuses a row as Cognito refuses a user it cannot import (counted in FailedUsers, not created). */
  readonly refuseRow?: (row: Readonly<Record<string, string>>) => boolean;
}

interface UserImportJobFake {
  /** The Cognito API endpoint to hand the SDK client. */
  readonly endpoint: string;
  readonly userPoolId: string;
  readonly jobs: ReadonlyMap<string, FakeImportJob>;
  /** Usernames the fake pool holds: created by finished jobs. */
  readonly users: ReadonlySet<string>;
  /** Every action the API was asked for, in order. */
  readonly actions: readonly string[];
  readonly close: () => Promise<void>;
}

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const answer = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  response.end(JSON.stringify(body));
};

const fault = (response: ServerResponse, type: string, message: string) =>
  answer(response, 400, { __type: type, message });

const startUserImportJobFake = async (options: UserImportJobFakeOptions = {}): Promise<UserImportJobFake> => {
  const header = options.header ?? STANDARD_HEADER;
  const userPoolId = 'local_importfake';
  const jobs = new Map<string, FakeImportJob>();
  const users = new Set<string>();
  const actions: string[] = [];
  let endpoint = '';

  const jobView = (job: FakeImportJob) => ({
    JobId: job.jobId,
    JobName: job.jobName,
    UserPoolId: userPoolId,
    Status: job.status,
    PasswordHashingAlgorithm: job.algorithm,
    ImportedUsers: job.imported,
    SkippedUsers: 0,
    FailedUsers: job.failed,
    ...(job.status === 'Created' ? { PreSignedUrl: `${endpoint}/upload/${job.jobId}?X-Amz-Signature=fake` } : {}),
    ...(job.status === 'Succeeded' ? { CompletionMessage: 'Import Job Completed Successfully.' } : {}),
  });

  /** Imports the uploaded rows: the job's work, done on the first describe after the start. */
  const runJob = (job: FakeImportJob) => {
    for (const row of job.rows) {
      const username = row['cognito:username'] ?? '';
      if (username === '' || users.has(username) || options.refuseRow?.(row) === true) job.failed++;
      else {
        users.add(username);
        job.imported++;
      }
    }
    job.status = 'Succeeded';
  };

  const handleApi = (action: string, input: Record<string, unknown>, response: ServerResponse) => {
    if (action !== 'GetCSVHeader' && input.UserPoolId !== userPoolId) {
      return fault(response, 'ResourceNotFoundException', 'User pool does not exist.');
    }
    const job = typeof input.JobId === 'string' ? jobs.get(input.JobId) : undefined;
    switch (action) {
      case 'GetCSVHeader':
        return answer(response, 200, { UserPoolId: userPoolId, CSVHeader: header });
      case 'CreateUserImportJob': {
        const created: FakeImportJob = {
          jobId: `import-${randomUUID()}`,
          jobName: String(input.JobName),
          algorithm: input.PasswordHashingAlgorithm as string | undefined,
          status: 'Created',
          rows: [],
          uploadHeaders: {},
          imported: 0,
          failed: 0,
          describes: 0,
        };
        jobs.set(created.jobId, created);
        return answer(response, 200, { UserImportJob: jobView(created) });
      }
      case 'StartUserImportJob':
        if (job === undefined) return fault(response, 'ResourceNotFoundException', 'No such job.');
        if (job.status !== 'Created') return fault(response, 'PreconditionNotMetException', 'Job already started.');
        job.status = 'Pending';
        return answer(response, 200, { UserImportJob: jobView(job) });
      case 'DescribeUserImportJob':
        if (job === undefined) return fault(response, 'ResourceNotFoundException', 'No such job.');
        job.describes++;
        if (job.status === 'Pending') job.status = 'InProgress';
        else if (job.status === 'InProgress') runJob(job);
        return answer(response, 200, { UserImportJob: jobView(job) });
      case 'AdminGetUser':
        if (!users.has(String(input.Username))) return fault(response, 'UserNotFoundException', 'User does not exist.');
        return answer(response, 200, { Username: input.Username, UserStatus: 'CONFIRMED' });
      default:
        return fault(response, 'UnknownOperationException', `the fake does not implement ${action}`);
    }
  };

  const handleUpload = (jobId: string, request: IncomingMessage, body: Buffer, response: ServerResponse) => {
    const job = jobs.get(jobId);
    if (job === undefined || job.status !== 'Created') return answer(response, 403, { error: 'no job awaits a file' });
    if (request.headers['x-amz-server-side-encryption'] !== 'aws:kms') {
      return answer(response, 403, { error: 'the upload must ask for x-amz-server-side-encryption: aws:kms' });
    }
    job.uploadHeaders = request.headers;
    job.rows = parse(body, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    response.writeHead(200).end();
  };

  const server: Server = createServer((request, response) => {
    readBody(request).then(
      (body) => {
        const upload = /^\/upload\/([^/?]+)/.exec(request.url ?? '');
        if (request.method === 'PUT' && upload?.[1] !== undefined)
          return handleUpload(upload[1], request, body, response);
        const target = request.headers['x-amz-target'];
        const action = typeof target === 'string' ? (target.split('.').pop() ?? '') : '';
        actions.push(action);
        handleApi(action, JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>, response);
      },
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    userPoolId,
    jobs,
    users,
    actions,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};

export type { FakeImportJob, UserImportJobFake, UserImportJobFakeOptions };
export { startUserImportJobFake };
