import type { Logger } from '@aws-lambda-powertools/logger';
import type { StagedUserStore } from '@hashbridge/core';
import type { Context, PreSignUpTriggerEvent } from 'aws-lambda';
import { selfSignUpAddressesSchema, UNGUARDED_SOURCES } from './pre-sign-up-event.js';
import { SignUpRefusedError } from './sign-up-refused-error.js';

interface PreSignUpDependencies {
  /** Only `get` is read: the guard never writes (its role may GetItem, nothing else). */
  readonly store: Pick<StagedUserStore, 'get'>;
  readonly logger: Logger;
}

/** Why a sign-up was refused, for the log only: `staged` (a legacy user not yet migrated), or the guard failed. */
type SignUpRefusalCause = 'staged' | 'invalid-event' | 'error';

const errorNameOf = (error: unknown): string => (error instanceof Error ? error.name : typeof error);

const isUnguarded = (source: string): boolean => (UNGUARDED_SOURCES as readonly string[]).includes(source);

/**
 * Cognito's PreSignUp trigger as a guard for a pool with self sign-up: it refuses a sign-up whose email (or
 * email-shaped user name) belongs to a staged legacy user who has not migrated yet, so nobody can take that
 * address first and keep its owner from ever reaching the Migration trigger. A staged user already migrated is
 * in the pool, where Cognito refuses the duplicate itself. AdminCreateUser and federated sign-ups pass unread.
 *
 * Every refusal throws the same SignUpRefusedError; the cause goes to the log, which never holds the email.
 * When the staging table cannot be read, the guard refuses (fail closed): a sign-up can be tried again, a
 * squatted address cannot be taken back without an operator.
 *
 * @example
 * ```ts
 * const handler = createPreSignUpHandler({ store, logger: new Logger({ serviceName: 'hashbridge-pre-sign-up' }) });
 * ```
 */
const createPreSignUpHandler = (dependencies: PreSignUpDependencies) => {
  const { store, logger } = dependencies;

  const refuse = (cause: SignUpRefusalCause, details: Record<string, unknown> = {}): never => {
    logger.warn('sign-up refused', { cause, ...details });
    throw new SignUpRefusedError();
  };

  return async (event: PreSignUpTriggerEvent, context: Context): Promise<PreSignUpTriggerEvent> => {
    logger.appendKeys({ requestId: context.awsRequestId });
    if (isUnguarded(event.triggerSource)) return event;
    const parsed = selfSignUpAddressesSchema.safeParse(event);
    if (!parsed.success) {
      return refuse('invalid-event', { problems: parsed.error.issues.map((issue) => issue.path.join('.')) });
    }
    let staged: Awaited<ReturnType<typeof store.get>>[];
    try {
      staged = await Promise.all(parsed.data.map((email) => store.get(email)));
    } catch (error) {
      return refuse('error', { errorName: errorNameOf(error) });
    }
    if (staged.some((user) => user !== undefined && user.migratedAt === undefined)) return refuse('staged');
    // The event goes back as it came: the guard confirms or verifies nothing on anyone's behalf.
    return event;
  };
};

export type { PreSignUpDependencies, SignUpRefusalCause };
export { createPreSignUpHandler };
