/**
 * Base error of @hashbridge/infra. Every error this package throws extends it, so callers can catch them all
 * with one `instanceof` and still reach the original failure through `cause`. `code` is stable across releases
 * (messages are not): branch on it, never on the message.
 *
 * @example
 * try {
 *   validateOperatorCidr('0.0.0.0/0');
 * } catch (error) {
 *   if (error instanceof InfraError) console.error(error.code, error.message); // ERR_INFRA …
 * }
 */
class InfraError extends Error {
  public readonly code: string = 'ERR_INFRA';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InfraError';
  }
}

/**
 * A function or the native hash layer cannot be built from what is installed: a package is missing or not
 * built, or no lock file was found. The message says what to install or pass.
 */
class BundlingError extends InfraError {
  public override readonly code = 'ERR_INFRA_BUNDLING';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BundlingError';
  }
}

/**
 * Turning on MSK public access could not be done or did not finish well. Thrown inside the custom resource's
 * handlers, its message becomes the reason CloudFormation shows for the failed resource, so it says what to do.
 */
class PublicAccessError extends InfraError {
  public override readonly code = 'ERR_INFRA_PUBLIC_ACCESS';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PublicAccessError';
  }
}

export { BundlingError, InfraError, PublicAccessError };
