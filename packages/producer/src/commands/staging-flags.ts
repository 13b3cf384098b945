/**
 * The flags of the commands that read the staging table (status, finish): one spelling, one help text.
 */
const STAGING_OPTIONS = {
  'staging-table': { type: 'string' },
  'quarantine-table': { type: 'string' },
  region: { type: 'string' },
  segments: { type: 'string' },
  json: { type: 'boolean' },
  progress: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type StagingFlagValues = { readonly [key in keyof typeof STAGING_OPTIONS]?: string | boolean | undefined };

/** The settings the staging flags give, keyed as the config file spells them. */
const stagingSettingsOf = (values: StagingFlagValues): Record<string, unknown> => ({
  stagingTable: values['staging-table'],
  quarantineTable: values['quarantine-table'],
  region: values.region,
  segments: values.segments,
  json: values.json,
  progress: values.progress,
});

const STAGING_HELP = `Staging table (DynamoDB; AWS credentials as the SDK finds them):
  --staging-table <name>     the table the Loader stages into           (default StandaloneUserHashes)
  --quarantine-table <name>  the Loader's quarantine                    (default StandaloneUserHashesQuarantine)
  --region <region>          the tables' region                         (env AWS_REGION)
  --segments <n>             parallel Scan segments                     (default 4)
  --json                     the report as one JSON object on stdout
  --progress auto|bar|lines|off                                         (default auto)
  --config <file.json>       settings as JSON (camelCase keys); flags and environment override it
  -h, --help`;

export type { StagingFlagValues };
export { STAGING_HELP, STAGING_OPTIONS, stagingSettingsOf };
