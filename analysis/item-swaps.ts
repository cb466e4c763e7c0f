import type { FilterSpace } from "./aggregate-counts";
import { type GroupCell, PART_ALL, PART_DIRECT } from "./release-cells";
import type { ResponseMatrix } from "./response-matrix";

/**
 * Respondents grouped by the release's cells they belong to: an atom is one unit node with one
 * value of every dimension, so every respondent of an atom is in exactly the same groups.
 */
export interface RespondentAtoms {
  matrix: ResponseMatrix;
  /** Per respondent (matrix row), its atom. */
  atomOf: Int32Array;
  /** Per atom, the release's cells that contain it. */
  cellsOf: Int32Array[];
  /** Per cell, the atoms it contains. */
  atomsOf: number[][];
  /** Per atom, its unit node and its value of each dimension (atom × dimension). */
  nodeOf: Int32Array;
  valuesOf: Uint8Array;
  /** Per atom, its respondents (matrix rows). */
  rowsOf: number[][];
  /** The release's cells that would contain a respondent of this node and these values. */
  cellsFor: (node: number, values: ArrayLike<number>) => number[];
}

/** Groups a campaign's respondents into atoms (built once per release, shared by all questions). */
export function respondentAtoms(
  matrix: ResponseMatrix,
  space: FilterSpace,
  cellCount: number,
  cellOf: (cell: GroupCell) => number,
): RespondentAtoms {
  const dims = space.dimensions.map((item) => (matrix.columns[item] as { data: Uint8Array }).data);
  const D = dims.length;
  const crossDims = space.crosses.map(({ a, b, start }) => {
    const spec = matrix.items[b];
    return {
      a: space.dimensions.indexOf(a),
      b: space.dimensions.indexOf(b),
      width: (spec && spec.kind !== "text" ? spec.options.length : 0) + 1,
      start,
    };
  });
  const { parent } = matrix.tree;
  const cellsFor = (node: number, values: ArrayLike<number>): number[] => {
    const filters = [0];
    for (let d = 0; d < D; d++)
      filters.push((space.dimensionStart[d] as number) + (values[d] as number));
    for (const { a, b, width, start } of crossDims)
      filters.push(start + (values[a] as number) * width + (values[b] as number));
    const found: number[] = [];
    const push = (cell: GroupCell) => {
      const index = cellOf(cell);
      if (index >= 0) found.push(index);
    };
    for (const filter of filters) {
      push({ node, part: PART_DIRECT, filter });
      for (let at = node; at >= 0; at = parent[at] as number)
        push({ node: at, part: PART_ALL, filter });
    }
    return found;
  };
  const nodes = matrix.node.data;
  const atomOf = new Int32Array(matrix.size);
  const byKey = new Map<string, number>();
  const cellsOf: Int32Array[] = [];
  const nodeOf: number[] = [];
  const values: number[] = [];
  const rowsOf: number[][] = [];
  const own = new Uint8Array(D);
  for (let r = 0; r < matrix.size; r++) {
    const node = nodes[r] as number;
    let key = String(node);
    for (let d = 0; d < D; d++) {
      own[d] = (dims[d] as Uint8Array)[r] as number;
      key += `:${own[d]}`;
    }
    let atom = byKey.get(key);
    if (atom === undefined) {
      atom = cellsOf.length;
      byKey.set(key, atom);
      cellsOf.push(Int32Array.from(cellsFor(node, own)));
      nodeOf.push(node);
      values.push(...own);
      rowsOf.push([]);
    }
    atomOf[r] = atom;
    rowsOf[atom]?.push(r);
  }
  const atomsOf: number[][] = Array.from({ length: cellCount }, () => []);
  cellsOf.forEach((list, atom) => {
    for (const cell of list) atomsOf[cell]?.push(atom);
  });
  return {
    matrix,
    atomOf,
    cellsOf,
    atomsOf,
    nodeOf: Int32Array.from(nodeOf),
    valuesOf: Uint8Array.from(values),
    rowsOf,
    cellsFor,
  };
}

/**
 * Integer witnesses that need no LP: swapping one question's answers between two respondents
 * whose atoms lie in exactly the same groups whose answers are shown leaves every shown figure,
 * every group size (so every reason) and every equation as it was — the result is a real data
 * set the attacker cannot tell from the true one. So when such swaps can move a group's count
 * of an answer far enough, the check on it is open, however large its component.
 */
export class AnswerSwaps {
  private readonly slots: number;
  /** Per atom × slot, how many of its respondents gave that answer (or ticked that option). */
  private readonly counts: Float64Array;
  private readonly sizes: Float64Array;
  private classOf = new Int32Array(0);
  private classCounts = new Float64Array(0);
  private classSizes = new Float64Array(0);
  private version = -1;
  private readonly reached = new Map<number, { down: Float64Array; up: Float64Array }>();

