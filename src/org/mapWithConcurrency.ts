/** Runs `work` over `items` with at most `limit` at once, keeping result order. */
export const mapWithConcurrency = async <T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>
): Promise<R[]> => {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      // eslint-disable-next-line no-await-in-loop -- a lane takes its next item only when its last one is done: that is the limit
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
};
