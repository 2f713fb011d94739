/**
 * `compute`, remembering its last `size` answers: for callers that ask about the same input a
 * few times in a row (a disk's checks, then its conversion) over more inputs than are worth
 * keeping (a map of every answer of a 10,000-disk config kept them all alive through
 * young-generation collections, which cost more than computing again).
 * Answers are shared between calls: never change them.
 */
export function lastFew<K, V>(size: number, same: (a: K, b: K) => boolean, compute: (key: K) => V): (key: K) => V {
  const keys: K[] = [];
  const values: V[] = [];
  let next = 0;
  return (key) => {
    for (let i = 0; i < keys.length; i++) if (same(keys[i]!, key)) return values[i]!;
    const value = compute(key);
    keys[next] = key;
    values[next] = value;
    next = (next + 1) % size;
    return value;
  };
}
