import type { Counts } from "./aggregate-counts";
import type { CellModel, Equation } from "./cell-model";
import type { UnitTree } from "./unit-tree";

export const PART_ALL = 0;
export const PART_DIRECT = 1;

/** One counting cell of the release: a group (unit node, part, filter). */
export interface GroupCell {
  node: number;
  part: typeof PART_ALL | typeof PART_DIRECT;
  filter: number;
}

/**
 * The linked table model of a release: every group of the declared tables is a cell, and the
 * equations are the hierarchy (a unit = its direct part + its sub-units, per filter), the
 * partition of every group by each dimension, and the margins of the declared crosses.
 */
export function releaseCells(
  tree: UnitTree,
  counts: Counts,
  options: {
    k: number;
    headcounts: Record<string, number>;
    previouslyHidden: ReadonlySet<string>;
    groupId: (cell: GroupCell) => string;
  },
): { model: CellModel; cells: GroupCell[]; cellOf: (cell: GroupCell) => number } {
  const { space } = counts;
  const F = space.filters.length;
  const plainFilters: number[] = [0];
  space.dimensionStart.forEach((start, d) => {
    const width = dimensionWidth(counts, d);
    for (let v = 0; v < width; v++) plainFilters.push(start + v);
  });
  const crossFilters: number[] = [];
  for (let f = plainFilters.length; f < F; f++) crossFilters.push(f);

  const cells: GroupCell[] = [];
  const index = new Int32Array(tree.ids.length * 2 * F).fill(-1);
  const add = (cell: GroupCell) => {
    index[(cell.node * 2 + cell.part) * F + cell.filter] = cells.length;
    cells.push(cell);
  };
  const hasDirect = (node: number) =>
    (tree.children[node]?.length ?? 0) > 0 && (counts.attachedN[node * F] as number) > 0;
  for (let node = 0; node < tree.ids.length; node++) {
    for (const filter of plainFilters) add({ node, part: PART_ALL, filter });
    if (node === 0) for (const filter of crossFilters) add({ node, part: PART_ALL, filter });
    if (hasDirect(node))
      for (const filter of plainFilters) add({ node, part: PART_DIRECT, filter });
  }
  const cellOf = (cell: GroupCell) =>
    index[(cell.node * 2 + cell.part) * F + cell.filter] as number;

  const equations: Equation[] = [];
  for (let node = 0; node < tree.ids.length; node++) {
    const kids = tree.children[node] ?? [];
    if (kids.length > 0) {
      for (const filter of plainFilters) {
        const parts = kids.map((child) => cellOf({ node: child, part: PART_ALL, filter }));
        if (hasDirect(node)) parts.unshift(cellOf({ node, part: PART_DIRECT, filter }));
        equations.push({ total: cellOf({ node, part: PART_ALL, filter }), parts });
      }
    }
    const parts = hasDirect(node) ? [PART_ALL, PART_DIRECT] : [PART_ALL];
    for (const part of parts as (typeof PART_ALL | typeof PART_DIRECT)[]) {
      space.dimensionStart.forEach((start, d) => {
        const values = Array.from({ length: dimensionWidth(counts, d) }, (_, v) =>
          cellOf({ node, part, filter: start + v }),
        );
        equations.push({
          total: cellOf({ node, part, filter: 0 }),
          parts: values,
          partition: true,
        });
      });
    }
  }
  for (const cross of space.crosses) {
    const da = space.dimensions.indexOf(cross.a);
    const db = space.dimensions.indexOf(cross.b);
    const widthA = dimensionWidth(counts, da);
    const widthB = dimensionWidth(counts, db);
    const at = (va: number, vb: number) =>
      cellOf({ node: 0, part: PART_ALL, filter: cross.start + va * widthB + vb });
    for (let va = 0; va < widthA; va++) {
      const total = cellOf({
        node: 0,
        part: PART_ALL,
        filter: (space.dimensionStart[da] as number) + va,
      });
      equations.push({
        total,
        parts: Array.from({ length: widthB }, (_, vb) => at(va, vb)),
        partition: true,
      });
    }
    for (let vb = 0; vb < widthB; vb++) {
      const total = cellOf({
        node: 0,
        part: PART_ALL,
        filter: (space.dimensionStart[db] as number) + vb,
      });
      equations.push({
        total,
        parts: Array.from({ length: widthA }, (_, va) => at(va, vb)),
        partition: true,
      });
    }
  }

  const isTotal = new Uint8Array(cells.length);
  for (const equation of equations) isTotal[equation.total] = 1;
  const maxDepth = Math.max(0, ...tree.depth);
  const n = cells.map(({ node, part, filter }) =>
    part === PART_ALL
      ? (counts.subtreeN[node * F + filter] as number)
      : (counts.attachedN[node * F + filter] as number),
  );
  const cost = cells.map((cell, i) => {
    const earlier = options.previouslyHidden.has(options.groupId(cell)) ? 0.5 : 1;
    const depth = tree.depth[cell.node] as number;
    return (n[i] as number) * (isTotal[i] ? 4 : 1) * earlier + (maxDepth - depth) * 0.1;
  });
  // What headcounts alone allow: a unit holds at most its sub-units' staff (plus its own when
  // it has direct respondents), and every group is part of each enclosing unit's staff.
  const ceiling = tree.ids.map((id) => options.headcounts[id] ?? Number.POSITIVE_INFINITY);
  for (let node = tree.ids.length - 1; node >= 0; node--) {
    const kids = tree.children[node] ?? [];
    if (kids.length === 0 || hasDirect(node)) continue;
    const below = kids.reduce((sum, child) => sum + (ceiling[child] as number), 0);
    ceiling[node] = Math.min(ceiling[node] as number, below);
  }
  for (let node = 1; node < tree.ids.length; node++) {
    const parent = tree.parent[node] as number;
    ceiling[node] = Math.min(ceiling[node] as number, ceiling[parent] as number);
  }
  const upper = cells.map(({ node }) => ceiling[node] as number);
  return {
    model: { k: options.k, n, hidden: n.map(() => null), equations, upper, cost },
    cells,
    cellOf,
  };
}

/** Values of dimension d including "no answer". */
export function dimensionWidth(counts: Counts, d: number): number {
  const { space } = counts;
  const next = space.dimensionStart[d + 1] ?? space.crosses[0]?.start ?? space.filters.length;
  return next - (space.dimensionStart[d] as number);
}
