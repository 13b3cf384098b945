import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  normalizeEmail,
  type StagedUser,
  type StagedUserStore,
  type StageOutcome,
  type UserMessage,
} from '@hashbridge/core';
import { DEFAULT_STAGING_TABLE } from '../constants.js';

interface DynamoDBStagedUserStoreOptions {
  /** A document client built once by the caller (at a Lambda's module scope). */
  readonly client: DynamoDBDocumentClient;
  readonly tableName?: string;
  readonly now?: () => Date;
}

/**
 * The staging table in DynamoDB. `stage` is one conditional UpdateItem: it writes only when the item is
 * new or older (`sourceVersion` below the message's), so a replay or an out-of-order older export changes
 * nothing; `migratedAt`, set by the migration trigger, survives a re-export.
 */
class DynamoDBStagedUserStore implements StagedUserStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #now: () => Date;

  public constructor(options: DynamoDBStagedUserStoreOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName ?? DEFAULT_STAGING_TABLE;
    this.#now = options.now ?? (() => new Date());
  }

  public readonly stage = async (message: UserMessage): Promise<StageOutcome> => {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { email: message.email },
          UpdateExpression:
            'SET #hash = :hash, scheme = :scheme, profile = :profile, sourceId = :sourceId, sourceVersion = :version, stagedAt = :stagedAt, schemaVersion = :schemaVersion',
          ConditionExpression: 'attribute_not_exists(email) OR sourceVersion < :version',
          ExpressionAttributeNames: { '#hash': 'hash' },
          ExpressionAttributeValues: {
            ':hash': message.hash,
            ':scheme': message.scheme,
            ':profile': message.profile,
            ':sourceId': message.source.id,
            ':version': message.source.version,
            ':stagedAt': this.#now().toISOString(),
            ':schemaVersion': message.schemaVersion,
          },
        }),
      );
      return 'staged';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'stale';
      throw error;
    }
  };

  public readonly get = async (email: string): Promise<StagedUser | undefined> => {
    const { Item } = await this.#client.send(
      new GetCommand({ TableName: this.#tableName, Key: { email: normalizeEmail(email) }, ConsistentRead: true }),
    );
    return Item as StagedUser | undefined;
  };

  public readonly markMigrated = async (email: string, at: Date): Promise<void> => {
    await this.#client.send(
      new UpdateCommand({
        TableName: this.#tableName,
        Key: { email: normalizeEmail(email) },
        UpdateExpression: 'SET migratedAt = if_not_exists(migratedAt, :at)',
        ConditionExpression: 'attribute_exists(email)',
        ExpressionAttributeValues: { ':at': at.toISOString() },
      }),
    );
  };
}

export type { DynamoDBStagedUserStoreOptions };
export { DynamoDBStagedUserStore };
