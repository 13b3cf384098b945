/**
 * Runs `work` over `items` with at most `limit` calls in flight, in the items' order of starting; rejects with
 * the first failure. For batches of requests to one service, where unbounded parallelism would be throttled.
 */
const forEachLimited = async <T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

export { forEachLimited };
