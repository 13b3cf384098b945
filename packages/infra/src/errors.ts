/**
 * Base error of @hashbridge/infra. Every error this package throws extends it, so callers can catch them all
 * with one `instanceof` and still reach the original failure through `cause`.
 */
class InfraError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InfraError';
  }
}

/**
 * Turning on MSK public access could not be done or did not finish well. Thrown inside the custom resource's
 * handlers, its message becomes the reason CloudFormation shows for the failed resource, so it says what to do.
 */
class PublicAccessError extends InfraError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PublicAccessError';
  }
}

export { InfraError, PublicAccessError };
