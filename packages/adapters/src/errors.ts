/**
 * Base error of @hashbridge/adapters. Every error this package throws extends it, so callers can catch them all
 * with one `instanceof` and still reach the original failure through `cause`. Callers branch on `code`, a
 * stable identifier; the message is for people and may change.
 */
class AdapterError extends Error {
  public readonly code: string = 'ERR_ADAPTER';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AdapterError';
  }
}

/** The legacy users could not be read: the database is unreachable, or the table, a column or the query is wrong. */
class SourceReadError extends AdapterError {
  public override readonly code = 'ERR_SOURCE_READ';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SourceReadError';
  }
}

/** Kafka did not acknowledge a batch (or the publisher's thread stopped): none of its messages counts as sent. */
class PublishError extends AdapterError {
  public override readonly code = 'ERR_PUBLISH';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PublishError';
  }
}

/** Cognito refused an import job call, or the upload to the job's pre-signed URL failed. */
class ImportJobError extends AdapterError {
  public override readonly code = 'ERR_IMPORT_JOB';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ImportJobError';
  }
}

export { AdapterError, ImportJobError, PublishError, SourceReadError };
