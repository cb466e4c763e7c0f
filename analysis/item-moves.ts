import type { FilterSpace } from "./aggregate-counts";
import { type CellModel, cellBounds } from "./cell-model";
import type { RespondentAtoms } from "./item-swaps";
import { type GroupCell, PART_ALL } from "./release-cells";

/**
 * Integer witnesses for hidden groups that nobody of the true data is in. "All of them gave
 * answer s" of an empty group needs a data set where it holds someone, which answer swaps cannot
 * give. A move cycle does: respondent r changes one background value w → v, which puts r in the
 * group; respondent r' with the same answer to the question changes the same background value
 * v → w elsewhere, so that every published group size, every reason's bounds and every equation
 * hold as before (checked cell by cell and equation by equation), and every shown answer count too
 * (the two carry the same answer, and every group whose answers are shown keeps its size). The
 * result is a data set the attacker cannot tell from the true one.
 *
 * The cycles of a group depend on group sizes only, so they are found once per release and
 * shared by every question; per question only the two respondents' answers are compared.
 */
export class MemberMoves {
  private readonly cycles = new Map<number, Cycle[]>();
  private readonly byDimensionValue = new Map<number, number[]>();
  private readonly dimensions: number;

  constructor(
    private readonly atoms: RespondentAtoms,
    private readonly model: CellModel,
    private readonly published: (cell: number) => boolean,
    private readonly space: FilterSpace,
    private readonly cells: GroupCell[],
    private readonly cellOf: (cell: GroupCell) => number,
    private readonly byCell: number[][],
    private readonly tree: { parent: Int32Array },
  ) {
    this.dimensions = space.dimensions.length;
    const { valuesOf, nodeOf } = atoms;
    for (let atom = 0; atom < nodeOf.length; atom++) {
      for (let d = 0; d < this.dimensions; d++) {
        const key = d * 256 + (valuesOf[atom * this.dimensions + d] as number);
        let list = this.byDimensionValue.get(key);
        if (!list) {
          list = [];
          this.byDimensionValue.set(key, list);
        }
        list.push(atom);
      }
    }
  }

  /**
   * Whether a move cycle puts into the (empty) cell a respondent whose answer passes `fits`,
   * compensated by one with the same answer; `answerOf` reads a respondent's answer.
   */
  opens(cell: number, answerOf: (row: number) => number, fits: (answer: number) => boolean) {
    const { rowsOf } = this.atoms;
    for (const { into, back } of this.cyclesInto(cell)) {
      const answers = new Set<number>();
      for (const row of rowsOf[back] ?? []) answers.add(answerOf(row));
      for (const row of rowsOf[into] ?? []) {
        const answer = answerOf(row);
        if (fits(answer) && answers.has(answer)) return true;
      }
    }
    return false;
  }

  /** The size-valid cycles that put one respondent into the cell (found once, at most a few). */
  cyclesInto(cell: number): Cycle[] {
    let found = this.cycles.get(cell);
    if (found) return found;
    found = [];
    this.cycles.set(cell, found);
    const { atoms, space, dimensions: D } = this;
    const { node, part, filter } = this.cells[cell] as GroupCell;
    const wanted = (space.filters[filter]?.dims ?? []).map(({ item, value }) => ({
      d: space.dimensions.indexOf(item),
      value,
    }));
    const scope = this.cellOf({ node, part, filter: 0 });
    if (scope < 0 || wanted.length === 0) return found;
    let tried = 0;
    // First swaps of values (someone elsewhere moves v → w), then chains from any other value x
    // (the groups of values v and x along both units' chains must then absorb the difference).
    for (const swapsOnly of [true, false]) {
      for (const { d, value: v } of wanted) {
        const others = wanted.filter((entry) => entry.d !== d);
        const width =
          (space.dimensionStart[d + 1] ?? space.crosses[0]?.start ?? space.filters.length) -
          (space.dimensionStart[d] as number);
        for (const into of atoms.atomsOf[scope] ?? []) {
          const w = atoms.valuesOf[into * D + d] as number;
          if (w === v) continue;
          if (others.some(({ d: e, value }) => atoms.valuesOf[into * D + e] !== value)) continue;
          for (let x = 0; x < width; x++) {
            if (swapsOnly ? x !== v : x === v || x === w) continue;
            // Below the lowest unit whose group of value w is published, the two moves must
            // meet (above it they cancel); only someone in its subtree can compensate.
            const meet = this.meetingCell(atoms.nodeOf[into] as number, d, w, x);
            for (const back of meet < 0
              ? (this.byDimensionValue.get(d * 256 + x) ?? [])
              : (atoms.atomsOf[meet] ?? [])) {
              if (++tried > MAX_TRIES_PER_CELL) return found;
              const change = this.netChange(into, back, d, v, w);
              if (!change || !((change.get(cell) ?? 0) >= 1)) continue;
              found.push({ into, back, dimension: d, value: v, from: w });
              if (found.length >= MAX_CYCLES_PER_CELL) return found;
            }
          }
        }
      }
    }
    return found;
  }

