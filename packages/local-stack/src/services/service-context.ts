import type { ServiceName, StackPaths } from '../types/stack.js';

/** What every service starter receives: where to put files, and every service's port. */
interface ServiceContext {
  readonly paths: StackPaths;
  /** Throwaway folder for this stack's data; each service takes a subfolder named after itself. */
  readonly dataDir: string;
  /** Ports are chosen before anything starts, so services can point at each other. */
  readonly ports: Readonly<Record<ServiceName, number>>;
  /** Records each process as it starts, so a stack interrupted while starting can still be stopped. */
  readonly onSpawn: (pid: number) => void;
}

/** `node` options for child Node processes: no inherited debugger or loader flags of the CLI. */
const childEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const { NODE_OPTIONS: _nodeOptions, DEBUG: _debug, ...env } = process.env;
  return { ...env, ...extra };
};

/** `true` once an HTTP server answers on the port, with any status. */
const httpAnswers = async (url: string, init?: RequestInit): Promise<boolean> => {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2_000) });
  await response.body?.cancel();
  return true;
};

export type { ServiceContext };
export { childEnv, httpAnswers };
