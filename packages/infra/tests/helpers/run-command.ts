import { spawnSync } from 'node:child_process';

/** npm settings inherited from an `npm test` run would point npm (and npx) back at the workspace. */
const cleanEnvironment = (): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^npm_(package|lifecycle)_/i.test(key) &&
        !/^npm_config_(workspaces?|include_workspace_root|prefix)$/i.test(key),
    ),
  );

interface CommandOptions {
  readonly cwd: string;
  /** Written to the command's standard input: how secrets reach a child without showing in its arguments. */
  readonly input?: string;
}

interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: Error | undefined;
}

/** Runs a command to completion in a clean environment and returns what it did, whatever its exit code. */
const spawnCommand = (command: string, args: readonly string[], options: CommandOptions): CommandResult => {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: cleanEnvironment(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
};

/** Runs a command and returns its standard output; on failure the error carries the end of its output. */
const runCommand = (command: string, args: readonly string[], options: CommandOptions): string => {
  const result = spawnCommand(command, args, options);
  if (result.error !== undefined || result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(
      `${command} ${args.join(' ')} failed in ${options.cwd} (${result.error?.message ?? `exit ${result.status}`}):\n${output}`,
    );
  }
  return result.stdout;
};

/** The last line of a command's output: the answer of a script whose libraries may print progress before it. */
const lastLine = (output: string): string => output.trim().split('\n').at(-1) ?? '';

export type { CommandOptions, CommandResult };
export { lastLine, runCommand, spawnCommand };
