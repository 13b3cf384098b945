import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { QuarantinedRecord, QuarantineStore } from '@hashbridge/core';
import { DEFAULT_QUARANTINE_TABLE } from '../constants.js';

interface DynamoDBQuarantineStoreOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName?: string;
}

/** Refused records in DynamoDB, one item per `topic-partition-offset`: writing one twice is harmless. */
class DynamoDBQuarantineStore implements QuarantineStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  public constructor(options: DynamoDBQuarantineStoreOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName ?? DEFAULT_QUARANTINE_TABLE;
  }

  public readonly put = async (record: QuarantinedRecord): Promise<void> => {
    await this.#client.send(new PutCommand({ TableName: this.#tableName, Item: { ...record } }));
  };
}

export type { DynamoDBQuarantineStoreOptions };
export { DynamoDBQuarantineStore };
