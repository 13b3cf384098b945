import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { startUserImportJobFake, type UserImportJobFake } from '@hashbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoUserImportJobs } from '../../src/cognito/index.js';
import { ImportJobError } from '../../src/index.js';

/*
 * cognito-local has no user import jobs and AWS is out of reach, so the adapter is tested against the HTTP fake
 * of the job API and the pre-signed upload in @hashbridge/testing: the SDK's real requests, the fake's answers.
 */
const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const CSV =
  'cognito:username,email,email_verified,cognito:mfa_enabled,password_hash\nada@example.com,ada@example.com,true,false,$2b$04$x\n';

describe('Class: CognitoUserImportJobs (against an HTTP fake of the import job API)', () => {
  let fake: UserImportJobFake;
  let jobs: CognitoUserImportJobs;

  beforeAll(async () => {
    fake = await startUserImportJobFake();
    jobs = new CognitoUserImportJobs({
      client: new CognitoIdentityProviderClient({
        endpoint: fake.endpoint,
        region: 'eu-west-1',
        credentials: CREDENTIALS,
      }),
      userPoolId: fake.userPoolId,
      cloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/CognitoImport',
    });
  });

  afterAll(() => fake.close());

  it("reads the pool's CSV header", async () => {
    expect(await jobs.csvHeader()).toContain('cognito:username');
  });

  it('creates a job with the algorithm, uploads the file encrypted with KMS, starts it and follows it to the end', async () => {
    // Act
    const created = await jobs.create('hashbridge-bcrypt-1', 'BCRYPT');
    await jobs.upload(created, new TextEncoder().encode(CSV));
    const started = await jobs.start(created.jobId);
    const states = [started.status];
    while (!['Succeeded', 'Failed'].includes(states.at(-1) ?? ''))
      states.push((await jobs.describe(created.jobId)).status);

    // Assess
    const job = fake.jobs.get(created.jobId);
    expect(job).toMatchObject({ jobName: 'hashbridge-bcrypt-1', algorithm: 'BCRYPT' });
    expect(job?.uploadHeaders['x-amz-server-side-encryption']).toBe('aws:kms');
    expect(job?.rows).toEqual([
      {
        'cognito:username': 'ada@example.com',
        email: 'ada@example.com',
        email_verified: 'true',
        'cognito:mfa_enabled': 'false',
        password_hash: '$2b$04$x',
      },
    ]);
    expect(states).toEqual(['Pending', 'InProgress', 'Succeeded']);
    expect(await jobs.describe(created.jobId)).toMatchObject({ importedUsers: 1, failedUsers: 0 });
  });

  it('tells which of a list of users the pool has', async () => {
    const found = await jobs.existingUsers(['ada@example.com', 'nobody@example.com']);
    expect([...found]).toEqual(['ada@example.com']);
  });

  it("names the call that failed and Cognito's reason, in an ImportJobError", async () => {
    const elsewhere = new CognitoUserImportJobs({
      client: new CognitoIdentityProviderClient({
        endpoint: fake.endpoint,
        region: 'eu-west-1',
        credentials: CREDENTIALS,
      }),
      userPoolId: 'eu-west-1_missing',
      cloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/CognitoImport',
    });
    const failure = elsewhere.create('job', 'BCRYPT');
    await expect(failure).rejects.toBeInstanceOf(ImportJobError);
    await expect(failure).rejects.toThrow(
      /^CreateUserImportJob failed \(ResourceNotFoundException: User pool does not exist\.\)$/,
    );
  });

  it('refuses an upload the pre-signed URL does not take, with the HTTP status and never the URL', async () => {
    // Prepare: a job already started takes no file.
    const created = await jobs.create('hashbridge-bcrypt-2', 'BCRYPT');
    await jobs.upload(created, new TextEncoder().encode(CSV));
    await jobs.start(created.jobId);

    // Act
    const failure = await jobs.upload(created, new TextEncoder().encode(CSV)).catch((error: unknown) => error);

    // Assess
    expect(failure).toBeInstanceOf(ImportJobError);
    expect((failure as Error).message).toMatch(/answered HTTP 403/);
    expect((failure as Error).message).not.toContain('X-Amz-Signature');
  });
});
