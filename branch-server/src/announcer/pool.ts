/**
 * Runs `task` over `items` with at most `concurrency` in flight, in order of `items`; stops
 * taking new items once `signal` aborts. Errors are passed to `onError` and do not stop the run.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
  opts: { signal?: AbortSignal; onError?: (item: T, e: unknown) => void } = {},
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && !opts.signal?.aborted) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (e) {
        opts.onError?.(item, e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
}
