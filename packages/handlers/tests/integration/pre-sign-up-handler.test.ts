import { randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { createUserMessage, STAGING_TABLE } from '@hashbridge/core';
import { createLoaderTables } from '@hashbridge/local-stack';
import type { Context, PreSignUpTriggerEvent } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createPreSignUpHandler, SIGN_UP_REFUSAL } from '../../src/index.js';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse") */
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';

const signUpOf = (email: string) =>
  ({
    version: '1',
    triggerSource: 'PreSignUp_SignUp',
    region: 'local',
    userPoolId: 'local_pool',
    userName: randomUUID(),
    callerContext: { awsSdkVersion: 'test', clientId: 'client' },
    request: { userAttributes: { email }, validationData: null },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  }) as unknown as PreSignUpTriggerEvent;

const context = { awsRequestId: 'test' } as Context;

/** A logger that keeps the causes it is told. */
const causesLogger = () => {
  const causes: unknown[] = [];
  const logger = {
    appendKeys: () => undefined,
    warn: (_: string, extra: { cause?: unknown }) => causes.push(extra.cause),
  } as unknown as Logger;
  return { causes, logger };
};

describe('Function: createPreSignUpHandler (against the DynamoDB API)', () => {
  const env = inject('stackEnv');
  const dynamo = new DynamoDBClient({
    endpoint: env.DYNAMODB_ENDPOINT ?? '',
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const documents = DynamoDBDocumentClient.from(dynamo);
  const tables = { stagingTable: `staging-${randomUUID()}`, quarantineTable: `quarantine-${randomUUID()}` };
  const store = new DynamoDBStagedUserStore({ client: documents, tableName: tables.stagingTable });
  const { causes, logger } = causesLogger();
  const handler = createPreSignUpHandler({ store, logger });

  /** Stages a legacy user through the real store, as the Loader does. */
  const stage = async (email: string): Promise<void> => {
    const message = createUserMessage({ email, hash: BCRYPT, sourceId: randomUUID(), sourceVersion: 1 });
    if (!message.ok) throw new Error(message.detail);
    await store.stage(message.message);
  };

  beforeAll(async () => {
    await createLoaderTables(dynamo, tables);
  });

  it('refuses a sign-up with the email of a staged user not yet migrated, in whatever case it is typed', async () => {
    // Prepare
    const email = `ada-${randomUUID()}@example.com`;
    await stage(email);

    // Act / Assess
    await expect(handler(signUpOf(email.toUpperCase()), context)).rejects.toThrow(SIGN_UP_REFUSAL);
    expect(causes.at(-1)).toBe('staged');
  });

  it('lets a sign-up through once that user has migrated (the record carries migratedAt)', async () => {
    // Prepare: the mark the Migration Lambda writes, set on the item itself.
    const email = `grace-${randomUUID()}@example.com`;
    await stage(email);
    await documents.send(
      new UpdateCommand({
        TableName: tables.stagingTable,
        Key: { [STAGING_TABLE.partitionKey]: email },
        UpdateExpression: 'SET migratedAt = :at',
        ExpressionAttributeValues: { ':at': new Date().toISOString() },
      }),
    );
    const event = signUpOf(email);

    // Act / Assess
    await expect(handler(event, context)).resolves.toBe(event);
  });

  it('lets a sign-up with an email nobody staged through', async () => {
    // Prepare
    const event = signUpOf(`new-${randomUUID()}@example.com`);

    // Act / Assess
    await expect(handler(event, context)).resolves.toBe(event);
  });

  it('refuses when the table does not exist (fail closed), with the same message', async () => {
    // Prepare
    const { causes: missingCauses, logger: missingLogger } = causesLogger();
    const missing = createPreSignUpHandler({
      store: new DynamoDBStagedUserStore({ client: documents, tableName: `absent-${randomUUID()}` }),
      logger: missingLogger,
    });

    // Act / Assess
    await expect(missing(signUpOf(`new-${randomUUID()}@example.com`), context)).rejects.toThrow(SIGN_UP_REFUSAL);
    expect(missingCauses).toEqual(['error']);
  });
});
