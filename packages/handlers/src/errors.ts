/**
 * Base error of @hashbridge/handlers. Every error this package throws extends it, so callers can catch them all
 * with one `instanceof` and still reach the original failure through `cause`. Each class has a stable `code` to
 * branch on; messages are for people and may change.
 *
 * @example
 * ```ts
 * await handler(event, context).catch((error) => {
 *   if (error instanceof HandlerError && error.code === 'ERR_MIGRATION_REFUSED') return 'refused';
 *   throw error;
 * });
 * ```
 */
class HandlerError extends Error {
  public readonly code: string = 'ERR_HANDLER';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HandlerError';
  }
}

/** The handler's settings (environment variables) are missing or invalid. */
class HandlerConfigError extends HandlerError {
  public override readonly code = 'ERR_HANDLER_CONFIG';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HandlerConfigError';
  }
}

/**
 * Some records of the batch hit a transient failure and were not staged. Thrown so that the event source
 * delivers the whole batch again (staging is idempotent); the message names counts, never values.
 */
class LoaderBatchError extends HandlerError {
  public override readonly code = 'ERR_LOADER_BATCH';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LoaderBatchError';
  }
}

/**
 * What the Migration Lambda answers to every refusal — unknown user, wrong password, unusable hash, invalid
 * event, late answer — so nobody can tell them apart; Cognito may show Lambda error messages to end users.
 */
const GENERIC_REFUSAL = 'Incorrect username or password.';

/**
 * The Migration Lambda refuses the sign-in or the forgotten-password request. Every refusal is this error with
 * the same message (`GENERIC_REFUSAL`) and no cause; the real reason goes to the log only.
 */
class MigrationRefusedError extends HandlerError {
  public override readonly code = 'ERR_MIGRATION_REFUSED';

  public constructor() {
    super(GENERIC_REFUSAL);
    this.name = 'MigrationRefusedError';
  }
}

/** A phase of a Migration invocation was still running when the time left before the Lambda deadline ran out. */
class MigrationDeadlineError extends HandlerError {
  public override readonly code = 'ERR_MIGRATION_DEADLINE';

  public constructor(message = 'the Migration Lambda deadline is too close', options?: ErrorOptions) {
    super(message, options);
    this.name = 'MigrationDeadlineError';
  }
}

export {
  GENERIC_REFUSAL,
  HandlerConfigError,
  HandlerError,
  LoaderBatchError,
  MigrationDeadlineError,
  MigrationRefusedError,
};
