import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, ScanCommand, type ScanCommandOutput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { forEachLimited, type StagingRecordSummary, type StagingTableMaintenance } from '@hashbridge/core';
import { DEFAULT_QUARANTINE_TABLE, DEFAULT_STAGING_TABLE } from '../constants.js';

/** Conditional writes in flight at once while hashes are removed. */
const WRITE_CONCURRENCY = 16;

interface DynamoDBStagingTableMaintenanceOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName?: string;
  readonly quarantineTableName?: string;
}

/** Every attribute the reports read, and the hash only to learn whether there is one (dropped at once). */
const PROJECTION =
  'email, lane, scheme, profile, stagedAt, importedAt, migratedAt, expiresAt, failedSignIns, lastFailedSignInAt, #hash';

const summaryOf = (item: Record<string, unknown>): StagingRecordSummary =>
  ({
    email: item.email,
    lane: item.lane === 'native' ? 'native' : 'trigger',
    hasHash: item.hasHash === true,
    ...Object.fromEntries(
      ['scheme', 'profile', 'stagedAt', 'importedAt', 'migratedAt', 'expiresAt', 'failedSignIns', 'lastFailedSignInAt']
        .filter((key) => item[key] !== undefined)
        .map((key) => [key, item[key]]),
    ),
  }) as StagingRecordSummary;

/**
 * The staging table for the operator's `status` and `finish`: parallel Scan segments (each a page of up to
 * 1 MB at a time), and conditional updates that remove a migrated user's hash.
 */
class DynamoDBStagingTableMaintenance implements StagingTableMaintenance {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #quarantineTableName: string;

  public constructor(options: DynamoDBStagingTableMaintenanceOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName ?? DEFAULT_STAGING_TABLE;
    this.#quarantineTableName = options.quarantineTableName ?? DEFAULT_QUARANTINE_TABLE;
  }

  public readonly scan = async (
    segments: number,
    onPage: (records: readonly StagingRecordSummary[]) => void,
  ): Promise<void> => {
    const readSegment = async (segment: number): Promise<void> => {
      let start: Record<string, unknown> | undefined;
      do {
        const page: ScanCommandOutput = await this.#client.send(
          new ScanCommand({
            TableName: this.#tableName,
            Segment: segment,
            TotalSegments: segments,
            ProjectionExpression: PROJECTION,
            ExpressionAttributeNames: { '#hash': 'hash' },
            ...(start === undefined ? {} : { ExclusiveStartKey: start }),
          }),
        );
        // The hash is read only to say whether there is one: it is dropped here, before anything else sees it.
        onPage(
          (page.Items ?? []).map((item) => {
            const { hash, ...rest } = item;
            return summaryOf({ ...rest, hasHash: typeof hash === 'string' && hash !== '' });
          }),
        );
        start = page.LastEvaluatedKey;
      } while (start !== undefined);
    };
    await Promise.all(Array.from({ length: segments }, (_, segment) => readSegment(segment)));
  };

  public readonly countQuarantined = async (): Promise<number> => {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page: ScanCommandOutput = await this.#client.send(
        new ScanCommand({
          TableName: this.#quarantineTableName,
          Select: 'COUNT',
          ...(start === undefined ? {} : { ExclusiveStartKey: start }),
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return count;
  };

  public readonly removeHashes = async (emails: readonly string[]): Promise<number> => {
    let removed = 0;
    await forEachLimited(emails, WRITE_CONCURRENCY, async (email) => {
      try {
        await this.#client.send(
          new UpdateCommand({
            TableName: this.#tableName,
            Key: { email },
            UpdateExpression: 'REMOVE #hash',
            // Only a migrated user's hash, and only one that is there: a user still to sign in keeps theirs.
            ConditionExpression: 'attribute_exists(migratedAt) AND attribute_exists(#hash)',
            ExpressionAttributeNames: { '#hash': 'hash' },
          }),
        );
        removed += 1;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    });
    return removed;
  };
}

export type { DynamoDBStagingTableMaintenanceOptions };
export { DynamoDBStagingTableMaintenance };
