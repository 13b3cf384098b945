/**
 * Base error of @hashbridge/producer. Every error this package throws extends it, so callers can catch them all
 * with one `instanceof` and still reach the original failure through `cause`.
 */
class ProducerError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ProducerError';
  }
}

export { ProducerError };
