import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnService, waitUntilReady } from '../process.js';
import type { RunningService } from '../types/stack.js';
import { childEnv, httpAnswers, type ServiceContext } from './service-context.js';

/** The endpoint's own code runs through tsx; the functions it serves are the built packages the workspace lists. */
const LAMBDA_MAIN = fileURLToPath(new URL('../lambda/main.ts', import.meta.url));

const startLambda = async (ctx: ServiceContext): Promise<RunningService> => {
  const port = ctx.ports.lambda;
  const logFile = join(ctx.paths.logsDir, 'lambda.log');
  const endpoint = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawnService({
    name: 'lambda',
    command: process.execPath,
    // `--import tsx` resolves from the working directory: the workspace root, where npm installed tsx.
    args: ['--import', 'tsx', LAMBDA_MAIN, '--port', String(port), '--root', ctx.paths.rootDir],
    cwd: ctx.paths.rootDir,
    // The handlers find the stack's DynamoDB API; the SDK wants a region and credentials, any will do.
    env: childEnv({
      DYNAMODB_ENDPOINT: `http://127.0.0.1:${ctx.ports.dynamodb}`,
      AWS_REGION: 'local',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    }),
    logFile,
    onSpawn: ctx.onSpawn,
  });
  await waitUntilReady({ name: 'lambda', child, logFile, probe: () => httpAnswers(endpoint) });
  return {
    name: 'lambda',
    pid: child.pid ?? -1,
    port,
    logFile,
    readyAfterMs: Math.round(performance.now() - started),
    env: { LAMBDA_ENDPOINT: endpoint },
  };
};

export { startLambda };
