import type { Logger } from '@aws-lambda-powertools/logger';
import type { StagedUser } from '@hashbridge/core';
import type { Context, PreSignUpTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createPreSignUpHandler, SIGN_UP_REFUSAL, SignUpRefusedError } from '../../src/index.js';

const staged = (email: string, migratedAt?: string): StagedUser => ({
  email,
  hash: '$2b$04$bkEEQlMMqi7YyhjzlMKS7O3baTfJKt4kjUFUB4onoSAWYbR47Oo4S',
  scheme: 'bcrypt',
  profile: {},
  sourceId: '1',
  sourceVersion: 1,
  stagedAt: '2026-11-25T12:00:00.000Z',
  ...(migratedAt === undefined ? {} : { migratedAt }),
});

/** A sign-up as Cognito sends it for a pool whose user name is the email (`userName` is then a generated id). */
const signUpOf = (
  email: string | undefined,
  triggerSource = 'PreSignUp_SignUp',
  userName = '7d1e5b2a-0c4f-4e8b-9a3d-2f6c8b1e4a70',
) =>
  ({
    version: '1',
    triggerSource,
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_pool',
    userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
    request: { userAttributes: email === undefined ? {} : { email }, validationData: null },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  }) as unknown as PreSignUpTriggerEvent;

const context = { awsRequestId: 'request-1' } as Context;

/** A logger that keeps its lines, so a test can read what was logged. */
const recordingLogger = () => {
  const lines: { level: string; message: string; [key: string]: unknown }[] = [];
  const logger = {
    appendKeys: () => undefined,
    warn: (message: string, extra: object) => lines.push({ level: 'WARN', message, ...extra }),
  } as unknown as Logger;
  return { lines, logger };
};

/** An in-memory store of `users` that notes every email it is asked for. */
const storeOf = (...users: StagedUser[]) => {
  const asked: string[] = [];
  return {
    asked,
    store: {
      get: async (email: string) => {
        asked.push(email);
        return users.find((user) => user.email === email);
      },
    },
  };
};

const guardOf = (...users: StagedUser[]) => {
  const { store, asked } = storeOf(...users);
  const { logger, lines } = recordingLogger();
  return { handler: createPreSignUpHandler({ store, logger }), asked, lines };
};

