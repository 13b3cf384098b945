/**
 * The names every part of hashbridge agrees on: the producer writes the topic, the Loader stages into the
 * tables, the Migration Lambda reads them, and the infra creates them and sets the handlers' environment.
 * Defined once here so a rename cannot leave one side behind.
 */

/** The staging table the user's architecture names: one item per legacy user, keyed by normalised email. */
const STAGING_TABLE = Object.freeze({ name: 'StandaloneUserHashes', partitionKey: 'email' } as const);

/** Records the Loader refused, keyed by `topic-partition-offset` so quarantining twice is harmless. */
const QUARANTINE_TABLE = Object.freeze({ name: 'StandaloneUserHashesQuarantine', partitionKey: 'recordId' } as const);

/** The topic the producer writes and the Loader's event source reads. */
const DEFAULT_TOPIC = 'legacy-users';

/**
 * The environment variables the handlers read, by what they mean. The infra sets them under these names and
 * the handlers validate them at cold start.
 */
const ENVIRONMENT = Object.freeze({
  stagingTable: 'STAGING_TABLE',
  quarantineTable: 'QUARANTINE_TABLE',
  reportBatchItemFailures: 'REPORT_BATCH_ITEM_FAILURES',
  stagingConcurrency: 'STAGING_CONCURRENCY',
  attributeMapping: 'ATTRIBUTE_MAPPING',
  passwordStrengthRule: 'PASSWORD_STRENGTH_RULE',
  dummyScheme: 'DUMMY_SCHEME',
  deadlineMarginMs: 'DEADLINE_MARGIN_MS',
  /** `native` (the default: @node-rs modules where found) or `wasm`; the Migration Lambda injects what it names. */
  hashBackend: 'HASHBRIDGE_HASH_BACKEND',
  /** Only for the local stack: the DynamoDB API to talk to instead of AWS's. */
  dynamodbEndpoint: 'DYNAMODB_ENDPOINT',
} as const);

export { DEFAULT_TOPIC, ENVIRONMENT, QUARANTINE_TABLE, STAGING_TABLE };
