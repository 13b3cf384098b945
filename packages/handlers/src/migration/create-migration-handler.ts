import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import {
  type AttributeMapping,
  type CostPolicy,
  type LockoutRule,
  METRICS,
  migrateUser,
  type PasswordStrengthRule,
  type PhaseRunner,
  type REFUSAL_CAUSES,
  type SchemeName,
  type StagedUserStore,
  type UserMigrationOutcome,
} from '@hashbridge/core';
import type { Context, UserMigrationTriggerEvent } from 'aws-lambda';
import { MigrationDeadlineError, MigrationRefusedError } from '../errors.js';
import { beforeDeadline } from './before-deadline.js';
import { InvocationTimer } from './invocation-timer.js';
import { userMigrationEventSchema } from './user-migration-event.js';

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
  /** When failed sign-ins lock a staged user. @default Cognito's rule (DEFAULT_LOCKOUT_RULE) */
  readonly lockout?: LockoutRule;
  /** Days a migrated user's staged record is kept before DynamoDB's TTL deletes it. @default 30 */
  readonly retentionDays?: number;
  /** Where the migration's metrics go (embedded metric format); none are published without it. */
  readonly metrics?: Metrics;
}

/** The metric's cause of a refusal: core's causes as they are, the handler's own as `deadline` or `error`. */
type RefusalCause = (typeof REFUSAL_CAUSES)[number];

type Migrated = Extract<UserMigrationOutcome, { ok: true }>;

const errorNameOf = (error: unknown): string => (error instanceof Error ? error.name : typeof error);

/**
 * Cognito's User Migration trigger, around core's `migrateUser` use case: it reads the event, calls the use case
 * with each phase timed and bounded by the Lambda deadline, writes the outcome into Cognito's response and logs.
 * A sign-in answers the user's attributes with `finalUserStatus: CONFIRMED` (RESET_REQUIRED when the password
 * fails the `passwordRule`) and `messageAction: SUPPRESS`; a forgotten password answers the attributes with
 * SUPPRESS. Every refusal throws the same MigrationRefusedError; the real cause goes to the log, which never
 * holds the password, the hash or the event. The invocation's last log line, success or refusal, carries
 * `durationsMs` (lookup, verify, mark, total): numbers only, and only in the log.
 *
 * @example
 * ```ts
 * const handler = createMigrationHandler({ store, logger: new Logger({ serviceName: 'hashbridge-migration' }) });
 * ```
 */
const createMigrationHandler = (dependencies: MigrationDependencies) => {
  const { logger, metrics, deadlineMarginMs = 300, ...useCase } = dependencies;

  /**
   * The invocation's metrics: what happened (a migration, or a refusal by cause), the verify's duration by
   * scheme, the whole invocation's duration. Counts and milliseconds only: no dimension names a user.
   */
  const publish = (timer: InvocationTimer, result: { migratedScheme?: string; refused?: RefusalCause }): void => {
    if (metrics === undefined) return;
    const durations = timer.durations();
    if (result.refused !== undefined) {
      const refusal = metrics.singleMetric();
      refusal.addDimension(METRICS.dimensions.cause, result.refused);
      refusal.addMetric(METRICS.migration.signInsRefused, MetricUnit.Count, 1);
    }
    if (result.migratedScheme !== undefined) {
      metrics.addMetric(METRICS.migration.usersMigrated, MetricUnit.Count, 1);
      const verify = metrics.singleMetric();
      verify.addDimension(METRICS.dimensions.scheme, result.migratedScheme);
      verify.addMetric(METRICS.migration.verifyDuration, MetricUnit.Milliseconds, durations.verify);
    }
    metrics.addMetric(METRICS.migration.invocationDuration, MetricUnit.Milliseconds, durations.total);
    metrics.publishStoredMetrics();
  };

  const refuse = (
    timer: InvocationTimer,
    cause: RefusalCause | 'invalid-event',
    details: Record<string, unknown> = {},
  ): never => {
    logger.warn('migration refused', { cause, ...details, durationsMs: timer.durations() });
    publish(timer, { refused: cause === 'invalid-event' ? 'error' : cause });
    throw new MigrationRefusedError();
  };

  const answer = (event: UserMigrationTriggerEvent, outcome: Migrated, timer: InvocationTimer) => {
    event.response.userAttributes = outcome.attributes;
    if (outcome.trigger === 'forgot-password') {
      event.response.messageAction = 'SUPPRESS';
      logger.info('forgot-password lookup', { sourceId: outcome.user.sourceId, durationsMs: timer.durations() });
      publish(timer, {});
      return event;
    }
    // RESET_REQUIRED: Cognito creates the user but answers PasswordResetRequiredException instead of tokens,
    // so the user sets a password the pool's policy accepts (ForgotPassword); no message is sent either way.
    event.response.finalUserStatus = outcome.passwordResetRequired ? 'RESET_REQUIRED' : 'CONFIRMED';
    event.response.messageAction = 'SUPPRESS';
    if (outcome.mark.status === 'failed') {
      logger.warn('could not mark the user migrated', { errorName: outcome.mark.errorName });
    }
    logger.info('user migrated', {
      scheme: outcome.user.scheme,
      sourceId: outcome.user.sourceId,
      passwordResetRequired: outcome.passwordResetRequired,
      durationsMs: timer.durations(),
    });
    publish(timer, { migratedScheme: outcome.user.scheme });
    return event;
  };

  return async (event: UserMigrationTriggerEvent, context: Context): Promise<UserMigrationTriggerEvent> => {
    const timer = new InvocationTimer();
    logger.appendKeys({ requestId: context.awsRequestId });
    const parsed = userMigrationEventSchema.safeParse(event);
    if (!parsed.success) {
      return refuse(timer, 'invalid-event', { problems: parsed.error.issues.map((issue) => issue.path.join('.')) });
    }
    // A phase cut short by the deadline counts in its duration up to the moment the handler gave up on it.
    const runPhase: PhaseRunner = (phase, work) =>
      timer.time(phase, () => beforeDeadline(work(), context, deadlineMarginMs));
    let outcome: UserMigrationOutcome;
    try {
      outcome = await migrateUser(parsed.data, { ...useCase, runPhase });
    } catch (error) {
      const cause = error instanceof MigrationDeadlineError ? 'deadline' : 'error';
      return refuse(timer, cause, { errorName: errorNameOf(error) });
    }
    if (!outcome.ok) {
      if (outcome.failure?.status === 'failed') {
        logger.warn('could not count the failed sign-in', { errorName: outcome.failure.errorName });
      }
      return refuse(timer, outcome.cause, outcome.errorName === undefined ? {} : { errorName: outcome.errorName });
    }
    return answer(event, outcome, timer);
  };
};

export type { MigrationDependencies };
export { createMigrationHandler };
