/**
 * `hashbridge finish`: the long tail, and the hashes that outlived their use. A dry run unless --yes.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_HASH_RETENTION_DAYS } from '@hashbridge/core';
import { resolveFinishConfig } from '../config.js';
import { formatFinish } from '../finish/format-finish.js';
import { runFinish } from '../finish/run-finish.js';
import { openStagingMaintenance } from '../wiring/open-producer-ports.js';
import { EXIT_CODES } from './run-cli.js';
import { STAGING_HELP, STAGING_OPTIONS, stagingSettingsOf } from './staging-flags.js';

const helpText = (program: string): string => `Usage: ${program} [options]

For the end of the migration. Lists the long tail: users staged for the trigger who never signed in, either
as a list for your own mail-out, or as a Cognito import CSV without hashes (import it with a job without a
password hashing algorithm: the users arrive RESET_REQUIRED and choose a new password at their first sign-in).
And finds the migrated users whose hash is still kept more than the grace period after their migration
(records from before the TTL was set included): --yes removes those hashes, keeping the records.

A dry run by default: it reports and changes nothing. --yes writes the long tail's file and removes the hashes.

${STAGING_HELP}
Finish:
  --long-tail list|csv       the long tail's form                       (default list)
  --out <file>               where it goes     (default .hashbridge/long-tail.jsonl, or .csv with --long-tail csv)
  --grace-days <n>           days a migrated user's hash is kept        (default ${DEFAULT_HASH_RETENTION_DAYS})
  --yes                      act: write the file and remove the hashes

Exit codes: 0 done, 1 failed, 2 bad settings.
`;

/** Runs the finish with the command line `args` (without the program name); resolves to the exit code. */
const runFinishCommand = async (args: readonly string[], program: string): Promise<number> => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      ...STAGING_OPTIONS,
      'long-tail': { type: 'string' },
      out: { type: 'string' },
      'grace-days': { type: 'string' },
      yes: { type: 'boolean' },
    },
  });
  if (values.help === true) {
    process.stdout.write(helpText(program));
    return EXIT_CODES.ok;
  }
  const config = resolveFinishConfig(
    {
      ...stagingSettingsOf(values),
      longTail: values['long-tail'],
      out: values.out,
      graceDays: values['grace-days'],
      yes: values.yes,
    },
    process.env,
    values.config,
  );
  const report = await runFinish(config, { staging: openStagingMaintenance(config) });
  process.stdout.write(config.json ? `${JSON.stringify(report, null, 2)}\n` : formatFinish(report));
  return EXIT_CODES.ok;
};

export { runFinishCommand };
