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

/** Builds the tree from the organisation id and its units; cycles and orphans hang at the root. */
export function buildUnitTree(rootId: string, units: UnitNode[]): UnitTree {
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
    for (const child of (kids.get(id) ?? []).slice().sort()) visit(child, index, depth + 1);
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
