import type { UnitNode } from "./types";

/**
 * The unit tree under one root (the organisation). Units whose parent is null or unknown hang
 * under the root. Nodes are indexed in pre-order: a parent always comes before its children.
 */
export interface UnitTree {
  ids: string[];
  parent: Int32Array;
  depth: Int32Array;
  children: number[][];
  indexOf: Map<string, number>;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds the tree from the organisation id and its units; cycles and orphans hang at the root.
 * Siblings come in `compare` order of their ids (by id unless told otherwise).
 */
export function buildUnitTree(
  rootId: string,
  units: readonly UnitNode[],
  compare: (a: string, b: string) => number = byId,
): UnitTree {
  const known = new Set(units.map((unit) => unit.id));
  const kids = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.id === rootId) continue;
    const parent =
      unit.parentId !== null && known.has(unit.parentId) && unit.parentId !== unit.id
        ? unit.parentId
        : rootId;
    const list = kids.get(parent) ?? [];
    list.push(unit.id);
    kids.set(parent, list);
  }
  const ids: string[] = [];
  const parents: number[] = [];
  const depths: number[] = [];
  const indexOf = new Map<string, number>();
  const visit = (id: string, parent: number, depth: number) => {
    if (indexOf.has(id)) return;
    const index = ids.length;
    indexOf.set(id, index);
    ids.push(id);
    parents.push(parent);
    depths.push(depth);
    for (const child of (kids.get(id) ?? []).slice().sort(compare)) visit(child, index, depth + 1);
  };
  visit(rootId, -1, 0);
  // Units on a parent cycle are unreachable from the root: hang them directly under it.
  for (const unit of units) {
    if (!indexOf.has(unit.id)) visit(unit.id, 0, 1);
  }
  const children: number[][] = ids.map(() => []);
  parents.forEach((parent, index) => {
    if (parent >= 0) children[parent]?.push(index);
  });
  return {
    ids,
    parent: Int32Array.from(parents),
    depth: Int32Array.from(depths),
    children,
    indexOf,
  };
}

/** A unit with its depth in the organisation's hierarchy (0 for a top-level unit). */
export interface TreeRow<U> {
  unit: U;
  depth: number;
}

/** Siblings by unit code, the order the organisation's own lists use. */
export const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);

/** Stands for the organisation above the units; no unit id looks like it. */
const VIRTUAL_ROOT = "\u0000organisation";

/**
 * Units in reading order: each unit followed by its sub-units, siblings in `compare` order. A
 * unit whose parent is not in the list (e.g. the top of an evaluator's subtree) starts a tree of
 * its own.
 */
export function unitsInTreeOrder<U extends UnitNode>(
  units: readonly U[],
  compare: (a: U, b: U) => number,
): TreeRow<U>[] {
  const unitOf = new Map(units.map((unit) => [unit.id, unit]));
  const tree = buildUnitTree(VIRTUAL_ROOT, units, (a, b) =>
    compare(unitOf.get(a) as U, unitOf.get(b) as U),
  );
  return tree.ids.slice(1).map((id, index) => ({
    unit: unitOf.get(id) as U,
    depth: (tree.depth[index + 1] ?? 1) - 1,
  }));
}

/** A unit and the units above it in `units`, nearest first (safe against parent cycles). */
export function lineage(unitId: string, units: ReadonlyMap<string, UnitNode>): string[] {
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
export function subtreeOf(unitId: string, units: readonly UnitNode[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId !== null)
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
