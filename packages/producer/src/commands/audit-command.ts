/**
 * `hashbridge audit`: before anything is sent, what the migration of the legacy table would look like.
 */
import { parseArgs } from 'node:util';
import { formatAudit } from '../audit/format-audit.js';
import { runAudit } from '../audit/run-audit.js';
import { resolveAuditConfig } from '../config.js';
import { DEFAULT_MIGRATION_MEMORY_MB } from '../constants.js';
import { openLegacySource } from '../wiring/open-producer-ports.js';
import { COMMON_HELP, SOURCE_HELP, SOURCE_OPTIONS, sourceSettingsOf } from './source-flags.js';

const helpText = (program: string): string => `Usage: ${program} [options]

Reads the legacy users (read-only, one snapshot) and reports, before anything is sent: the users per password
hash scheme, the cost parameters seen, the lane each user would take (native: Cognito's own CSV import takes
the hash; trigger: the export, the loader and the User Migration trigger; refused, with the reason), and how
long the costliest hash of each scheme takes to verify on the Migration Lambda. Sends nothing, writes nothing.

${SOURCE_HELP}
Report:
  --migration-memory <MB>    the Migration Lambda's memory: its CPU share   (default ${DEFAULT_MIGRATION_MEMORY_MB})
  --no-native-import         as if every user went through the trigger
  --json                     the report as one JSON object on stdout
${COMMON_HELP}

Exit codes: 0 done, 1 failed, 2 bad settings. Warnings (schemes at risk of the trigger's 5 s limit, refused
users) do not change the exit code; read them, or "warnings" in --json.

Example, against the local stack:  set -a; . ./.stack/env; set +a; npx ${program}
`;

/** Runs the audit with the command line `args` (without the program name); resolves to the exit code. */
const runAuditCommand = async (args: readonly string[], program: string): Promise<number> => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      ...SOURCE_OPTIONS,
      'migration-memory': { type: 'string' },
      'no-native-import': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  if (values.help === true) {
    process.stdout.write(helpText(program));
    return 0;
  }
  const config = resolveAuditConfig(
    {
      ...sourceSettingsOf(values),
      migrationMemoryMb: values['migration-memory'],
      nativeImport: values['no-native-import'] === true ? false : undefined,
      json: values.json,
    },
    process.env,
    values.config,
  );
  const source = await openLegacySource(config);
  const report = await runAudit(config, source);
  process.stdout.write(config.json ? `${JSON.stringify(report, null, 2)}\n` : formatAudit(report));
  return 0;
};

export { runAuditCommand };
