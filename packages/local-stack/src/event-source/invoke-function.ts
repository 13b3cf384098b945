import type { Context } from 'aws-lambda';
import { LocalStackError } from '../errors.js';

/** The error body Lambda's Invoke API returns, with status 200, when the function itself failed. */
interface FunctionErrorBody {
  readonly errorType?: string;
  readonly errorMessage?: string;
}

/**
 * A handler that invokes `functionName` through a Lambda Invoke API endpoint (the local stack's), as Lambda's
 * event source mappings do: the function's own error becomes a rejection, so the caller delivers the batch
 * again. The event is sent, never logged: it holds password hashes.
 */
const invokeFunction =
  (endpoint: string, functionName: string) =>
  async (event: unknown, _context?: Context): Promise<unknown> => {
    const url = `${endpoint}/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`;
    const response = await fetch(url, { method: 'POST', body: JSON.stringify(event) });
    const body = (await response.json().catch(() => undefined)) as unknown;
    if (!response.ok) {
      throw new LocalStackError(`Invoke ${functionName} answered HTTP ${response.status}: ${JSON.stringify(body)}`);
    }
    if (response.headers.get('x-amz-function-error') !== null) {
      const error = (body ?? {}) as FunctionErrorBody;
      throw new LocalStackError(
        `${functionName} failed: ${error.errorType ?? 'Error'}: ${error.errorMessage ?? '(no message)'}`,
      );
    }
    return body;
  };

export { invokeFunction };
