import type { Logger } from '@aws-lambda-powertools/logger';
import {
  type AttributeMapping,
  authenticateStagedUser,
  type CostPolicy,
  mapUserAttributes,
  normalizeEmail,
  type PasswordStrengthRule,
  type SchemeName,
  type StagedUserStore,
} from '@hashbridge/core';
import type { Context, UserMigrationTriggerEvent } from 'aws-lambda';
import * as z from 'zod';
import { InvocationTimer } from './invocation-timer.js';

/**
 * What reaches the caller on every refusal — unknown user, wrong password, unusable hash, late answer — so
 * nobody can tell them apart; Cognito may show Lambda error messages to end users.
 */
const GENERIC_REFUSAL = 'Incorrect username or password.';

interface MigrationDependencies {
  readonly store: StagedUserStore;
  readonly logger: Logger;
  readonly attributeMapping?: AttributeMapping;
  readonly dummyScheme?: SchemeName;
  readonly policy?: Partial<CostPolicy>;
  /** When given, a correct password that fails it migrates with RESET_REQUIRED: the user must choose another. */
  readonly passwordRule?: PasswordStrengthRule;
  /** Milliseconds before the Lambda deadline at which the handler gives up and refuses. */
  readonly deadlineMarginMs?: number;
  readonly now?: () => Date;
}

/** The parts of the trigger event the handler reads. Anything else about the event is left alone. */
const triggerEventSchema = z.object({
  triggerSource: z.enum(['UserMigration_Authentication', 'UserMigration_ForgotPassword']),
  userName: z.string().min(1).max(320),
  request: z.object({ password: z.string().optional() }).passthrough(),
});

class DeadlineError extends Error {
  public constructor() {
    super('deadline');
    this.name = 'DeadlineError';
  }
}

/** Runs `work`, or rejects with DeadlineError when the Lambda's remaining time drops to `marginMs`. */
const beforeDeadline = async <T>(work: Promise<T>, context: Context, marginMs: number): Promise<T> => {
  const budget = Math.max(0, context.getRemainingTimeInMillis() - marginMs);
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeadlineError()), budget);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Cognito's User Migration trigger. On `UserMigration_Authentication` it verifies the password against the
 * staged legacy hash (as passlib would) and returns the user's attributes with `finalUserStatus: CONFIRMED`
 * (RESET_REQUIRED when a `passwordRule` is given and the password fails it) and `messageAction: SUPPRESS`,
 * then marks the staged record migrated (the hash stays: Cognito may still fail to create the user). On
 * `UserMigration_ForgotPassword` it returns the attributes of a staged user so the reset code can be sent.
 * Every refusal throws the same generic error; the real cause goes to the log, which never holds the password,
 * the hash or the event. The invocation's last log line, success or refusal, carries `durationsMs` (lookup,
 * verify, mark, total): numbers only, and only in the log, so the caller sees nothing more than before and every
 * path times the same phases.
 */
const createMigrationHandler = (dependencies: MigrationDependencies) => {
  const now = dependencies.now ?? (() => new Date());
  const margin = dependencies.deadlineMarginMs ?? 300;

  const refuse = (timer: InvocationTimer, cause: string, details: Record<string, unknown> = {}): never => {
    dependencies.logger.warn('migration refused', { cause, ...details, durationsMs: timer.durations() });
    throw new Error(GENERIC_REFUSAL);
  };

  const authenticate = async (
    event: UserMigrationTriggerEvent,
    password: string,
    context: Context,
    timer: InvocationTimer,
  ) => {
    const outcome = await beforeDeadline(
      authenticateStagedUser(event.userName, password, {
        store: dependencies.store,
        timePhase: timer.time,
        ...(dependencies.attributeMapping === undefined ? {} : { attributeMapping: dependencies.attributeMapping }),
        ...(dependencies.dummyScheme === undefined ? {} : { dummyScheme: dependencies.dummyScheme }),
        ...(dependencies.policy === undefined ? {} : { policy: dependencies.policy }),
        ...(dependencies.passwordRule === undefined ? {} : { passwordRule: dependencies.passwordRule }),
      }),
      context,
      margin,
    );
    if (!outcome.ok)
      return refuse(timer, outcome.cause, outcome.errorName === undefined ? {} : { errorName: outcome.errorName });
    event.response.userAttributes = outcome.attributes;
    // RESET_REQUIRED: Cognito creates the user but answers PasswordResetRequiredException instead of tokens,
    // so the user sets a password the pool's policy accepts (ForgotPassword); no message is sent either way.
    event.response.finalUserStatus = outcome.passwordResetRequired ? 'RESET_REQUIRED' : 'CONFIRMED';
    event.response.messageAction = 'SUPPRESS';
    // The mark is awaited, not fired and forgotten: Lambda freezes the environment as soon as the handler
    // returns, so a request still in flight might be sent minutes later at the next thaw, or never. Awaiting it
    // costs one UpdateItem round trip. A user marked already (Cognito retried after a late answer, or the user
    // was deleted from the pool and came back) keeps the first date anyway, so no second write is made.
    if (outcome.user.migratedAt === undefined) {
      try {
        await timer.time('mark', () =>
          beforeDeadline(dependencies.store.markMigrated(outcome.user.email, now()), context, margin),
        );
      } catch (error) {
        // The sign-in still succeeds: the mark is for progress reports and purging, not for the user.
        dependencies.logger.warn('could not mark the user migrated', { errorName: (error as Error).name });
      }
    }
    dependencies.logger.info('user migrated', {
      scheme: outcome.user.scheme,
      sourceId: outcome.user.sourceId,
      passwordResetRequired: outcome.passwordResetRequired,
      durationsMs: timer.durations(),
    });
    return event;
  };

  const forgotPassword = async (event: UserMigrationTriggerEvent, context: Context, timer: InvocationTimer) => {
    const user = await beforeDeadline(
      timer.time('lookup', () => dependencies.store.get(normalizeEmail(event.userName))),
      context,
      margin,
    );
    if (user === undefined) return refuse(timer, 'unknown-user');
    event.response.userAttributes = mapUserAttributes(user, dependencies.attributeMapping);
    event.response.messageAction = 'SUPPRESS';
    dependencies.logger.info('forgot-password lookup', { sourceId: user.sourceId, durationsMs: timer.durations() });
    return event;
  };

  return async (event: UserMigrationTriggerEvent, context: Context): Promise<UserMigrationTriggerEvent> => {
    const timer = new InvocationTimer();
    dependencies.logger.appendKeys({ requestId: context.awsRequestId });
    const parsed = triggerEventSchema.safeParse(event);
    if (!parsed.success)
      return refuse(timer, 'invalid-event', { problems: parsed.error.issues.map((issue) => issue.path.join('.')) });
    try {
      if (parsed.data.triggerSource === 'UserMigration_ForgotPassword')
        return await forgotPassword(event, context, timer);
      const password = parsed.data.request.password;
      if (password === undefined) return refuse(timer, 'invalid-event', { problems: ['request.password'] });
      return await authenticate(event, password, context, timer);
    } catch (error) {
      if ((error as Error).message === GENERIC_REFUSAL) throw error;
      return refuse(timer, error instanceof DeadlineError ? 'deadline' : 'error', {
        errorName: (error as Error).name,
      });
    }
  };
};

export type { MigrationDependencies };
export { createMigrationHandler, GENERIC_REFUSAL };
