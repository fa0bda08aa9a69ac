// Bounded concurrency for the A/B client: a fixed number of workers take the next item as each finishes,
// so at most `concurrency` requests are in flight and a slow case does not hold up the others.

/**
 * Run `work` on every item with at most `concurrency` running at once. Once `signal` aborts no new item
 * is started; the ones running finish. Rejects with the first error `work` throws.
 */
export async function runPool<T>(items: readonly T[], concurrency: number, signal: AbortSignal, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!signal.aborted && next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
