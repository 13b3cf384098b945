import { QUARANTINE_TABLE, STAGING_TABLE } from '@hashbridge/core';

/** The staging table the user's architecture names; partition key `email` (String). */
const DEFAULT_STAGING_TABLE = STAGING_TABLE.name;

/** Records the loader refused; partition key `recordId` (String, `topic-partition-offset`). */
const DEFAULT_QUARANTINE_TABLE = QUARANTINE_TABLE.name;

export { DEFAULT_QUARANTINE_TABLE, DEFAULT_STAGING_TABLE };
