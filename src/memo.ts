/**
 * `compute`, remembered per key object: for the facts several rules ask of the same model
 * object (a service, a RUN, a tree) in a run. Every caller gets the same result, so it is
 * read-only; entries go when their keys do.
 */
export function memoized<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) memo.set(key, (value = compute(key)));
    return value;
  };
}
