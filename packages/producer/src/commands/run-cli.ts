import { ProducerError } from '../errors.js';

/** Exit codes a script can tell apart: 2 is a usage or settings error, 1 any other failure. */
const EXIT_CODES = Object.freeze({ ok: 0, failed: 1, usage: 2, interrupted: 130 });

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
      process.exitCode =
        error instanceof ProducerError && error.code === 'ERR_PRODUCER_CONFIG' ? EXIT_CODES.usage : EXIT_CODES.failed;
    },
  );
};

export { EXIT_CODES, runCli };
