import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { forEachLimited, type NativeImportEntry, type NativeImportLedger } from '@hashbridge/core';
import { DEFAULT_STAGING_TABLE } from '../constants.js';
import { batchGetByEmail } from './batch-get-items.js';

/** Conditional writes in flight at once while a job's users are recorded. */
const RECORD_CONCURRENCY = 16;

interface DynamoDBNativeImportLedgerOptions {
  /** A document client built once by the caller. */
  readonly client: DynamoDBDocumentClient;
  readonly tableName?: string;
}

/**
 * The native lane's record in the staging table: `lane: 'native'`, the job and its date, the source version,
 * and no hash. The Loader finds the version and leaves the user alone (an export of the same row is stale);
 * the staged-user store answers "not staged" for an item without a hash, so the trigger never sees one.
 */
class DynamoDBNativeImportLedger implements NativeImportLedger {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  public constructor(options: DynamoDBNativeImportLedgerOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName ?? DEFAULT_STAGING_TABLE;
  }

  public readonly alreadyInCognito = async (emails: readonly string[]): Promise<ReadonlySet<string>> => {
    const items = await batchGetByEmail(this.#client, this.#tableName, emails, 'email, lane, migratedAt');
    return new Set(
      items
        .filter((item) => item.lane === 'native' || item.migratedAt !== undefined)
        .map((item) => item.email as string),
    );
  };

  public readonly record = (entries: readonly NativeImportEntry[]): Promise<void> =>
    forEachLimited(entries, RECORD_CONCURRENCY, (entry) => this.#recordOne(entry));

  async #recordOne(entry: NativeImportEntry): Promise<void> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { email: entry.email },
          UpdateExpression:
            'SET lane = :native, scheme = :scheme, algorithm = :algorithm, importJobId = :job, importedAt = :at, sourceId = :sourceId, sourceVersion = :version REMOVE #hash',
          // A user who signed in through the trigger first keeps that record: Cognito had them already.
          ConditionExpression: 'attribute_not_exists(migratedAt)',
          ExpressionAttributeNames: { '#hash': 'hash' },
          ExpressionAttributeValues: {
            ':native': 'native',
            ':scheme': entry.scheme,
            ':algorithm': entry.algorithm,
            ':job': entry.importJobId,
            ':at': entry.importedAt,
            ':sourceId': entry.sourceId,
            ':version': entry.sourceVersion,
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}

export type { DynamoDBNativeImportLedgerOptions };
export { DynamoDBNativeImportLedger };
