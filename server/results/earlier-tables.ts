import type {
  EarlierTable,
  Release,
  ReleaseGroup,
  ReleaseItem,
} from "../../analysis/release-types";

/** A release readers were served before, with the time it was built. */
export interface ShownRelease {
  builtAt: string;
  release: Release;
}

/**
 * A release whose answer table of a group is hidden shows, beside the mark, that group's table
 * as the newest earlier release showed it, with that release's time: the figures readers
 * already got, so nothing a holder of every shown release does not know (issue 10: "the
 * earlier release keeps being served, with its date"). The mark stays: everything that counts
 * or exports hidden tables is unchanged. Only from a release built with k at least the served
 * one's: a raised k must not bring back figures of groups it now protects.
 *
 * `earlier` is newest first and read lazily: it stops once every hidden table found one.
 */
export function withEarlierTables(release: Release, earlier: Iterable<ShownRelease>): Release {
  const wanted = new Map<string, Set<string>>();
  for (const group of release.groups) {
    if (!("value" in group.n)) continue;
    const keys = group.items.filter((item) => "hidden" in item).map((item) => item.key);
    if (keys.length > 0) wanted.set(group.id, new Set(keys));
  }
  if (wanted.size === 0) return release;
  const found = new Map<string, Map<string, EarlierTable>>();
  for (const { builtAt, release: shown } of earlier) {
    if (shown.k < release.k) continue;
    for (const group of shown.groups) {
      const keys = wanted.get(group.id);
      if (!keys || !("value" in group.n)) continue;
      for (const item of group.items) {
        if (!keys.has(item.key) || !("options" in item)) continue;
        const tables = found.get(group.id) ?? new Map();
        tables.set(item.key, earlierTable(item, group.n.value, builtAt));
        found.set(group.id, tables);
        keys.delete(item.key);
      }
      if (keys.size === 0) wanted.delete(group.id);
    }
    if (wanted.size === 0) break;
  }
  if (found.size === 0) return release;
  return {
    ...release,
    groups: release.groups.map((group): ReleaseGroup => {
      const tables = found.get(group.id);
      if (!tables) return group;
      return {
        ...group,
        items: group.items.map((item) => {
          const table = tables.get(item.key);
          return table && "hidden" in item ? { ...item, earlier: table } : item;
        }),
      };
    }),
  };
}

function earlierTable(
  item: Extract<ReleaseItem, { options: unknown }>,
  n: number,
  builtAt: string,
): EarlierTable {
  const { key: _key, kind: _kind, ...figures } = item;
  return { builtAt, n, ...figures };
}
