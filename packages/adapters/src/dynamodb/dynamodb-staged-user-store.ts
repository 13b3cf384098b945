import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  normalizeEmail,
  STAGING_TABLE,
  type StagedUser,
  type StagedUserStore,
  type StageOutcome,
  type UserMessage,
} from '@hashbridge/core';
import { DEFAULT_STAGING_TABLE } from '../constants.js';
import { AdapterError } from '../errors.js';
import { backoff, batchGetByEmail, MAX_BATCH_ATTEMPTS } from './batch-get-items.js';

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

  /**
   * One BatchGetItem per 100 users reads the versions already staged; users not staged yet are written with
   * BatchWriteItem (25 per request), users staged with an older version with the conditional UpdateItem of
   * `stage`, and the rest are stale without a write. A plain put is safe for absent users because one user's
   * messages arrive in order on one partition, which the event source hands over one batch at a time, and the
   * migration trigger only ever marks users that exist.
   */
  public readonly stageMany = async (messages: readonly UserMessage[]): Promise<StageOutcome[]> => {
    const newest = new Map<string, UserMessage>();
    for (const message of messages) {
      const seen = newest.get(message.email);
      if (seen === undefined || seen.source.version < message.source.version) newest.set(message.email, message);
    }
    const staged = await this.#stagedVersions([...newest.keys()]);
    const absent: UserMessage[] = [];
    const older: UserMessage[] = [];
    for (const message of newest.values()) {
      const version = staged.get(message.email);
      if (version === undefined) absent.push(message);
      else if (version < message.source.version) older.push(message);
    }
    await this.#putAll(absent);
    const updated = new Set<UserMessage>(absent);
    await Promise.all(
      older.map(async (message) => {
        if ((await this.stage(message)) === 'staged') updated.add(message);
      }),
    );
    return messages.map((message) => (updated.has(message) ? 'staged' : 'stale'));
  };

  /** The staged `sourceVersion` of each email that has one (a user recorded as natively imported too). */
  async #stagedVersions(emails: readonly string[]): Promise<Map<string, number>> {
    const items = await batchGetByEmail(this.#client, this.#tableName, emails, 'email, sourceVersion');
    return new Map(items.map((item) => [item.email as string, Number(item.sourceVersion)]));
  }

  async #putAll(messages: readonly UserMessage[]): Promise<void> {
    const stagedAt = this.#now().toISOString();
    const requests = messages.map((message) => ({ PutRequest: { Item: this.#itemOf(message, stagedAt) } }));
    await Promise.all(
      Array.from({ length: Math.ceil(requests.length / 25) }, async (_, index) => {
        let pending: typeof requests | undefined = requests.slice(index * 25, index * 25 + 25);
        for (let attempt = 0; pending !== undefined && pending.length > 0; attempt++) {
          if (attempt > 0) await backoff(attempt);
          const result: BatchWriteCommandOutput = await this.#client.send(
            new BatchWriteCommand({ RequestItems: { [this.#tableName]: pending } }),
          );
          pending = result.UnprocessedItems?.[this.#tableName] as typeof requests | undefined;
          if (attempt >= MAX_BATCH_ATTEMPTS)
            throw new AdapterError('DynamoDB left items unwritten after repeated retries');
        }
      }),
    );
  }

  #itemOf(message: UserMessage, stagedAt: string): Record<string, unknown> {
    return {
      email: message.email,
      hash: message.hash,
      scheme: message.scheme,
      profile: message.profile,
      sourceId: message.source.id,
      sourceVersion: message.source.version,
      stagedAt,
      schemaVersion: message.schemaVersion,
    };
  }

  public readonly get = async (email: string): Promise<StagedUser | undefined> => {
    const { Item } = await this.#client.send(
      new GetCommand({ TableName: this.#tableName, Key: { email: normalizeEmail(email) }, ConsistentRead: true }),
    );
    // A user Cognito's import created has a record without a hash: nothing for the trigger to verify.
    if (Item === undefined || typeof Item.hash !== 'string') return undefined;
    return Item as StagedUser;
  };

  public readonly markMigrated = async (email: string, at: Date, expiresAt: Date): Promise<void> => {
    await this.#client.send(
      new UpdateCommand({
        TableName: this.#tableName,
        Key: { email: normalizeEmail(email) },
        // The first migration's date and expiry stay; the failed sign-ins end with the success.
        UpdateExpression:
          'SET migratedAt = if_not_exists(migratedAt, :at), #expiresAt = if_not_exists(#expiresAt, :expiresAt) REMOVE failedSignIns, lastFailedSignInAt',
        ConditionExpression: 'attribute_exists(email)',
        ExpressionAttributeNames: { '#expiresAt': STAGING_TABLE.timeToLiveAttribute },
        ExpressionAttributeValues: { ':at': at.toISOString(), ':expiresAt': Math.floor(expiresAt.getTime() / 1000) },
      }),
    );
  };

  public readonly recordFailedSignIn = async (email: string, at: Date, counted: boolean): Promise<void> => {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { email: normalizeEmail(email) },
          // ADD is atomic on the server: parallel failures of one user each count, with no read before the
          // write. Uncounted, the same round trip sets nothing new (a locked account keeps its last failure).
          UpdateExpression: counted
            ? 'ADD failedSignIns :one SET lastFailedSignInAt = :at'
            : 'SET lastFailedSignInAt = if_not_exists(lastFailedSignInAt, :at)',
          ConditionExpression: 'attribute_exists(email)',
          ExpressionAttributeValues: counted ? { ':one': 1, ':at': at.toISOString() } : { ':at': at.toISOString() },
        }),
      );
    } catch (error) {
      // Not staged: no record is created, and the caller learns nothing it could tell apart.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  };
}

export type { DynamoDBStagedUserStoreOptions };
export { DynamoDBStagedUserStore };
