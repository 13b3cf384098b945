import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Context } from 'aws-lambda';
import { LOCAL_AWS_REGION } from '../constants.js';
import type { LambdaHandler, LocalFunctionTable } from '../types/lambda.js';

/** Lambda's default function timeout. */
const DEFAULT_TIMEOUT_MS = 3_000;
const LOCAL_ACCOUNT_ID = '000000000000';
const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/** One line per invocation; never the payload, which may hold a password. */
type InvocationLog = (entry: { functionName: string; requestId: string; durationMs: number; outcome: string }) => void;

const functionArn = (name: string): string => `arn:aws:lambda:${LOCAL_AWS_REGION}:${LOCAL_ACCOUNT_ID}:function:${name}`;

/** Invoke accepts a name, a `name:qualifier`, or a full ARN; the local table is keyed by the bare name. */
const bareFunctionName = (raw: string): string => {
  const name = decodeURIComponent(raw);
  const arn = /^arn:aws:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(name);
  if (arn?.[1] !== undefined) return arn[1];
  return name.split(':')[0] ?? name;
};

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const sendJson = (
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body === undefined ? 'null' : JSON.stringify(body));
};

/** The error shapes the Lambda service itself returns (not the function's errors). */
const sendServiceError = (response: ServerResponse, status: number, type: string, message: string): void =>
  sendJson(response, status, { Type: 'User', message }, { 'x-amzn-errortype': type });

const lambdaContext = (functionName: string, requestId: string, timeoutMs: number): Context => {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn(functionName),
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${requestId}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
};

class FunctionTimeoutError extends Error {
  public constructor(timeoutMs: number) {
    super(`Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`);
    this.name = 'Sandbox.Timedout';
  }
}

/** Runs the handler against its deadline, as the Lambda runtime does. */
const runWithTimeout = async (
  handler: LambdaHandler,
  event: unknown,
  context: Context,
  timeoutMs: number,
): Promise<unknown> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FunctionTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([handler(event, context), timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/** The body Lambda returns, with status 200, when the function itself failed. */
const functionErrorBody = (error: unknown): { errorType: string; errorMessage: string; trace: string[] } => {
  const err = error instanceof Error ? error : new Error(String(error));
  return { errorType: err.name, errorMessage: err.message, trace: (err.stack ?? '').split('\n') };
};

/**
 * An HTTP server speaking the Lambda `Invoke` API (`POST /2015-03-31/functions/{name}/invocations`)
 * for the functions in `functions`, run in this process. What a caller sees follows AWS: the result
 * as JSON with 200; a function error as 200 with `X-Amz-Function-Error: Unhandled`; an unknown
 * function as 404 `ResourceNotFoundException`; `Event` invocations as 202 and `DryRun` as 204.
 */
const createInvokeServer = (functions: LocalFunctionTable, log: InvocationLog = () => {}): Server => {
  const loaded = new Map<string, Promise<LambdaHandler>>();

  const invoke = async (request: IncomingMessage, response: ServerResponse, rawName: string): Promise<void> => {
    const functionName = bareFunctionName(rawName);
    const fn = functions[functionName];
    if (fn === undefined) {
      sendServiceError(response, 404, 'ResourceNotFoundException', `Function not found: ${functionArn(functionName)}`);
      return;
    }
    const body = await readBody(request);
    let event: unknown;
    try {
      event = body === '' ? {} : JSON.parse(body);
    } catch {
      sendServiceError(response, 400, 'InvalidRequestContentException', 'Could not parse request body into json');
      return;
    }
    const invocationType = request.headers['x-amz-invocation-type'] ?? 'RequestResponse';
    if (invocationType === 'DryRun') {
      response.writeHead(204).end();
      return;
    }
    const requestId = randomUUID();
    const timeoutMs = fn.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const started = performance.now();
    const run = async (): Promise<unknown> => {
      let handler = loaded.get(functionName);
      if (handler === undefined) {
        handler = fn.load();
        loaded.set(functionName, handler);
      }
      return runWithTimeout(await handler, event, lambdaContext(functionName, requestId, timeoutMs), timeoutMs);
    };
    const headers = { 'x-amz-executed-version': '$LATEST', 'x-amzn-requestid': requestId };
    const finish = (outcome: string): void =>
      log({ functionName, requestId, durationMs: Math.round(performance.now() - started), outcome });

    if (invocationType === 'Event') {
      response.writeHead(202, headers).end();
      run().then(
        () => finish('ok'),
        (error: unknown) => finish(`error ${functionErrorBody(error).errorType}`),
      );
      return;
    }
    try {
      const result = await run();
      finish('ok');
      sendJson(response, 200, result, headers);
    } catch (error) {
      const errorBody = functionErrorBody(error);
      finish(`error ${errorBody.errorType}`);
      sendJson(response, 200, errorBody, { ...headers, 'x-amz-function-error': 'Unhandled' });
    }
  };

  return createServer((request, response) => {
    const match = INVOKE_PATH.exec(request.url?.split('?')[0] ?? '');
    if (request.method !== 'POST' || match?.[1] === undefined) {
      sendServiceError(
        response,
        404,
        'UnknownOperationException',
        `No Lambda operation at ${request.method} ${request.url}`,
      );
      return;
    }
    invoke(request, response, match[1]).catch((error: unknown) => {
      sendServiceError(response, 500, 'ServiceException', functionErrorBody(error).errorMessage);
    });
  });
};

export type { InvocationLog };
export { createInvokeServer };
