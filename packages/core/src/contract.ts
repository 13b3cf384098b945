/**
 * The names every part of hashbridge agrees on: the producer writes the topic, the Loader stages into the
 * tables, the Migration Lambda reads them, and the infra creates them and sets the handlers' environment.
 * Defined once here so a rename cannot leave one side behind.
 */

/**
 * The staging table the user's architecture names: one item per legacy user, keyed by normalised email.
 * `expiresAt` (epoch seconds, DynamoDB TTL) is set once a user migrated, so the legacy hash does not outlive its
 * use.
 */
const STAGING_TABLE = Object.freeze({
  name: 'StandaloneUserHashes',
  partitionKey: 'email',
  timeToLiveAttribute: 'expiresAt',
} as const);

/** Records the Loader refused, keyed by `topic-partition-offset` so quarantining twice is harmless. */
const QUARANTINE_TABLE = Object.freeze({
  name: 'StandaloneUserHashesQuarantine',
  partitionKey: 'recordId',
  timeToLiveAttribute: 'expiresAt',
} as const);

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
  /** Consecutive failed sign-ins of a staged user before it is locked (default 5, Cognito's own rule). */
  lockoutThreshold: 'LOCKOUT_THRESHOLD',
  /** The longest lock, in seconds (default 900): 1 s after the threshold, doubling per further failure. */
  lockoutMaxSeconds: 'LOCKOUT_MAX_SECONDS',
  /** Days a migrated user's staged hash, and a quarantined record, are kept before DynamoDB's TTL deletes them. */
  retentionDays: 'HASH_RETENTION_DAYS',
  /** `native` (the default: @node-rs modules where found) or `wasm`; the Migration Lambda injects what it names. */
  hashBackend: 'HASHBRIDGE_HASH_BACKEND',
  /** Only for the local stack: the DynamoDB API to talk to instead of AWS's. */
  dynamodbEndpoint: 'DYNAMODB_ENDPOINT',
} as const);

/**
 * Why the Migration Lambda refused a sign-in, as its metrics and logs name it. Cognito hears the same generic
 * error for every one of them.
 */
const REFUSAL_CAUSES = Object.freeze([
  'wrong-password',
  'unknown-user',
  'locked',
  'unusable-hash',
  'policy',
  'deadline',
  'error',
] as const);

/**
 * The CloudWatch metrics the handlers publish (embedded metric format, namespace `hashbridge`) and the
 * dashboard and alarms of @hashbridge/infra read. No dimension ever holds an email, an id or a hash.
 */
const METRICS = Object.freeze({
  namespace: 'hashbridge',
  migration: Object.freeze({
    service: 'hashbridge-migration',
    /** Count: users Cognito took over (sign-in with the legacy password). */
    usersMigrated: 'UsersMigrated',
    /** Count, dimension `cause` (one of REFUSAL_CAUSES). */
    signInsRefused: 'SignInsRefused',
    /** Milliseconds, dimension `scheme`: the password verify alone. */
    verifyDuration: 'VerifyDuration',
    /** Milliseconds: the whole invocation, against Cognito's 5 s limit. */
    invocationDuration: 'InvocationDuration',
  } as const),
  loader: Object.freeze({
    service: 'hashbridge-loader',
    recordsStaged: 'RecordsStaged',
    recordsStale: 'RecordsStale',
    recordsQuarantined: 'RecordsQuarantined',
    recordsFailed: 'RecordsFailed',
  } as const),
  dimensions: Object.freeze({ cause: 'cause', scheme: 'scheme', service: 'service' } as const),
} as const);

export { DEFAULT_TOPIC, ENVIRONMENT, METRICS, QUARANTINE_TABLE, REFUSAL_CAUSES, STAGING_TABLE };
