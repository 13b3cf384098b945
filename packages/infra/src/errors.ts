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

export { InfraError };