  /**
   * The group of value x in the lowest unit at or above `node` whose group of value w is
   * published (−1 if none is, or that group is not in the release).
   */
  private meetingCell(node: number, d: number, w: number, x: number): number {
    const start = this.space.dimensionStart[d] as number;
    const { parent } = this.tree;
    for (let at = node; at >= 0; at = parent[at] as number) {
      const own = this.cellOf({ node: at, part: PART_ALL, filter: start + w });
      if (own >= 0 && this.published(own))
        return this.cellOf({ node: at, part: PART_ALL, filter: start + x });
    }
    return -1;
  }

  /**
   * The change in every cell's size when a respondent of `into` moves d: w → v and one of
   * `back` moves d: (its own value) → w, or null if the result breaks a published size, a reason's bounds or
   * an equation.
   */
  netChange(
    into: number,
    back: number,
    d: number,
    v: number,
    w: number,
  ): Map<number, number> | null {
    const { atoms, model, dimensions: D } = this;
    const change = new Map<number, number>();
    const add = (list: ArrayLike<number>, sign: number) => {
      for (let i = 0; i < list.length; i++) {
        const cell = list[i] as number;
        change.set(cell, (change.get(cell) ?? 0) + sign);
      }
    };
    const moved = (atom: number, value: number) => {
      const values = atoms.valuesOf.slice(atom * D, atom * D + D);
      values[d] = value;
      return atoms.cellsFor(atoms.nodeOf[atom] as number, values);
    };
    add(atoms.cellsOf[into] as Int32Array, -1);
    add(moved(into, v), 1);
    add(atoms.cellsOf[back] as Int32Array, -1);
    add(moved(back, w), 1);
    const equations = new Set<number>();
    for (const [cell, delta] of change) {
      if (delta === 0) continue;
      if (this.published(cell)) return null;
      const size = (model.n[cell] as number) + delta;
      const { lower, upper } = cellBounds(model, cell);
      if (size < lower || size > upper) return null;
      for (const index of this.byCell[cell] ?? []) equations.add(index);
    }
    for (const index of equations) {
      const { total, parts } = model.equations[index] as { total: number; parts: number[] };
      let sum = change.get(total) ?? 0;
      for (const p of parts) sum -= change.get(p) ?? 0;
      if (sum !== 0) return null;
    }
    return change;
  }
}

/**
 * A respondent of atom `into` moves into the cell (its value of `dimension` from `from` to
 * `value`); one of atom `back` compensates (its value of `dimension` to `from`).
 */
export interface Cycle {
  into: number;
  back: number;
  dimension: number;
  value: number;
  from: number;
}

/** Bounds on the search, so that a release's work stays bounded (and deterministic). */
const MAX_TRIES_PER_CELL = 4000;
const MAX_CYCLES_PER_CELL = 6;
