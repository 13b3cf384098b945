/**
 * Base error of the local stack. The CLI prints `message` alone for these (no stack trace),
 * so every message says what went wrong and what to do.
 */
class LocalStackError extends Error {
  public readonly code: string = 'ERR_LOCAL_STACK';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LocalStackError';
  }
}

/** A tool the stack needs (Java 17+, Maven when asked for, PostgreSQL) is missing on this machine. */
class MissingPrerequisiteError extends LocalStackError {
  public override readonly code = 'ERR_MISSING_PREREQUISITE';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MissingPrerequisiteError';
  }
}

/** A file could not be fetched from Maven Central, or did not match its published checksum. */
class ArtifactDownloadError extends LocalStackError {
  public override readonly code = 'ERR_ARTIFACT_DOWNLOAD';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ArtifactDownloadError';
  }
}

/** A service did not start, or did not answer in time. */
class ServiceStartError extends LocalStackError {
  public override readonly code = 'ERR_SERVICE_START';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ServiceStartError';
  }
}

export { ArtifactDownloadError, LocalStackError, MissingPrerequisiteError, ServiceStartError };
