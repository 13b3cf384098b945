/**
 * Base error of @hashbridge/adapters. Every error this package throws extends it, so callers can catch them all
 * with one `instanceof` and still reach the original failure through `cause`.
 */
class AdapterError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AdapterError';
  }
}

export { AdapterError };
