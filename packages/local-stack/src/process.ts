import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { SERVICE_READY_TIMEOUT_MS } from './constants.js';
import { ServiceStartError } from './errors.js';

interface SpawnServiceOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly logFile: string;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Run as this user (PostgreSQL refuses to run as root). */
  readonly uid?: number;
  readonly gid?: number;
  /** Told the process id as soon as the process exists, before it is ready. */
  readonly onSpawn?: (pid: number) => void;
}

/**
 * Starts a long-lived service in its own process group, detached from the CLI, with stdout and stderr
 * appended to its log file. The CLI can exit; `down` later signals the group.
 */
const spawnService = (options: SpawnServiceOptions): ChildProcess => {
  const log = openSync(options.logFile, 'a');
  try {
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', log, log],
      ...(options.uid === undefined ? {} : { uid: options.uid }),
      ...(options.gid === undefined ? {} : { gid: options.gid }),
    });
    child.unref();
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    return child;
  } finally {
    closeSync(log);
  }
};

/** The last lines of a log, to quote when a service fails. */
const readLogTail = (logFile: string, lines = 15): string => {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
};

/** Is a process (or, with a negative id, a process group) still there? Signal 0 checks without touching it. */
const isProcessAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the PostgreSQL server when we are root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

interface WaitUntilReadyOptions {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Resolves true once the service answers; throwing counts as "not yet". */
  readonly probe: () => Promise<boolean>;
  readonly timeoutMs?: number;
}

/** Polls `probe` until the service answers; fails fast, quoting the log, if the process exits first. */
const waitUntilReady = async (options: WaitUntilReadyOptions): Promise<number> => {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? SERVICE_READY_TIMEOUT_MS;
  let exitCode: number | null = null;
  options.child.once('exit', (code, signal) => {
    exitCode = code ?? (signal === null ? -1 : 128);
  });
  // A command that cannot be spawned (ENOENT, EACCES) reports through 'error', not 'exit'.
  options.child.once('error', () => {
    exitCode = -1;
  });
  for (;;) {
    if (exitCode !== null) {
      throw new ServiceStartError(
        `${options.name} exited (code ${exitCode}) before it was ready. Last lines of ${options.logFile}:\n${readLogTail(options.logFile)}`,
      );
    }
    const ready = await options.probe().catch(() => false);
    const elapsed = performance.now() - started;
    if (ready) return Math.round(elapsed);
    if (elapsed > timeoutMs) {
      if (options.child.pid !== undefined) await stopProcessGroup(options.child.pid);
      throw new ServiceStartError(
        `${options.name} did not answer within ${timeoutMs / 1000} s. Last lines of ${options.logFile}:\n${readLogTail(options.logFile)}`,
      );
    }
    await sleep(100);
  }
};

/**
 * Stops a service's whole process group: SIGTERM (SIGINT for PostgreSQL's fast shutdown), then
 * SIGKILL for whatever is left after the grace period. Resolves once nothing of it remains.
 */
const stopProcessGroup = async (
  pid: number,
  { signal = 'SIGTERM', graceMs = 10_000 }: { signal?: NodeJS.Signals; graceMs?: number } = {},
): Promise<void> => {
  const signalGroup = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-pid, sig);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup(signal);
  const deadline = performance.now() + graceMs;
  while (isProcessAlive(-pid) && performance.now() < deadline) await sleep(50);
  signalGroup('SIGKILL');
  while (isProcessAlive(-pid)) await sleep(20);
};

export type { SpawnServiceOptions };
export { isProcessAlive, readLogTail, spawnService, stopProcessGroup, waitUntilReady };
