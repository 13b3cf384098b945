import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBStagedUserStore } from '@hashbridge/adapters/dynamodb';
import { createUserMessage } from '@hashbridge/core';
import { createLoaderTables } from '@hashbridge/local-stack';
import type { Context, UserMigrationTriggerEvent } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createMigrationHandler, GENERIC_REFUSAL } from '../../src/index.js';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse") */
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';

const eventFor = (triggerSource: UserMigrationTriggerEvent['triggerSource'], userName: string, password?: string) =>
  ({
    version: '1',
    triggerSource,
    region: 'local',
    userPoolId: 'local_pool',
    userName,
    callerContext: { awsSdkVersion: 'test', clientId: 'client' },
    request: { ...(password === undefined ? {} : { password }), validationData: {} },
    response: {},
  }) as unknown as UserMigrationTriggerEvent;

const context = (remainingMs = 5_000) =>
  ({ awsRequestId: 'test', getRemainingTimeInMillis: () => remainingMs }) as Context;

describe('Function: createMigrationHandler (against the DynamoDB API)', () => {
  const env = inject('stackEnv');
  const dynamo = new DynamoDBClient({
    endpoint: env.DYNAMODB_ENDPOINT ?? '',
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const tables = { stagingTable: `staging-${randomUUID()}`, quarantineTable: `quarantine-${randomUUID()}` };
  const store = new DynamoDBStagedUserStore({
    client: DynamoDBDocumentClient.from(dynamo),
    tableName: tables.stagingTable,
  });
  const handler = createMigrationHandler({ store, logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }) });

  beforeAll(async () => {
    await createLoaderTables(dynamo, tables);
    const message = createUserMessage({
      email: 'ada@example.com',
      hash: BCRYPT,
      sourceId: '1',
      sourceVersion: 1,
      profile: { given_name: 'Ada', sub: 'legacy-1' },
    });
    if (!message.ok) throw new Error(message.detail);
    await store.stage(message.message);
  });

  it('answers ForgotPassword for a staged user with its attributes, no password needed', async () => {
    // Act
    const result = await handler(eventFor('UserMigration_ForgotPassword', 'ADA@example.com'), context());

    // Assess
    expect(result.response).toEqual({
      userAttributes: { email: 'ada@example.com', email_verified: 'true', given_name: 'Ada' },
      messageAction: 'SUPPRESS',
    });
  });

  it('refuses ForgotPassword for an unknown user with the generic error', async () => {
    await expect(handler(eventFor('UserMigration_ForgotPassword', 'nobody@example.com'), context())).rejects.toThrow(
      GENERIC_REFUSAL,
    );
  });

  it('refuses an event without a password, and an unknown trigger source, with the generic error', async () => {
    await expect(handler(eventFor('UserMigration_Authentication', 'ada@example.com'), context())).rejects.toThrow(
      GENERIC_REFUSAL,
    );
    await expect(
      handler(eventFor('PreSignUp_SignUp' as never, 'ada@example.com', 'correct horse'), context()),
    ).rejects.toThrow(GENERIC_REFUSAL);
  });

  it('gives up with the generic error when the Lambda deadline is too close to verify', async () => {
    await expect(
      handler(eventFor('UserMigration_Authentication', 'ada@example.com', 'correct horse'), context(100)),
    ).rejects.toThrow(GENERIC_REFUSAL);
  });

  it('migrates with CONFIRMED and SUPPRESS, and marks the staged user', async () => {
    // Act
    const result = await handler(
      eventFor('UserMigration_Authentication', 'ada@example.com', 'correct horse'),
      context(),
    );

    // Assess
    expect(result.response).toMatchObject({ finalUserStatus: 'CONFIRMED', messageAction: 'SUPPRESS' });
    expect(result.response.userAttributes).not.toHaveProperty('sub');
    expect((await store.get('ada@example.com'))?.migratedAt).toBeDefined();
  });

  it('writes the mark once: a user marked already signs in without a second UpdateItem', async () => {
    // Prepare: the real store, with its marks counted.
    const email = `again-${randomUUID()}@example.com`;
    const message = createUserMessage({ email, hash: BCRYPT, sourceId: '3', sourceVersion: 1 });
    if (!message.ok) throw new Error(message.detail);
    await store.stage(message.message);
    const marked: string[] = [];
    const counting = createMigrationHandler({
      store: {
        ...store,
        markMigrated: async (who, at, expiresAt) => {
          marked.push(who);
          await store.markMigrated(who, at, expiresAt);
        },
      },
      logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
    });

    // Act: Cognito calls the trigger again for the same user (say, it retried after a late answer).
    await counting(eventFor('UserMigration_Authentication', email, 'correct horse'), context());
    const first = (await store.get(email))?.migratedAt;
    const again = await counting(eventFor('UserMigration_Authentication', email, 'correct horse'), context());

    // Assess
    expect(again.response).toMatchObject({ finalUserStatus: 'CONFIRMED' });
    expect(marked).toEqual([email]);
    expect((await store.get(email))?.migratedAt).toBe(first);
  });

  describe('its log', () => {
    /** Runs `act` and returns every log line it wrote, parsed (Powertools writes INFO to stdout, WARN to stderr). */
    const logLinesOf = async (act: () => Promise<unknown>): Promise<Record<string, unknown>[]> => {
      const written: string[] = [];
      const streams = [process.stdout, process.stderr];
      const originals = streams.map((stream) => stream.write.bind(stream));
      for (const stream of streams) {
        stream.write = ((chunk: string | Uint8Array) => {
          written.push(String(chunk));
          return true;
        }) as typeof stream.write;
      }
      try {
        await act().catch(() => undefined);
      } finally {
        streams.forEach((stream, index) => {
          stream.write = originals[index] as typeof stream.write;
        });
      }
      return written
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    };
    const logged = createMigrationHandler({
      store,
      logger: new Logger({ serviceName: 'migration-test', logLevel: 'INFO' }),
    });
    const PASSWORD = 'correct horse';

    /** The invocation's last line, with its durations checked to be four non-negative numbers and nothing else. */
    const lastLineOf = (lines: Record<string, unknown>[]) => {
      const last = lines.at(-1);
      expect(Object.keys((last?.durationsMs as object) ?? {}).sort()).toEqual(['lookup', 'mark', 'total', 'verify']);
      const durations = last?.durationsMs as Record<'lookup' | 'verify' | 'mark' | 'total', number>;
      for (const value of Object.values(durations)) {
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
      }
      expect(durations.total).toBeGreaterThanOrEqual(durations.verify);
      return { line: last ?? {}, durations };
    };

    /** What must never reach a log line: the password, the hash (or its salt and checksum), the event. */
    const expectNothingSecret = (lines: Record<string, unknown>[]) => {
      const output = JSON.stringify(lines);
      expect(output).not.toContain(PASSWORD);
      expect(output).not.toContain(BCRYPT);
      expect(output).not.toContain(BCRYPT.slice(7));
      for (const eventKey of ['triggerSource', 'userPoolId', 'callerContext', 'validationData', 'request', 'password'])
        expect(output).not.toContain(`"${eventKey}"`);
    };

    it('ends a migration with the time of the lookup, the verify, the mark and the whole invocation', async () => {
      // Prepare
      const email = `timed-${randomUUID()}@example.com`;
      const message = createUserMessage({ email, hash: BCRYPT, sourceId: '4', sourceVersion: 1 });
      if (!message.ok) throw new Error(message.detail);
      await store.stage(message.message);

      // Act
      const lines = await logLinesOf(() =>
        logged(eventFor('UserMigration_Authentication', email, PASSWORD), context()),
      );

      // Assess: every phase ran, so each took some time; the total holds them all.
      const { line, durations } = lastLineOf(lines);
      expect(line).toMatchObject({ level: 'INFO', message: 'user migrated', scheme: 'bcrypt', sourceId: '4' });
      expect(durations.lookup).toBeGreaterThan(0);
      expect(durations.verify).toBeGreaterThan(0);
      expect(durations.mark).toBeGreaterThan(0);
      expect(durations.total).toBeGreaterThanOrEqual(durations.lookup + durations.verify + durations.mark - 0.002);
      expectNothingSecret(lines);
    });

    it('ends a refusal, wrong password or unknown user alike, with the durations of the same phases', async () => {
      // Act
      const wrongPassword = await logLinesOf(() =>
        logged(eventFor('UserMigration_Authentication', 'ada@example.com', `${PASSWORD}!`), context()),
      );
      const unknownUser = await logLinesOf(() =>
        logged(eventFor('UserMigration_Authentication', `nobody-${randomUUID()}@example.com`, PASSWORD), context()),
      );

      // Assess: both ran a lookup, a verify (the unknown user's dummy one) and the refusal's one conditional write
      // (counting the staged user's failure; finding no record for the unknown one).
      for (const [lines, cause] of [
        [wrongPassword, 'wrong-password'],
        [unknownUser, 'unknown-user'],
      ] as const) {
        const { line, durations } = lastLineOf(lines);
        expect(line).toMatchObject({ level: 'WARN', message: 'migration refused', cause });
        expect(durations.lookup).toBeGreaterThan(0);
        expect(durations.verify).toBeGreaterThan(0);
        expect(durations.mark).toBeGreaterThan(0);
        expectNothingSecret(lines);
      }
    });

    it('ends a ForgotPassword lookup, and a refused event, with the durations', async () => {
      // Act
      const forgot = await logLinesOf(() =>
        logged(eventFor('UserMigration_ForgotPassword', 'ada@example.com'), context()),
      );
      const invalid = await logLinesOf(() =>
        logged(eventFor('UserMigration_Authentication', 'ada@example.com'), context()),
      );

      // Assess
      const forgotLine = lastLineOf(forgot);
      expect(forgotLine.line).toMatchObject({ message: 'forgot-password lookup' });
      expect(forgotLine.durations).toMatchObject({ verify: 0, mark: 0 });
      expect(forgotLine.durations.lookup).toBeGreaterThan(0);
      const invalidLine = lastLineOf(invalid);
      expect(invalidLine.line).toMatchObject({ message: 'migration refused', cause: 'invalid-event' });
      expect(invalidLine.durations).toMatchObject({ lookup: 0, verify: 0, mark: 0 });
      expectNothingSecret([...forgot, ...invalid]);
    });
  });

  describe('with a password strength rule', () => {
    // "correct horse" has no uppercase letter, no digit and only an inner space as a symbol.
    const strict = createMigrationHandler({
      store,
      logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
      passwordRule: {
        minLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
      },
    });
    const lenient = createMigrationHandler({
      store,
      logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
      passwordRule: {
        minLength: 13,
        requireLowercase: true,
        requireUppercase: false,
        requireDigits: false,
        requireSymbols: true,
      },
    });

    it('migrates a correct password that fails the rule with RESET_REQUIRED, still SUPPRESS, and marks it', async () => {
      // Prepare
      const email = `weak-${randomUUID()}@example.com`;
      const message = createUserMessage({ email, hash: BCRYPT, sourceId: '2', sourceVersion: 1 });
      if (!message.ok) throw new Error(message.detail);
      await store.stage(message.message);

      // Act
      const result = await strict(eventFor('UserMigration_Authentication', email, 'correct horse'), context());

      // Assess
      expect(result.response).toEqual({
        userAttributes: { email, email_verified: 'true' },
        finalUserStatus: 'RESET_REQUIRED',
        messageAction: 'SUPPRESS',
      });
      expect((await store.get(email))?.migratedAt).toBeDefined();
    });

    it('migrates a correct password that meets the rule with CONFIRMED', async () => {
      const result = await lenient(
        eventFor('UserMigration_Authentication', 'ada@example.com', 'correct horse'),
        context(),
      );
      expect(result.response).toMatchObject({ finalUserStatus: 'CONFIRMED', messageAction: 'SUPPRESS' });
    });

    it('refuses a wrong password with the generic error, weak or not', async () => {
      await expect(
        strict(eventFor('UserMigration_Authentication', 'ada@example.com', 'horse'), context()),
      ).rejects.toThrow(GENERIC_REFUSAL);
      await expect(
        strict(eventFor('UserMigration_Authentication', 'ada@example.com', 'Correct-Horse-1'), context()),
      ).rejects.toThrow(GENERIC_REFUSAL);
    });
  });

  it('loses no count when many wrong passwords for one user arrive at once', async () => {
    // Prepare: a threshold no burst reaches, so every attempt verifies and counts.
    const email = `burst-${randomUUID()}@example.com`;
    const message = createUserMessage({ email, hash: BCRYPT, sourceId: 'burst', sourceVersion: 1 });
    if (!message.ok) throw new Error(message.detail);
    await store.stage(message.message);
    const patient = createMigrationHandler({
      store,
      logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
      lockout: { threshold: 1_000, maxLockSeconds: 900 },
    });

    // Act
    const attempts = Array.from({ length: 25 }, (_, i) =>
      patient(eventFor('UserMigration_Authentication', email, `guess ${i}`), context()).catch(() => 'refused'),
    );
    const outcomes = await Promise.all(attempts);

    // Assess
    expect(outcomes.every((outcome) => outcome === 'refused')).toBe(true);
    expect((await store.get(email))?.failedSignIns).toBe(25);
  });
});