  constructor(
    private readonly atoms: RespondentAtoms,
    item: number,
    slots: number,
  ) {
    this.slots = slots;
    const { matrix } = atoms;
    const atomCount = atoms.cellsOf.length;
    this.counts = new Float64Array(atomCount * slots);
    this.sizes = new Float64Array(atomCount);
    const data = (matrix.columns[item] as { data: Uint8Array | Uint32Array }).data;
    const multi = matrix.items[item]?.kind === "multi";
    for (let r = 0; r < matrix.size; r++) {
      const atom = atoms.atomOf[r] as number;
      this.sizes[atom] = (this.sizes[atom] as number) + 1;
      const answer = data[r] as number;
      if (!multi || answer === 0) {
        const at = atom * slots + answer;
        this.counts[at] = (this.counts[at] as number) + 1;
        continue;
      }
      for (let bits = answer, slot = 1; bits !== 0; bits >>>= 1, slot++) {
        if ((bits & 1) === 0) continue;
        const at = atom * slots + slot;
        this.counts[at] = (this.counts[at] as number) + 1;
      }
    }
  }

  /**
   * Groups atoms into swap classes: atoms in exactly the same cells whose answers are shown.
   * `version` must change whenever `shown` does (the audit passes how many groups it hid).
   */
  classify(shown: (cell: number) => boolean, version: number): void {
    if (version === this.version) return;
    this.version = version;
    this.reached.clear();
    const { cellsOf, atomsOf } = this.atoms;
    const { slots } = this;
    // Partition refinement: split every class by membership of each shown cell in turn, so two
    // atoms share a class exactly when they agree on every shown cell.
    const classOf = new Int32Array(cellsOf.length);
    let classes = cellsOf.length > 0 ? 1 : 0;
    let splitInto = new Int32Array(Math.max(1, cellsOf.length));
    let stamp = new Int32Array(Math.max(1, cellsOf.length)).fill(-1);
    atomsOf.forEach((inside, cell) => {
      if (inside.length === 0 || !shown(cell)) return;
      for (const atom of inside) {
        const old = classOf[atom] as number;
        if (stamp[old] !== cell) {
          stamp[old] = cell;
          splitInto[old] = classes++;
          if (classes > splitInto.length) {
            splitInto = grow(splitInto);
            stamp = grow(stamp, -1);
          }
        }
        classOf[atom] = splitInto[old] as number;
      }
    });
    // Number the classes densely.
    const dense = new Int32Array(classes).fill(-1);
    let count = 0;
    classOf.forEach((owner, atom) => {
      if (dense[owner] === -1) dense[owner] = count++;
      classOf[atom] = dense[owner] as number;
    });
    this.classOf = classOf;
    this.classCounts = new Float64Array(count * slots);
    this.classSizes = new Float64Array(count);
    cellsOf.forEach((_, atom) => {
      const owner = this.classOf[atom] as number;
      this.classSizes[owner] = (this.classSizes[owner] as number) + (this.sizes[atom] as number);
      for (let slot = 0; slot < slots; slot++) {
        const at = owner * slots + slot;
        this.classCounts[at] =
          (this.classCounts[at] as number) + (this.counts[atom * slots + slot] as number);
      }
    });
  }

  /**
   * How far swaps can move a cell's count of each slot: `down[slot]` swaps a respondent of the
   * cell who gave that answer with one outside it, in the same class, who did not; `up[slot]`
   * the other way. Swaps in different classes use different respondents, so their moves add up.
   */
  reach(cell: number): { down: Float64Array; up: Float64Array } {
    const cached = this.reached.get(cell);
    if (cached) return cached;
    const { slots, classOf, classCounts, classSizes, counts, sizes } = this;
    // Per class met in the cell: its respondents in the cell, then per slot those who gave it.
    const place = new Map<number, number>();
    const inside: number[] = [];
    for (const atom of this.atoms.atomsOf[cell] ?? []) {
      const owner = classOf[atom] as number;
      let at = place.get(owner);
      if (at === undefined) {
        at = inside.length;
        place.set(owner, at);
        for (let i = 0; i <= slots; i++) inside.push(0);
      }
      inside[at] = (inside[at] as number) + (sizes[atom] as number);
      for (let slot = 0; slot < slots; slot++)
        inside[at + 1 + slot] =
          (inside[at + 1 + slot] as number) + (counts[atom * slots + slot] as number);
    }
    const down = new Float64Array(slots);
    const up = new Float64Array(slots);
    for (const [owner, at] of place) {
      const size = inside[at] as number;
      const classSize = classSizes[owner] as number;
      for (let slot = 0; slot < slots; slot++) {
        const within = inside[at + 1 + slot] as number;
        const classWith = classCounts[owner * slots + slot] as number;
        const without = size - within;
        down[slot] = (down[slot] as number) + Math.min(within, classSize - classWith - without);
        up[slot] = (up[slot] as number) + Math.min(without, classWith - within);
      }
    }
    const result = { down, up };
    this.reached.set(cell, result);
    return result;
  }
}

function grow(array: Int32Array<ArrayBuffer>, fill = 0): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2).fill(fill);
  larger.set(array);
  return larger;
}
