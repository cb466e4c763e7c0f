/** A checkbox list after one box changed: the item added at the end when on, removed when off. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  const without = list.filter((entry) => entry !== item);
  return on ? [...without, item] : without;
}
