import type { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { METRICS, type StagedUser, type StagedUserStore } from '@hashbridge/core';
import type { Context, UserMigrationTriggerEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import {
  createMigrationHandler,
  GENERIC_REFUSAL,
  type MigrationDependencies,
  MigrationRefusedError,
} from '../../src/index.js';

/** passlib 1.7.4: bcrypt.using(rounds=4).hash("correct horse") */
const BCRYPT = '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S';
const PASSWORD = 'correct horse';

const ada: StagedUser = {
  email: 'ada@example.com',
  hash: BCRYPT,
  scheme: 'bcrypt',
  profile: { given_name: 'Ada', sub: 'legacy-1' },
  sourceId: '1',
  sourceVersion: 1,
  stagedAt: '2026-11-25T12:00:00.000Z',
};

const eventFor = (triggerSource: string, userName: string, password?: string) =>
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
  ({ awsRequestId: 'request-1', getRemainingTimeInMillis: () => remainingMs }) as Context;

/** The `_aws` member of an embedded-metric-format line. */
interface EmfMetadata {
  readonly CloudWatchMetrics: readonly {
    readonly Namespace: string;
    readonly Dimensions: readonly (readonly string[])[];
    readonly Metrics: readonly { readonly Name: string; readonly Unit: string }[];
  }[];
}

/** A logger that keeps its lines, so a test can read what was logged. */
const recordingLogger = () => {
  const lines: { level: string; message: string; [key: string]: unknown }[] = [];
  const logger = {
    appendKeys: () => undefined,
    info: (message: string, extra: object) => lines.push({ level: 'INFO', message, ...extra }),
    warn: (message: string, extra: object) => lines.push({ level: 'WARN', message, ...extra }),
  } as unknown as Logger;
  return { lines, logger };
};

/** An in-memory store of `users` that notes the marks it writes. */
const storeOf = (...users: StagedUser[]) => {
  const marks: string[] = [];
  const store: StagedUserStore = {
    stage: async () => 'staged',
    stageMany: async (messages) => messages.map(() => 'staged' as const),
    get: async (email) => users.find((user) => user.email === email),
    markMigrated: async (email) => {
      marks.push(email);
    },
    recordFailedSignIn: async () => {},
  };
  return { store, marks };
};

const handlerWith = (overrides: Partial<MigrationDependencies> = {}) => {
  const { store, marks } = storeOf(ada);
  const { lines, logger } = recordingLogger();
  return { handler: createMigrationHandler({ store, logger, ...overrides }), lines, marks };
};

/** How the handler failed: the class, code and message of what it threw. */
const refusalOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'no refusal',
    (error: MigrationRefusedError) => ({
      isRefusal: error instanceof MigrationRefusedError,
      code: error.code,
      message: error.message,
      cause: error.cause,
    }),
  );

describe('Function: createMigrationHandler', () => {
  it('answers a sign-in with the attributes, CONFIRMED and SUPPRESS, and marks the staged user', async () => {
    // Prepare
    const { handler, marks, lines } = handlerWith();

    // Act
    const result = await handler(eventFor('UserMigration_Authentication', 'Ada@Example.com', PASSWORD), context());

    // Assess
    expect(result.response).toEqual({
      userAttributes: { email: 'ada@example.com', email_verified: 'true', given_name: 'Ada' },
      finalUserStatus: 'CONFIRMED',
      messageAction: 'SUPPRESS',
    });
    expect(marks).toEqual(['ada@example.com']);
    expect(lines.at(-1)).toMatchObject({
      level: 'INFO',
      message: 'user migrated',
      scheme: 'bcrypt',
      sourceId: '1',
      passwordResetRequired: false,
    });
  });

  it('answers RESET_REQUIRED to a correct password that fails the strength rule', async () => {
    // Prepare
    const { handler } = handlerWith({
      passwordRule: {
        minLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
      },
    });

    // Act
    const result = await handler(eventFor('UserMigration_Authentication', ada.email, PASSWORD), context());

    // Assess
    expect(result.response).toMatchObject({ finalUserStatus: 'RESET_REQUIRED', messageAction: 'SUPPRESS' });
  });

  it('answers a forgotten password with the attributes and SUPPRESS, and marks nobody', async () => {
    // Prepare
    const { handler, marks, lines } = handlerWith();

    // Act
    const result = await handler(eventFor('UserMigration_ForgotPassword', 'ADA@example.com'), context());

    // Assess
    expect(result.response).toEqual({
      userAttributes: { email: 'ada@example.com', email_verified: 'true', given_name: 'Ada' },
      messageAction: 'SUPPRESS',
    });
    expect(marks).toEqual([]);
    expect(lines.at(-1)).toMatchObject({ message: 'forgot-password lookup', sourceId: '1' });
  });

  it('signs the user in even when the mark cannot be written, and logs why by error name only', async () => {
    // Prepare
    const { store } = storeOf(ada);
    const { handler, lines } = handlerWith({
      store: {
        ...store,
        markMigrated: async () => {
          throw new RangeError('ProvisionedThroughputExceeded');
        },
      },
    });

    // Act
    const result = await handler(eventFor('UserMigration_Authentication', ada.email, PASSWORD), context());

    // Assess
    expect(result.response).toMatchObject({ finalUserStatus: 'CONFIRMED' });
    expect(lines.map(({ level, message }) => `${level} ${message}`)).toEqual([
      'WARN could not mark the user migrated',
      'INFO user migrated',
    ]);
    expect(lines[0]).toMatchObject({ errorName: 'RangeError' });
  });

  it('refuses every failure with the same error, and logs each cause apart', async () => {
    // Prepare
    const { store } = storeOf(
      ada,
      { ...ada, email: 'broken@example.com', hash: BCRYPT.replace('$04$', '$31$') },
      { ...ada, email: 'locked@example.com', failedSignIns: 5, lastFailedSignInAt: new Date().toISOString() },
    );
    const unreachable: StagedUserStore = {
      ...store,
      get: async () => {
        throw new Error('connection refused');
      },
    };
    // A real lookup is I/O: the deadline can only win the race while one is in flight.
    const slow: StagedUserStore = {
      ...store,
      get: (email) => new Promise((resolve) => setTimeout(() => resolve(store.get(email)), 20)),
    };
    const { handler, lines } = handlerWith({ store });
    const late = handlerWith({ store: slow });
    const offline = handlerWith({ store: unreachable });
    const attempts: (() => Promise<unknown>)[] = [
      () => handler(eventFor('UserMigration_Authentication', 'nobody@example.com', PASSWORD), context()),
      () => handler(eventFor('UserMigration_Authentication', ada.email, `${PASSWORD}!`), context()),
      () => handler(eventFor('UserMigration_Authentication', 'broken@example.com', PASSWORD), context()),
      () => handler(eventFor('UserMigration_Authentication', 'locked@example.com', PASSWORD), context()),
      () => handler(eventFor('UserMigration_Authentication', ada.email), context()),
      () => handler(eventFor('PreSignUp_SignUp', ada.email, PASSWORD), context()),
      () => handler(eventFor('UserMigration_ForgotPassword', 'nobody@example.com'), context()),
      () => late.handler(eventFor('UserMigration_Authentication', ada.email, PASSWORD), context(100)),
      () => offline.handler(eventFor('UserMigration_Authentication', ada.email, PASSWORD), context()),
    ];

    // Act
    const refusals = [];
    for (const attempt of attempts) refusals.push(await refusalOf(attempt()));

    // Assess: one answer for all; the log alone says which it was.
    const generic = { isRefusal: true, code: 'ERR_MIGRATION_REFUSED', message: GENERIC_REFUSAL, cause: undefined };
    expect(refusals).toEqual(attempts.map(() => generic));
    expect([...lines, ...late.lines, ...offline.lines].map((line) => [line.message, line.cause])).toEqual([
      ['migration refused', 'unknown-user'],
      ['migration refused', 'wrong-password'],
      ['migration refused', 'policy'],
      ['migration refused', 'locked'],
      ['migration refused', 'invalid-event'],
      ['migration refused', 'invalid-event'],
      ['migration refused', 'unknown-user'],
      ['migration refused', 'deadline'],
      ['migration refused', 'error'],
    ]);
    expect(lines[2]).toMatchObject({ errorName: 'HashPolicyError' });
    expect(lines[4]).toMatchObject({ problems: ['request.password'] });
    expect(late.lines[0]).toMatchObject({ errorName: 'MigrationDeadlineError' });
    expect(offline.lines[0]).toMatchObject({ errorName: 'Error' });
  });

  it('ends every invocation with its durations, and logs neither the password, the hash nor the event', async () => {
    // Prepare
    const { handler, lines } = handlerWith();

    // Act
    await handler(eventFor('UserMigration_Authentication', ada.email, PASSWORD), context());
    await handler(eventFor('UserMigration_Authentication', ada.email, 'wrong horse'), context()).catch(() => {});

    // Assess
    for (const line of lines.filter((each) => each.message !== 'could not mark the user migrated')) {
      expect(Object.keys(line.durationsMs as object).sort()).toEqual(['lookup', 'mark', 'total', 'verify']);
    }
    const output = JSON.stringify(lines);
    expect(output).not.toContain(PASSWORD);
    expect(output).not.toContain(BCRYPT.slice(7));
    expect(output).not.toContain('wrong horse');
    expect(output).not.toContain('"request"');
  });

  it('publishes its metrics in the embedded metric format, with no email, id or hash in them', async () => {
    // Prepare: Powertools writes one EMF JSON line per flush to stdout.
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const metrics = new Metrics({ namespace: METRICS.namespace, serviceName: METRICS.migration.service });
    const { handler } = handlerWith({ metrics });

    // Act
    try {
      await handler(eventFor('UserMigration_Authentication', ada.email, PASSWORD), context());
      await handler(eventFor('UserMigration_Authentication', ada.email, 'wrong horse'), context()).catch(() => {});
      await handler(eventFor('UserMigration_Authentication', 'nobody@example.com', PASSWORD), context()).catch(
        () => {},
      );
    } finally {
      write.mockRestore();
    }

    // Assess
    const blobs = written.flatMap((chunk) => chunk.split('\n')).filter((line) => line.includes('"_aws"'));
    const emf = blobs.map((line) => JSON.parse(line) as Record<string, unknown> & { _aws: EmfMetadata });
    const published = emf.flatMap((blob) =>
      blob._aws.CloudWatchMetrics.flatMap((directive) =>
        directive.Metrics.map((metric) => ({
          name: metric.Name,
          unit: metric.Unit,
          namespace: directive.Namespace,
          dimensions: Object.fromEntries(directive.Dimensions.flat().map((key) => [key, blob[key]])),
          value: blob[metric.Name],
        })),
      ),
    );
    const service = { service: METRICS.migration.service };
    expect(published).toEqual(
      expect.arrayContaining([
        { name: 'UsersMigrated', unit: 'Count', namespace: 'hashbridge', dimensions: service, value: 1 },
        expect.objectContaining({
          name: 'VerifyDuration',
          unit: 'Milliseconds',
          dimensions: { ...service, scheme: 'bcrypt' },
        }),
        expect.objectContaining({ name: 'InvocationDuration', unit: 'Milliseconds', dimensions: service }),
        {
          name: 'SignInsRefused',
          unit: 'Count',
          namespace: 'hashbridge',
          dimensions: { ...service, cause: 'wrong-password' },
          value: 1,
        },
        {
          name: 'SignInsRefused',
          unit: 'Count',
          namespace: 'hashbridge',
          dimensions: { ...service, cause: 'unknown-user' },
          value: 1,
        },
      ]),
    );
    expect(published.filter((metric) => metric.name === 'InvocationDuration')).toHaveLength(3);
    const output = blobs.join('\n');
    for (const secret of [ada.email, 'nobody@example.com', PASSWORD, 'wrong horse', BCRYPT.slice(7), ada.sourceId]) {
      expect(output).not.toContain(`"${secret}"`);
    }
  });
});
