/**
 * `hashbridge <command>`: the operator's command line. Each command has its own `--help`.
 */
import { runExportCommand } from './commands/export-command.js';
import { EXIT_CODES, runCli } from './commands/run-cli.js';

const HELP = `Usage: hashbridge <command> [options]

Commands:
  export     stream the legacy users from PostgreSQL to Kafka / Amazon MSK (also installed as
             hashbridge-producer)

Run "hashbridge <command> --help" for the options of a command.
`;

const COMMANDS: Readonly<Record<string, (args: readonly string[]) => Promise<number>>> = {
  export: (args) => runExportCommand(args, 'hashbridge export'),
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
