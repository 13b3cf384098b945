import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { LOCAL_AWS_REGION, USER_MIGRATION_FUNCTION_NAME } from '../constants.js';
import { spawnService, waitUntilReady } from '../process.js';
import type { RunningService } from '../types/stack.js';
import { childEnv, httpAnswers, type ServiceContext } from './service-context.js';

const require = createRequire(import.meta.url);

interface CognitoLocalOptions {
  readonly port: number;
  /** cognito-local keeps `.cognito/config.json` and its user pools below this folder. */
  readonly workDir: string;
  readonly logFile: string;
  /** Where cognito-local sends Lambda `Invoke` calls for triggers. */
  readonly lambdaEndpoint: string;
  /** Function name invoked as the User Migration trigger. */
  readonly userMigrationFunction?: string;
  /** Told the process id as soon as it exists. */
  readonly onSpawn?: (pid: number) => void;
}

/**
 * cognito-local's own config: triggers go to our Lambda endpoint, and tokens name the real address
 * as issuer (cognito-local would otherwise claim localhost:9229 whatever its port).
 */
const cognitoLocalConfig = (options: CognitoLocalOptions): object => ({
  LambdaClient: {
    endpoint: options.lambdaEndpoint,
    region: LOCAL_AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  },
  TriggerFunctions: { UserMigration: options.userMigrationFunction ?? USER_MIGRATION_FUNCTION_NAME },
  TokenConfig: { IssuerDomain: `http://127.0.0.1:${options.port}` },
});

/**
 * Starts cognito-local as a child process (the maintainer does not support embedding it) with a fresh
 * data folder. Exported on its own so a test can run a second instance wired to its own trigger.
 */
const startCognitoLocal = async (options: CognitoLocalOptions): Promise<Omit<RunningService, 'name'>> => {
  const configDir = join(options.workDir, '.cognito');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(join(configDir, 'config.json'), JSON.stringify(cognitoLocalConfig(options), null, 2));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const started = performance.now();
  const child = spawnService({
    name: 'cognito',
    command: process.execPath,
    args: [require.resolve('cognito-local/lib/bin/start.js')],
    cwd: options.workDir,
    env: childEnv({ PORT: String(options.port), HOST: '127.0.0.1' }),
    logFile: options.logFile,
    ...(options.onSpawn === undefined ? {} : { onSpawn: options.onSpawn }),
  });
  await waitUntilReady({
    name: 'cognito',
    child,
    logFile: options.logFile,
    probe: () => httpAnswers(`${endpoint}/health`),
  });
  return {
    pid: child.pid ?? -1,
    port: options.port,
    logFile: options.logFile,
    readyAfterMs: Math.round(performance.now() - started),
    env: { COGNITO_ENDPOINT: endpoint },
  };
};

/** The stack's cognito-local, its User Migration trigger pointed at the stack's Lambda endpoint. */
const startCognito = async (ctx: ServiceContext): Promise<RunningService> => ({
  name: 'cognito',
  ...(await startCognitoLocal({
    port: ctx.ports.cognito,
    workDir: join(ctx.dataDir, 'cognito'),
    logFile: join(ctx.paths.logsDir, 'cognito.log'),
    lambdaEndpoint: `http://127.0.0.1:${ctx.ports.lambda}`,
    onSpawn: ctx.onSpawn,
  })),
});

export type { CognitoLocalOptions };
export { startCognito, startCognitoLocal };
