/**
 * `hashbridge import`: the native lane. The users whose hash Cognito's CSV import takes go to the pool with
 * their password, in one job per file; the others are left to the export and the trigger.
 */
import { parseArgs } from 'node:util';
import { resolveImportConfig } from '../config.js';
import { DEFAULT_IMPORT_DIR, DEFAULT_IMPORT_POLL_SECONDS } from '../constants.js';
import { formatImport } from '../import/format-import.js';
import { runImport } from '../import/run-import.js';
import { openImportPorts } from '../wiring/open-producer-ports.js';
import { EXIT_CODES } from './run-cli.js';
import { COMMON_HELP, SOURCE_HELP, SOURCE_OPTIONS, sourceSettingsOf } from './source-flags.js';

const helpText = (program: string): string => `Usage: ${program} [options]

Reads the legacy users (read-only, one snapshot) and writes those whose password hash Cognito's CSV import
takes (bcrypt, argon2id, PBKDF2-SHA256, scrypt, within Cognito's bounds) into one CSV per algorithm, converted
to the form Cognito reads. Then, unless --files-only: one import job per file (create, upload to its
pre-signed URL, start, follow), and the users the pool then has are recorded in the staging table, so the
export's loader does not stage them and a second run skips them. Every other user is for the export and the
trigger. The CSV files hold password hashes: the folder is created for the operator alone.

${SOURCE_HELP}
Import:
  --out-dir <dir>            where the CSV files go                    (default ${DEFAULT_IMPORT_DIR})
  --files-only               write the files, run no job (no AWS settings needed)
  --user-pool-id <id>        the pool to import into                    (env COGNITO_USER_POOL_ID)
  --import-role-arn <arn>    the role Cognito writes the job's CloudWatch log with
  --region <region>          the pool's region                          (env AWS_REGION)
  --staging-table <name>     where imported users are recorded          (default StandaloneUserHashes)
  --password-hash-column <name>
                             the CSV's hash column when the pool's header names none (default password_hash;
                             not confirmed in Cognito's guide, see the README)
  --poll-seconds <n>         seconds between two looks at a running job (default ${DEFAULT_IMPORT_POLL_SECONDS})
  --json                     the report as one JSON object on stdout
${COMMON_HELP}

Exit codes: 0 done (every user of every job created), 1 failed or some users not created (listed in
<out-dir>/failures.jsonl), 2 bad settings.

Example:  npx ${program} --table users --files-only
          npx ${program} --table users --user-pool-id eu-west-1_AbC --import-role-arn arn:aws:iam::…:role/CognitoImport
`;

/** Runs the import with the command line `args` (without the program name); resolves to the exit code. */
const runImportCommand = async (args: readonly string[], program: string): Promise<number> => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      ...SOURCE_OPTIONS,
      'out-dir': { type: 'string' },
      'files-only': { type: 'boolean' },
      'user-pool-id': { type: 'string' },
      'import-role-arn': { type: 'string' },
      region: { type: 'string' },
      'staging-table': { type: 'string' },
      'password-hash-column': { type: 'string' },
      'poll-seconds': { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (values.help === true) {
    process.stdout.write(helpText(program));
    return EXIT_CODES.ok;
  }
  const config = resolveImportConfig(
    {
      ...sourceSettingsOf(values),
      outDir: values['out-dir'],
      filesOnly: values['files-only'],
      userPoolId: values['user-pool-id'],
      importRoleArn: values['import-role-arn'],
      region: values.region,
      stagingTable: values['staging-table'],
      passwordHashColumn: values['password-hash-column'],
      pollSeconds: values['poll-seconds'],
      json: values.json,
    },
    process.env,
    values.config,
  );
  const report = await runImport(config, await openImportPorts(config));
  process.stdout.write(config.json ? `${JSON.stringify(report, null, 2)}\n` : formatImport(report));
  return report.failed > 0 ? EXIT_CODES.failed : EXIT_CODES.ok;
};

export { runImportCommand };
