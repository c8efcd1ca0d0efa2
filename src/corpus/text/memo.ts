/** Entries a memo keeps before it starts afresh: names and words repeat, but a long-running bot must not grow. */
const MAX_ENTRIES = 50_000;

/** A pure string function, remembered: for the small vocabulary (names, words) the analysers look up again and again. */
export function memoised<T>(f: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const value = f(s);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(s, value);
    return value;
  };
}
