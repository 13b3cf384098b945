/**
 * `hashbridge-producer`: the export on its own, as it was installed before the `hashbridge` command had one.
 */
import { runExportCommand } from './commands/export-command.js';
import { runCli } from './commands/run-cli.js';

runCli('hashbridge-producer', () => runExportCommand(process.argv.slice(2), 'hashbridge-producer'));
