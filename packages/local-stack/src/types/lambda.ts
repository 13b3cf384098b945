import type { Context } from 'aws-lambda';

/** A Lambda handler in its async form, as the project writes them. */
type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

/** One function the local Lambda endpoint can run. */
interface LocalFunction {
  /** Loaded on the first invocation, as a cold start would. */
  readonly load: () => Promise<LambdaHandler>;
  /** Like the function's configured timeout; the trigger's budget is Cognito's 5 s. */
  readonly timeoutMs?: number;
}

/** Function name → function, as registered with the local Lambda endpoint. */
type LocalFunctionTable = Readonly<Record<string, LocalFunction>>;

export type { LambdaHandler, LocalFunction, LocalFunctionTable };
