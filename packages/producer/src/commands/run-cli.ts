import { ProducerError } from '../errors.js';

/** Exit codes a script can tell apart: 2 is a usage or settings error, 1 any other failure. */
const EXIT_CODES = Object.freeze({ ok: 0, failed: 1, usage: 2, interrupted: 130 });

/** Bad settings, or a command line `parseArgs` cannot read (an unknown flag, a missing value). */
const isUsageError = (error: unknown): boolean =>
  (error instanceof ProducerError && error.code === 'ERR_PRODUCER_CONFIG') ||
  (error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS'));

/**
 * Runs a command and sets the exit code from its result. Our own errors print their message alone (each says
 * what to do); anything else prints its message too, never a stack trace with row data in it.
 */
const runCli = (program: string, command: () => Promise<number>): void => {
  command().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${program}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = isUsageError(error) ? EXIT_CODES.usage : EXIT_CODES.failed;
    },
  );
};

export { EXIT_CODES, runCli };
