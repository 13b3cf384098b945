import type { Context } from 'aws-lambda';
import { MigrationDeadlineError } from '../errors.js';

/**
 * Runs `work`, or rejects with MigrationDeadlineError once the Lambda's remaining time has dropped to `marginMs`,
 * so the handler still answers (with a refusal) before Cognito gives up at 5 seconds. The work itself is not
 * stopped; its late result is dropped.
 *
 * @example
 * ```ts
 * const user = await beforeDeadline(store.get(email), context, 300);
 * ```
 */
const beforeDeadline = async <T>(
  work: Promise<T>,
  context: Pick<Context, 'getRemainingTimeInMillis'>,
  marginMs: number,
): Promise<T> => {
  const budget = Math.max(0, context.getRemainingTimeInMillis() - marginMs);
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new MigrationDeadlineError()), budget);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};

export { beforeDeadline };
