/**
 * `hashbridge <command>`: the operator's command line. Each command has its own `--help`.
 */
import { EXIT_CODES, runCli } from './commands/run-cli.js';

const HELP = `Usage: hashbridge <command> [options]

Commands:
  audit      before anything is sent: users per hash scheme, the lane each would take (Cognito's native
             import, the trigger, or refused and why), cost parameters, verify time on the Lambda
  import     the native lane: users whose hash Cognito's CSV import takes, one CSV and job per algorithm
             (--files-only: the files alone)
  status     during: the users imported, migrated, waiting, locked, per scheme and per day
  finish     the end: the long tail of users who never signed in, and the hashes past their grace period
             (a dry run unless --yes)
  export     stream the legacy users from PostgreSQL to Kafka / Amazon MSK (also installed as
             hashbridge-producer)

Run "hashbridge <command> --help" for the options of a command.
`;

/** Each command loads its own modules (and their SDKs) only when it runs, so --help answers at once. */
const COMMANDS: Readonly<Record<string, (args: readonly string[]) => Promise<number>>> = {
  audit: async (args) => (await import('./commands/audit-command.js')).runAuditCommand(args, 'hashbridge audit'),
  export: async (args) => (await import('./commands/export-command.js')).runExportCommand(args, 'hashbridge export'),
  import: async (args) => (await import('./commands/import-command.js')).runImportCommand(args, 'hashbridge import'),
  status: async (args) => (await import('./commands/status-command.js')).runStatusCommand(args, 'hashbridge status'),
  finish: async (args) => (await import('./commands/finish-command.js')).runFinishCommand(args, 'hashbridge finish'),
};

const main = async (args: readonly string[]): Promise<number> => {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name === undefined ? EXIT_CODES.usage : EXIT_CODES.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(`hashbridge: unknown command "${name}"\n\n${HELP}`);
    return EXIT_CODES.usage;
  }
  return command(rest);
};

runCli('hashbridge', () => main(process.argv.slice(2)));
