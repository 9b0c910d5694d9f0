/**
 * The encoded form of list items by object identity, for books that hand out the same row objects again
 * (a memoised series filtered per request). A WeakMap entry costs about 0.2 µs and GC work, which would
 * more than double the cost of a page of fresh objects, so the cache watches its own hit rate: when fewer
 * than a quarter of 1,024 lookups hit, it stands aside for the next 16,384 items and then tries again.
 */
export interface ItemCache<T> {
  get(item: object): T | undefined;
  set(item: object, value: T): void;
  /** Whether `set` will keep what it is given (false while the cache stands aside). */
  active(): boolean;
}

const PROBE = 1024;
const MIN_HITS = PROBE / 4;
const PAUSE = 16_384;

export function createItemCache<T>(): ItemCache<T> {
  let cache = new WeakMap<object, T>();
  let lookups = 0;
  let hits = 0;
  let paused = 0;
  return {
    get(item) {
      if (paused > 0) {
        paused--;
        if (paused === 0) cache = new WeakMap<object, T>();
        return undefined;
      }
      const text = cache.get(item);
      lookups++;
      if (text !== undefined) hits++;
      if (lookups === PROBE) {
        if (hits < MIN_HITS) paused = PAUSE;
        lookups = 0;
        hits = 0;
      }
      return text;
    },
    set(item, value) {
      if (paused === 0) cache.set(item, value);
    },
    active: () => paused === 0,
  };
}
