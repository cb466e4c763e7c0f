import type { ResponseMatrix } from "./response-matrix";
import type { ItemSpec } from "./types";

/**
 * The groups a release publishes inside one unit part: everyone, every value of every
 * dimension, and (at the root only) every cell of each declared two-way cross. A filter
 * lists (dimension item index, option index + 1; 0 = no answer) pairs.
 */
export interface FilterSpace {
  filters: { dims: { item: number; value: number }[] }[];
  /** Dimension item indices (breakdown questions), in questionnaire order. */
  dimensions: number[];
  /** First filter of each dimension; its values follow in option order, 0 = no answer. */
  dimensionStart: number[];
  crosses: { a: number; b: number; start: number }[];
  /** Items counted per option (not text, not breakdown), with their slot offsets. */
  counted: { item: number; offset: number; slots: number }[];
  slots: number;
}

export function filterSpace(items: ItemSpec[], crosses: [string, string][]): FilterSpace {
  const filters: FilterSpace["filters"] = [{ dims: [] }];
  const dimensions: number[] = [];
  const dimensionStart: number[] = [];
  items.forEach((item, index) => {
    if (item.kind !== "single" || !item.breakdown) return;
    dimensions.push(index);
    dimensionStart.push(filters.length);
    for (let value = 0; value <= item.options.length; value++) {
      filters.push({ dims: [{ item: index, value }] });
    }
  });
  const crossSpecs: FilterSpace["crosses"] = [];
  for (const [keyA, keyB] of crosses) {
    const a = items.findIndex((item) => item.key === keyA && item.breakdown);
    const b = items.findIndex((item) => item.key === keyB && item.breakdown);
    if (a < 0 || b < 0 || a === b) throw new Error(`Unknown cross ${keyA} × ${keyB}.`);
    crossSpecs.push({ a, b, start: filters.length });
    for (let va = 0; va <= optionCount(items[a]); va++) {
      for (let vb = 0; vb <= optionCount(items[b]); vb++) {
        filters.push({
          dims: [
            { item: a, value: va },
            { item: b, value: vb },
          ],
        });
      }
    }
  }
  const counted: FilterSpace["counted"] = [];
  let slots = 0;
  items.forEach((item, index) => {
    if (item.kind === "text" || item.breakdown) return;
    const width = item.options.length + 1;
    counted.push({ item: index, offset: slots, slots: width });
    slots += width;
  });
  return { filters, dimensions, dimensionStart, crosses: crossSpecs, counted, slots };
}

function optionCount(item: ItemSpec | undefined): number {
  return item && item.kind !== "text" ? item.options.length : 0;
}

/**
 * Raw counts per unit node and filter: `attached` for respondents attached to the node
 * itself, `subtree` rolled up over its sub-units. `n[node * F + f]` is the group size;
 * `counts[(node * F + f) * slots + offset + option]` counts an item's option (0 = no answer).
 */
export interface Counts {
  space: FilterSpace;
  nodes: number;
  attachedN: Uint32Array;
  subtreeN: Uint32Array;
  attached: Uint32Array;
  subtree: Uint32Array;
}

/** Counts every published group and every item option in one pass over the matrix. */
export function aggregateCounts(matrix: ResponseMatrix, space: FilterSpace): Counts {
  const nodes = matrix.tree.ids.length;
  const F = space.filters.length;
  const S = space.slots;
  const attachedN = new Uint32Array(nodes * F);
  const attached = new Uint32Array(nodes * F * S);
  const nodeColumn = matrix.node.data;
  const dimColumns = space.dimensions.map(
    (item) => (matrix.columns[item] as { data: Uint8Array }).data,
  );
  const crossColumns = space.crosses.map(({ a, b, start }) => ({
    a: (matrix.columns[a] as { data: Uint8Array }).data,
    b: (matrix.columns[b] as { data: Uint8Array }).data,
    width: optionCount(matrix.items[b]) + 1,
    start,
  }));
  const counted = space.counted.map(({ item, offset }) => ({
    data: (matrix.columns[item] as { data: Uint8Array | Uint32Array }).data,
    multi: matrix.items[item]?.kind === "multi",
    offset,
  }));
  const memberOf = new Int32Array(1 + dimColumns.length + crossColumns.length);
  const rowBases = new Int32Array(memberOf.length);
  for (let r = 0; r < matrix.size; r++) {
    const nodeBase = (nodeColumn[r] as number) * F;
    let m = 0;
    memberOf[m++] = 0;
    for (let d = 0; d < dimColumns.length; d++) {
      memberOf[m++] =
        (space.dimensionStart[d] as number) + ((dimColumns[d] as Uint8Array)[r] as number);
    }
    for (const cross of crossColumns) {
      memberOf[m++] = cross.start + (cross.a[r] as number) * cross.width + (cross.b[r] as number);
    }
    for (let i = 0; i < m; i++) {
      const group = nodeBase + (memberOf[i] as number);
      attachedN[group] = (attachedN[group] as number) + 1;
      rowBases[i] = group * S;
    }
    for (const { data, multi, offset } of counted) {
      const answer = data[r] as number;
      if (!multi || answer === 0) {
        for (let i = 0; i < m; i++) {
          const slot = (rowBases[i] as number) + offset + answer;
          attached[slot] = (attached[slot] as number) + 1;
        }
        continue;
      }
      for (let bits = answer, option = 1; bits !== 0; bits >>>= 1, option++) {
        if ((bits & 1) === 0) continue;
        for (let i = 0; i < m; i++) {
          const slot = (rowBases[i] as number) + offset + option;
          attached[slot] = (attached[slot] as number) + 1;
        }
      }
    }
  }
  const subtreeN = attachedN.slice();
  const subtree = attached.slice();
  for (let node = nodes - 1; node > 0; node--) {
    const parent = matrix.tree.parent[node] as number;
    addInto(subtreeN, parent * F, subtreeN, node * F, F);
    addInto(subtree, parent * F * S, subtree, node * F * S, F * S);
  }
  return { space, nodes, attachedN, subtreeN, attached, subtree };
}

function addInto(
  target: Uint32Array,
  targetStart: number,
  source: Uint32Array,
  sourceStart: number,
  length: number,
): void {
  for (let i = 0; i < length; i++) {
    target[targetStart + i] =
      (target[targetStart + i] as number) + (source[sourceStart + i] as number);
  }
}
