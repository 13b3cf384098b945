/**
 * Base error of @hashbridge/handlers. Every error this package throws extends it, so callers can catch them all
 * with one `instanceof` and still reach the original failure through `cause`.
 */
class HandlerError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HandlerError';
  }
}

/** The handler's settings (environment variables) are missing or invalid. */
class HandlerConfigError extends HandlerError {
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
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LoaderBatchError';
  }
}

export { HandlerConfigError, HandlerError, LoaderBatchError };
