import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvokeCommand, LambdaClient, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { describe, expect, inject, it } from 'vitest';
import { LOCAL_AWS_REGION, readState, stackPaths, USER_MIGRATION_FUNCTION_NAME } from '../../src/index.js';

describe("Service: the stack's Lambda Invoke endpoint", () => {
  const env = inject('stackEnv');
  const lambda = new LambdaClient({
    endpoint: env.LAMBDA_ENDPOINT ?? '',
    region: LOCAL_AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

  it('answers a function it does not serve as AWS does, with ResourceNotFoundException', async () => {
    // Act
    const invoking = lambda.send(new InvokeCommand({ FunctionName: 'no-such-function', Payload: '{}' }));

    // Assess
    await expect(invoking).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(invoking).rejects.toThrow(/function:no-such-function/);
  });

  it("is where the stack's cognito-local sends its User Migration trigger", () => {
    // Prepare
    const state = readState(stackPaths());
    const configFile = join(state?.dataDir ?? '', 'cognito', '.cognito', 'config.json');

    // Act
    const config = JSON.parse(readFileSync(configFile, 'utf8'));

    // Assess
    expect(config.LambdaClient.endpoint).toBe(env.LAMBDA_ENDPOINT);
    expect(config.TriggerFunctions.UserMigration).toBe(USER_MIGRATION_FUNCTION_NAME);
  });
});
