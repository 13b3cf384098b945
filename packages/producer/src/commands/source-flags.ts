/**
 * The flags every command that reads the legacy table shares (export, audit): one spelling, one help text.
 */
import { DEFAULT_BATCH_SIZE, DEFAULT_SOURCE } from '../constants.js';

const SOURCE_OPTIONS = {
  'database-url': { type: 'string' },
  table: { type: 'string' },
  'id-column': { type: 'string' },
  'email-column': { type: 'string' },
  'hash-column': { type: 'string' },
  'profile-column': { type: 'string' },
  'version-column': { type: 'string' },
  'disabled-column': { type: 'string' },
  query: { type: 'string' },
  shard: { type: 'string' },
  'batch-size': { type: 'string' },
  progress: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type SourceFlagValues = { readonly [key in keyof typeof SOURCE_OPTIONS]?: string | boolean | undefined };

/** The settings the source flags give, keyed as the config file spells them. */
const sourceSettingsOf = (values: SourceFlagValues): Record<string, unknown> => ({
  databaseUrl: values['database-url'],
  table: values.table,
  idColumn: values['id-column'],
  emailColumn: values['email-column'],
  hashColumn: values['hash-column'],
  profileColumn: values['profile-column'],
  versionColumn: values['version-column'],
  disabledColumn: values['disabled-column'],
  query: values.query,
  shard: values.shard,
  batchSize: values['batch-size'],
  progress: values.progress,
});

const SOURCE_HELP = `Source (read-only, one consistent snapshot):
  --database-url <url>       PostgreSQL connection string                  (env DATABASE_URL)
  --table <name>             users table                                    (default ${DEFAULT_SOURCE.table})
  --id-column, --email-column, --hash-column, --profile-column, --version-column <name>
                             column mapping (defaults ${DEFAULT_SOURCE.idColumn}, ${DEFAULT_SOURCE.emailColumn}, ${DEFAULT_SOURCE.hashColumn}, ${DEFAULT_SOURCE.profileColumn}, ${DEFAULT_SOURCE.versionColumn})
  --disabled-column <name>   boolean column, true for a disabled account: those users are refused
                             (Django: --query 'SELECT *, NOT is_active AS disabled FROM auth_user')
  --query <sql>              custom SELECT instead of --table (columns named by the mapping)
  --shard <i/N>              only shard i of N (run N in parallel)
  --batch-size <n>           rows per read (and per send and checkpoint)   (default ${DEFAULT_BATCH_SIZE})`;

const COMMON_HELP = `  --progress auto|bar|lines|off                                             (default auto)
  --config <file.json>       settings as JSON (camelCase keys); flags and environment override it
  -h, --help`;

export type { SourceFlagValues };
export { COMMON_HELP, SOURCE_HELP, SOURCE_OPTIONS, sourceSettingsOf };
