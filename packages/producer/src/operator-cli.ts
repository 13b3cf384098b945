/**
 * `hashbridge <command>`: the operator's command line. Each command has its own `--help`.
 */
import { runAuditCommand } from './commands/audit-command.js';
import { runExportCommand } from './commands/export-command.js';
import { runImportCommand } from './commands/import-command.js';
import { EXIT_CODES, runCli } from './commands/run-cli.js';

const HELP = `Usage: hashbridge <command> [options]

Commands:
  audit      before anything is sent: users per hash scheme, the lane each would take (Cognito's native
             import, the trigger, or refused and why), cost parameters, verify time on the Lambda
  import     the native lane: users whose hash Cognito's CSV import takes, one CSV and job per algorithm
             (--files-only: the files alone)
  export     stream the legacy users from PostgreSQL to Kafka / Amazon MSK (also installed as
             hashbridge-producer)

Run "hashbridge <command> --help" for the options of a command.
`;

const COMMANDS: Readonly<Record<string, (args: readonly string[]) => Promise<number>>> = {
  audit: (args) => runAuditCommand(args, 'hashbridge audit'),
  export: (args) => runExportCommand(args, 'hashbridge export'),
  import: (args) => runImportCommand(args, 'hashbridge import'),
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