describe('Function: createPreSignUpHandler', () => {
  it('lets a sign-up through, its event unchanged, when nobody is staged under its email', async () => {
    // Prepare
    const { handler, asked } = guardOf(staged('ada@example.com'));
    const event = signUpOf('grace@example.com');

    // Act
    const result = await handler(event, context);

    // Assess
    expect(result).toBe(event);
    expect(result.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
    expect(asked).toEqual(['grace@example.com']);
  });

  it('refuses, with the generic error, an email staged for a user who has not migrated yet', async () => {
    // Prepare
    const { handler } = guardOf(staged('ada@example.com'));

    // Act
    const signUp = handler(signUpOf('ada@example.com'), context);

    // Assess
    await expect(signUp).rejects.toThrow(SignUpRefusedError);
    await expect(signUp).rejects.toThrow(SIGN_UP_REFUSAL);
  });

  it('looks the email up as the staging key: trimmed and lower case, as typed in any case', async () => {
    // Prepare
    const { handler, asked } = guardOf(staged('ada@example.com'));

    // Act / Assess
    await expect(handler(signUpOf('  Ada@EXAMPLE.com '), context)).rejects.toThrow(SIGN_UP_REFUSAL);
    expect(asked).toEqual(['ada@example.com']);
  });

  it('lets a staged user who migrated already through: Cognito itself refuses the duplicate', async () => {
    // Prepare
    const { handler } = guardOf(staged('ada@example.com', '2026-12-01T09:00:00.000Z'));
    const event = signUpOf('ada@example.com');

    // Act / Assess
    await expect(handler(event, context)).resolves.toBe(event);
  });

  it('refuses a user name that is a staged email, in a pool whose user names are free text', async () => {
    // Prepare
    const { handler, asked } = guardOf(staged('ada@example.com'));

    // Act / Assess
    await expect(
      handler(signUpOf('someone@example.net', 'PreSignUp_SignUp', 'ADA@example.com'), context),
    ).rejects.toThrow(SIGN_UP_REFUSAL);
    expect(asked.sort()).toEqual(['ada@example.com', 'someone@example.net']);
  });

  it('reads the store once when the email and the user name are the same address', async () => {
    // Prepare
    const { handler, asked } = guardOf();

    // Act
    await handler(signUpOf('grace@example.com', 'PreSignUp_SignUp', 'Grace@example.com'), context);

    // Assess
    expect(asked).toEqual(['grace@example.com']);
  });

  it.each(['PreSignUp_AdminCreateUser', 'PreSignUp_ExternalProvider'])(
    'lets %s through without reading the store',
    async (source) => {
      // Prepare
      const { handler, asked } = guardOf(staged('ada@example.com'));
      const event = signUpOf('ada@example.com', source);

      // Act / Assess
      await expect(handler(event, context)).resolves.toBe(event);
      expect(asked).toEqual([]);
    },
  );

  it('refuses when the staging table cannot be read (fail closed), and logs the error by name', async () => {
    // Prepare
    const { logger, lines } = recordingLogger();
    const failing = {
      get: async () => {
        throw Object.assign(new Error('connect ECONNREFUSED'), { name: 'TimeoutError' });
      },
    };
    const handler = createPreSignUpHandler({ store: failing, logger });

    // Act / Assess
    await expect(handler(signUpOf('grace@example.com'), context)).rejects.toThrow(SIGN_UP_REFUSAL);
    expect(lines).toEqual([{ level: 'WARN', message: 'sign-up refused', cause: 'error', errorName: 'TimeoutError' }]);
  });

  it('refuses a sign-up event it cannot read, naming the fields, and any source it does not know', async () => {
    // Prepare
    const { handler, lines, asked } = guardOf();
    const withoutAttributes = { ...signUpOf('grace@example.com'), request: {} } as unknown as PreSignUpTriggerEvent;

    // Act / Assess
    await expect(handler(withoutAttributes, context)).rejects.toThrow(SIGN_UP_REFUSAL);
    await expect(handler(signUpOf('grace@example.com', 'PreSignUp_Unknown'), context)).rejects.toThrow(SIGN_UP_REFUSAL);
    expect(lines.map((line) => [line.cause, line.problems])).toEqual([
      ['invalid-event', ['request.userAttributes']],
      ['invalid-event', ['triggerSource']],
    ]);
    expect(asked).toEqual([]);
  });

  it('logs the cause of a refusal and never the email, the user name or the event', async () => {
    // Prepare
    const { handler, lines } = guardOf(staged('ada@example.com'));

    // Act
    await handler(signUpOf('Ada@example.com', 'PreSignUp_SignUp', 'ada-user'), context).catch(() => undefined);

    // Assess
    expect(lines).toEqual([{ level: 'WARN', message: 'sign-up refused', cause: 'staged' }]);
    const output = JSON.stringify(lines).toLowerCase();
    for (const secret of ['ada@example.com', 'ada-user', 'userattributes', 'eu-west-1_pool']) {
      expect(output).not.toContain(secret);
    }
  });

  it('answers every refusal with the same message, whatever its cause', async () => {
    // Prepare
    const { handler } = guardOf(staged('ada@example.com'));
    const broken = createPreSignUpHandler({
      store: {
        get: async () => {
          throw new Error('down');
        },
      },
      logger: recordingLogger().logger,
    });

    // Act
    const messages = await Promise.all(
      [
        handler(signUpOf('ada@example.com'), context),
        handler({ ...signUpOf('x@example.com'), request: {} } as unknown as PreSignUpTriggerEvent, context),
        broken(signUpOf('grace@example.com'), context),
      ].map((refusal) => refusal.catch((error: Error) => error.message)),
    );

    // Assess
    expect(new Set(messages)).toEqual(new Set([SIGN_UP_REFUSAL]));
  });
});
