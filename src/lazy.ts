/**
 * A chunk loaded once, when first asked for. A failed load is forgotten, so the next ask tries
 * again: the network may be back (a browser that caches failed module loads answers from that
 * cache until the page is reloaded).
 */
export interface Lazy<T> {
  (): Promise<T>;
  /** The load under way or done; undefined before the first ask, and after a failure. */
  loading?: Promise<T> | undefined;
}

/** What `load` makes of the chunk must not throw: that counts as a failed load, made again next time. */
export function lazily<T>(load: () => Promise<T>): Lazy<T> {
  const get: Lazy<T> = () =>
    (get.loading ??= load().catch((error: unknown) => {
      get.loading = undefined;
      throw error;
    }));
  return get;
}
