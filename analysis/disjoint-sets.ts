/**
 * Disjoint sets over 0..count − 1: `find` gives a set's root (with path compression), `join`
 * merges the sets of the elements given.
 */
export function disjointSets(count: number): {
  find: (x: number) => number;
  join: (a: number, b: number) => void;
} {
  const parent = new Int32Array(count);
  for (let i = 0; i < count; i++) parent[i] = i;
  const find = (x: number): number => {
    let top = x;
    while (parent[top] !== top) top = parent[top] as number;
    while (parent[x] !== top) {
      const next = parent[x] as number;
      parent[x] = top;
      x = next;
    }
    return top;
  };
  const join = (a: number, b: number) => {
    parent[find(b)] = find(a);
  };
  return { find, join };
}
