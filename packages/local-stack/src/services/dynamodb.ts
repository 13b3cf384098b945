import { createRequire } from 'node:module';
import { join } from 'node:path';
import { spawnService, waitUntilReady } from '../process.js';
import type { RunningService } from '../types/stack.js';
import { childEnv, httpAnswers, type ServiceContext } from './service-context.js';

const require = createRequire(import.meta.url);

/** dynalite: the DynamoDB API in memory. Tables become ACTIVE at once instead of after 500 ms. */
const startDynamoDb = async (ctx: ServiceContext): Promise<RunningService> => {
  const port = ctx.ports.dynamodb;
  const logFile = join(ctx.paths.logsDir, 'dynamodb.log');
  const endpoint = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawnService({
    name: 'dynamodb',
    command: process.execPath,
    args: [
      require.resolve('dynalite/cli.js'),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--createTableMs',
      '0',
      '--deleteTableMs',
      '0',
      '--updateTableMs',
      '0',
    ],
    env: childEnv(),
    logFile,
    onSpawn: ctx.onSpawn,
  });
  await waitUntilReady({
    name: 'dynamodb',
    child,
    logFile,
    probe: () =>
      httpAnswers(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
        body: '{}',
      }),
  });
  return {
    name: 'dynamodb',
    pid: child.pid ?? -1,
    port,
    logFile,
    readyAfterMs: Math.round(performance.now() - started),
    env: { DYNAMODB_ENDPOINT: endpoint },
  };
};

export { startDynamoDb };
