import { BatchGetCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AdapterError } from '../errors.js';

/** Retries of a batch request's unprocessed part (throttling), with exponential backoff. */
const MAX_BATCH_ATTEMPTS = 8;

const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt) * (0.5 + Math.random() / 2)));

/**
 * The items of these emails that exist, with only the `projection` attributes: BatchGetItem 100 keys at a
 * time, strongly consistent, its unprocessed keys retried with backoff.
 */
const batchGetByEmail = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  emails: readonly string[],
  projection: string,
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  for (let start = 0; start < emails.length; start += 100) {
    let keys: Record<string, unknown>[] | undefined = emails.slice(start, start + 100).map((email) => ({ email }));
    for (let attempt = 0; keys !== undefined && keys.length > 0; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const result: BatchGetCommandOutput = await client.send(
        new BatchGetCommand({
          RequestItems: { [tableName]: { Keys: keys, ProjectionExpression: projection, ConsistentRead: true } },
        }),
      );
      items.push(...(result.Responses?.[tableName] ?? []));
      keys = result.UnprocessedKeys?.[tableName]?.Keys;
      if (attempt >= MAX_BATCH_ATTEMPTS) throw new AdapterError('DynamoDB left keys unread after repeated retries');
    }
  }
  return items;
};

export { backoff, batchGetByEmail, MAX_BATCH_ATTEMPTS };
