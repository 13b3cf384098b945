/**
 * `hashbridge status`: during the migration, where the users are.
 */
import { parseArgs } from 'node:util';
import { resolveStatusConfig } from '../config.js';
import { formatStatus } from '../status/format-status.js';
import { runStatus } from '../status/run-status.js';
import { openLegacySource, openStagingMaintenance } from '../wiring/open-producer-ports.js';
import { EXIT_CODES } from './run-cli.js';
import { SOURCE_HELP, SOURCE_OPTIONS, sourceSettingsOf } from './source-flags.js';
import { STAGING_HELP, STAGING_OPTIONS, stagingSettingsOf } from './staging-flags.js';

const helpText = (program: string): string => `Usage: ${program} [options]

Reads the staging table (parallel Scan segments; no hash is read out) and reports where the users are:
imported by Cognito, migrated at their first sign-in, or waiting for it (never tried, with failed sign-ins,
locked right now), per scheme, and per day; the Loader's quarantine; migrated users whose hash is still kept.
With --source, also the legacy users the staging table has no record of. Changes nothing.

${STAGING_HELP}
  --source                   also read the legacy table (the source options below) to count users not staged

${SOURCE_HELP}

Exit codes: 0 done, 1 failed, 2 bad settings.
`;

/** Runs the status with the command line `args` (without the program name); resolves to the exit code. */
const runStatusCommand = async (args: readonly string[], program: string): Promise<number> => {
  const { values } = parseArgs({
    args: [...args],
    options: { ...SOURCE_OPTIONS, ...STAGING_OPTIONS, source: { type: 'boolean' } },
  });
  if (values.help === true) {
    process.stdout.write(helpText(program));
    return EXIT_CODES.ok;
  }
  const config = resolveStatusConfig(
    { ...sourceSettingsOf(values), ...stagingSettingsOf(values), compareSource: values.source },
    process.env,
    values.config,
  );
  const staging = openStagingMaintenance(config);
  const source =
    config.compareSource && config.databaseUrl !== undefined
      ? await openLegacySource({ ...config, databaseUrl: config.databaseUrl })
      : undefined;
  const report = await runStatus(config, { staging, ...(source === undefined ? {} : { source }) });
  process.stdout.write(config.json ? `${JSON.stringify(report, null, 2)}\n` : formatStatus(report));
  return EXIT_CODES.ok;
};

export { runStatusCommand };
