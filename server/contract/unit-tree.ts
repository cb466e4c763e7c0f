/**
 * The unit tree of an organisation as server and client walk it: the screens' reading order, a
 * unit's lineage and its subtree. Units are `{ id, parentId }`; a parent that is not in the list
 * ends the walk there, and parent cycles (which the database does not forbid) never loop.
 * (analysis/unit-tree.ts keeps its own indexed form of the same tree for the release.)
 */
export interface UnitLink {
  id: string;
  parentId: string | null;
}

/** A unit with its depth in the organisation's hierarchy (0 for a top-level unit). */
export interface TreeRow<U> {
  unit: U;
  depth: number;
}

/** Siblings by unit code, the order the organisation's own lists use. */
export const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);

/**
 * Siblings by name in the reader's language (`tag` such as "nl-BE"): accents and case as that
 * language sorts them ("Économie" among the E's), numbers by value ("Dienst 2" before "Dienst 10").
 */
export function byName<L extends string>(locale: L, tag: string) {
  const collator = new Intl.Collator(tag, { numeric: true, sensitivity: "base" });
  return (
    a: { code: string; name: Record<L, string> },
    b: { code: string; name: Record<L, string> },
  ) => collator.compare(a.name[locale], b.name[locale]) || a.code.localeCompare(b.code);
}

/**
 * Units in reading order: each unit followed by its sub-units, siblings in `compare` order. A
 * unit whose parent is not in the list (e.g. the top of an evaluator's subtree) starts a tree of
 * its own; units on a parent cycle follow at the end, each as a top-level unit.
 */
export function unitsInTreeOrder<U extends UnitLink>(
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
  const visit = (unit: U, depth: number) => {
    if (seen.has(unit.id)) return;
    seen.add(unit.id);
    rows.push({ unit, depth });
    for (const child of children.get(unit.id) ?? []) visit(child, depth + 1);
  };
  for (const unit of children.get(null) ?? []) visit(unit, 0);
  for (const unit of [...units].sort(compare)) visit(unit, 0);
  return rows;
}

/** A unit and the units above it in `units`, nearest first. */
export function lineage(unitId: string, units: ReadonlyMap<string, UnitLink>): string[] {
  const found: string[] = [];
  for (let id: string | null = unitId; id !== null && !found.includes(id); ) {
    const unit = units.get(id);
    if (!unit) break;
    found.push(id);
    id = unit.parentId;
  }
  return found;
}

/** A unit and every unit below it. */
export function subtreeOf(unitId: string, units: readonly UnitLink[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const subtree = new Set<string>();
  const stack = [unitId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (subtree.has(id)) continue;
    subtree.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return subtree;
}
