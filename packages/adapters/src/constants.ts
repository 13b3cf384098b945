/** The staging table the user's architecture names; partition key `email` (String). */
const DEFAULT_STAGING_TABLE = 'StandaloneUserHashes';

/** Records the loader refused; partition key `recordId` (String, `topic-partition-offset`). */
const DEFAULT_QUARANTINE_TABLE = 'StandaloneUserHashesQuarantine';

export { DEFAULT_QUARANTINE_TABLE, DEFAULT_STAGING_TABLE };
