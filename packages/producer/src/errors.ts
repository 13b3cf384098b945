/**
 * Base error of @hashbridge/producer. The CLI prints `message` alone for these (no stack trace), so every
 * message says what went wrong and what to do.
 */
class ProducerError extends Error {
  public readonly code: string = 'ERR_PRODUCER';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ProducerError';
  }
}

/** Flags, environment or config file are missing or invalid. */
class ProducerConfigError extends ProducerError {
  public override readonly code = 'ERR_PRODUCER_CONFIG';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ProducerConfigError';
  }
}

/** More rows were rejected than `--max-rejects` allows. */
class RejectThresholdError extends ProducerError {
  public override readonly code = 'ERR_REJECT_THRESHOLD';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RejectThresholdError';
  }
}

export { ProducerConfigError, ProducerError, RejectThresholdError };
