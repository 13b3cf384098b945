import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICE_NAMES } from './constants.js';
import { writeEnvFile } from './env-file.js';
import { findFreePort } from './ports.js';
import { findJava } from './prerequisites/java.js';
import { ensureKafkaJars } from './prerequisites/kafka-jars.js';
import { findPostgresBinaries, postgresRunAs } from './prerequisites/postgres-binaries.js';
import { isProcessAlive, stopProcessGroup } from './process.js';
import { startCognito } from './services/cognito.js';
import { startDynamoDb } from './services/dynamodb.js';
import { startKafka } from './services/kafka.js';
import { startLambda } from './services/lambda.js';
import { startPostgres } from './services/postgres.js';
import type { ServiceContext } from './services/service-context.js';
import type { RunningService, ServiceName, StackPaths, StackState } from './types/stack.js';

const STARTERS: Readonly<Record<ServiceName, (ctx: ServiceContext) => Promise<RunningService>>> = {
  postgres: startPostgres,
  kafka: startKafka,
  dynamodb: startDynamoDb,
  lambda: startLambda,
  cognito: startCognito,
};

/** How a service of a recorded stack is doing right now. */
interface ServiceStatus {
  readonly name: ServiceName;
  readonly pid: number;
  readonly port: number;
  readonly alive: boolean;
}

interface StackStatus {
  readonly state: StackState | undefined;
  readonly services: readonly ServiceStatus[];
  /** Every recorded service process is still there. */
  readonly running: boolean;
}

interface StartStackResult {
  readonly state: StackState;
  /** False when a running stack was found and reused. */
  readonly started: boolean;
}

/** Written whole or not at all (temporary file, then rename), so a reader never sees half a state. */
const writeStateFile = (file: string, state: StackState): void => {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
};

const readState = (paths: StackPaths): StackState | undefined => {
  if (!existsSync(paths.stateFile)) return undefined;
  try {
    return JSON.parse(readFileSync(paths.stateFile, 'utf8')) as StackState;
  } catch {
    return undefined;
  }
};

const stackStatus = (paths: StackPaths): StackStatus => {
  const state = readState(paths);
  const services = (state?.services ?? []).map((service) => ({
    name: service.name,
    pid: service.pid,
    port: service.port,
    alive: isProcessAlive(service.pid),
  }));
  const running = state !== undefined && services.length === SERVICE_NAMES.length && services.every((s) => s.alive);
  return { state, services, running };
};

/** Fails early, with one clear message, when something the stack needs is missing. */
const checkPrerequisites = async (paths: StackPaths, log: (line: string) => void): Promise<void> => {
  findPostgresBinaries();
  postgresRunAs();
  findJava();
  await ensureKafkaJars(paths.cacheDir, log);
};

const stopServices = async (services: readonly Pick<RunningService, 'name' | 'pid'>[]): Promise<void> => {
  await Promise.all(
    services.map((service) =>
      // SIGINT is PostgreSQL's "fast" shutdown: it ends sessions and exits cleanly.
      stopProcessGroup(service.pid, { signal: service.name === 'postgres' ? 'SIGINT' : 'SIGTERM' }),
    ),
  );
};

/** Stops every process of the recorded stack and removes its data, state and env file. */
const stopStack = async (paths: StackPaths): Promise<{ stopped: boolean }> => {
  const state = readState(paths);
  if (state === undefined) return { stopped: false };
  await stopServices(state.services);
  // Processes of an interrupted `up` that never became services of the recorded stack.
  const known = new Set(state.services.map((service) => service.pid));
  await Promise.all((state.spawned ?? []).filter((pid) => !known.has(pid)).map((pid) => stopProcessGroup(pid)));
  rmSync(state.dataDir, { recursive: true, force: true });
  rmSync(paths.stateFile, { force: true });
  rmSync(paths.envFile, { force: true });
  return { stopped: true };
};

/**
 * Starts the five services on free loopback ports, all at once, and waits until each answers.
 * Idempotent: a running stack is reported, not started twice; the remains of a broken one are
 * cleared first. If any service fails, the others are stopped again and the first error is thrown.
 */
const startStack = async (paths: StackPaths, log: (line: string) => void = () => {}): Promise<StartStackResult> => {
  const status = stackStatus(paths);
  if (status.running && status.state !== undefined) return { state: status.state, started: false };
  if (status.state !== undefined) {
    log('clearing the remains of a stack that is no longer whole');
    await stopStack(paths);
  }
  await checkPrerequisites(paths, log);
  mkdirSync(paths.logsDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'hashbridge-stack-'));
  const ports = Object.fromEntries(
    await Promise.all(SERVICE_NAMES.map(async (name) => [name, await findFreePort()] as const)),
  ) as Record<ServiceName, number>;
  // Written before anything starts and updated as each process appears, so that a `down` (or the next `up`)
  // can stop what an interrupted `up` left behind.
  const spawned: number[] = [];
  const writeProvisional = (): void =>
    writeStateFile(paths.stateFile, { startedAt: new Date().toISOString(), dataDir, services: [], env: {}, spawned });
  writeProvisional();
  const ctx: ServiceContext = {
    paths,
    dataDir,
    ports,
    onSpawn: (pid) => {
      spawned.push(pid);
      writeProvisional();
    },
  };

  const results = await Promise.allSettled(SERVICE_NAMES.map((name) => STARTERS[name](ctx)));
  const services = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure !== undefined) {
    await stopServices(services);
    await Promise.all(spawned.map((pid) => stopProcessGroup(pid)));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(paths.stateFile, { force: true });
    throw failure.reason;
  }
  const state: StackState = {
    startedAt: new Date().toISOString(),
    dataDir,
    services,
    env: Object.assign({}, ...services.map((service) => service.env)),
    spawned,
  };
  writeStateFile(paths.stateFile, state);
  writeEnvFile(paths.envFile, state.env);
  return { state, started: true };
};

export type { ServiceStatus, StackStatus, StartStackResult };
export { readState, stackStatus, startStack, stopStack };
