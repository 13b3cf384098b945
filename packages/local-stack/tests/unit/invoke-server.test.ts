import type { AddressInfo } from 'node:net';
import { InvokeCommand, LambdaClient, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvokeServer, LOCAL_AWS_REGION } from '../../src/index.js';

const decode = (payload: Uint8Array | undefined): unknown => JSON.parse(Buffer.from(payload ?? []).toString('utf8'));

describe('Function: createInvokeServer', () => {
  const logged: string[] = [];
  const server = createInvokeServer(
    {
      echo: { load: async () => async (event, context) => ({ event, functionName: context.functionName }) },
      failing: {
        load: async () => async () => {
          throw new TypeError('userName is missing');
        },
      },
      slow: {
        timeoutMs: 50,
        load: async () => () => new Promise((resolve) => setTimeout(resolve, 1_000)),
      },
    },
    (entry) => logged.push(JSON.stringify(entry)),
  );
  let lambda: LambdaClient;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    lambda = new LambdaClient({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: LOCAL_AWS_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('returns the handler result as the payload, with status 200', async () => {
    // Act
    const result = await lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: '{"userName":"ada"}' }));

    // Assess
    expect(result.StatusCode).toBe(200);
    expect(result.FunctionError).toBeUndefined();
    expect(decode(result.Payload)).toEqual({ event: { userName: 'ada' }, functionName: 'echo' });
  });

  it('accepts a function ARN with a qualifier, as Lambda does', async () => {
    // Act
    const result = await lambda.send(
      new InvokeCommand({ FunctionName: 'arn:aws:lambda:local:000000000000:function:echo:$LATEST', Payload: '{}' }),
    );

    // Assess
    expect(decode(result.Payload)).toMatchObject({ functionName: 'echo' });
  });

  it('reports a thrown error as FunctionError "Unhandled" with its type and message', async () => {
    // Act
    const result = await lambda.send(new InvokeCommand({ FunctionName: 'failing', Payload: '{}' }));

    // Assess
    expect(result.StatusCode).toBe(200);
    expect(result.FunctionError).toBe('Unhandled');
    expect(decode(result.Payload)).toMatchObject({ errorType: 'TypeError', errorMessage: 'userName is missing' });
  });

  it('stops waiting at the function timeout and reports it as Lambda does', async () => {
    // Act
    const result = await lambda.send(new InvokeCommand({ FunctionName: 'slow', Payload: '{}' }));

    // Assess
    expect(result.FunctionError).toBe('Unhandled');
    expect(decode(result.Payload)).toMatchObject({ errorMessage: 'Task timed out after 0.05 seconds' });
  });

  it('answers an unknown function with ResourceNotFoundException', async () => {
    // Act
    const invoking = lambda.send(new InvokeCommand({ FunctionName: 'missing', Payload: '{}' }));

    // Assess
    await expect(invoking).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('runs nothing for a DryRun and answers 204', async () => {
    // Act
    const result = await lambda.send(new InvokeCommand({ FunctionName: 'echo', InvocationType: 'DryRun' }));

    // Assess
    expect(result.StatusCode).toBe(204);
  });

  it('logs each invocation without its payload', async () => {
    // Prepare
    logged.length = 0;

    // Act
    await lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: '{"password":"hunter2"}' }));

    // Assess
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('"functionName":"echo"');
    expect(logged[0]).not.toContain('hunter2');
  });
});
