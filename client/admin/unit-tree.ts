/** A unit with its depth in the organisation's hierarchy (0 for a top-level unit). */
export interface TreeRow<U> {
  unit: U;
  depth: number;
}

/** Siblings by unit code, the order the organisation's own lists use. */
export const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);

/**
 * Units in reading order: each unit followed by its sub-units, siblings in `compare` order. A
 * unit whose parent is not in the list (e.g. the top of an evaluator's subtree) starts a tree of
 * its own.
 */
export function unitsInTreeOrder<U extends { id: string; parentId: string | null }>(
  units: readonly U[],
  compare: (a: U, b: U) => number,
): TreeRow<U>[] {
  const ids = new Set(units.map((unit) => unit.id));
  const children = new Map<string | null, U[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  for (const list of children.values()) list.sort(compare);
  const rows: TreeRow<U>[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const unit of children.get(parent) ?? []) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      rows.push({ unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}
