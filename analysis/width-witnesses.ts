import type { CellModel } from "./cell-model";
import { PointCheck } from "./point-check";

/**
 * Structural proofs of width without an LP. A witness is a whole solution of the attacker's
 * system other than the truth: the true counts moved along an integer direction `d` that every
 * equation leaves balanced (an alternating cycle such as +1 on a cell, −1 on a hidden sibling,
 * compensated in the other table's hidden cells), as far as every cell's bounds allow. Every
 * point found is checked against the model's whole equation list and the bounds before it
 * counts, so a wrong direction can cost proofs, never safety. A cell moved by a checked point
 * has a range at least that wide; whatever the witnesses leave open goes to the LP audit.
 *
 * Directions come from the model (`CellModel.witnessDirections`: for headcounts, people moved
 * or swapping type between two places, headcount-witnesses.ts); one point moves every cell of
 * its direction at once, so most cells are shown wide by another cell's witness.
 */

/** The hidden cells of one component. */
export interface WitnessComponent {
  cells: number[];
}

export interface WitnessRanges {
  /** Per component cell: the least and greatest value seen in a checked witness point. */
  low: Float64Array;
  high: Float64Array;
  /** Witness points that passed the check. */
  points: number;
  /** Witness points refused by the check (a direction that broke an equation or a bound). */
  refused: number;
}

/**
 * Ranges shown by checked witness points for the component's cells within `bounds` (per
 * component cell, e.g. model B's reasons). `open(index)` names the cells
 * still to prove, `need(index)` the width that proves one (1 for "not exact", k for a small
 * group); `fixed(index)` cells (pinned by tightening) are never moved.
 */
export function witnessRanges(
  model: CellModel,
  component: WitnessComponent,
  bounds: readonly { lower: number; upper: number }[],
  {
    open,
    need,
    fixed = () => false,
    onPoint,
  }: {
    open: (index: number) => boolean;
    need: (index: number) => number;
    fixed?: (index: number) => boolean;
    /** Each checked point: the cells it moves and their values (every other cell at its true value). */
    onPoint?: (cells: Int32Array<ArrayBuffer>, values: Float64Array<ArrayBuffer>) => void;
  },
): WitnessRanges {
  const { cells } = component;
  // Typed: as arrays their elements kind varied by component (small integers, doubles), and
  // TurboFan recompiled the witness search at each new kind.
  const low = new Float64Array(cells.length);
  for (let index = 0; index < cells.length; index++)
    low[index] = model.n[cells[index] as number] as number;
  const high = low.slice();
  const result: WitnessRanges = { low, high, points: 0, refused: 0 };
  // Cell → index in the component (−1: outside), looked up for every cell of every direction.
  const column = new Int32Array(model.n.length).fill(-1);
  cells.forEach((cell, index) => {
    column[cell] = index;
  });
  const check = new ModelPointCheck(model, cells);
  const proven = (index: number) =>
    !open(index) || (high[index] as number) - (low[index] as number) >= need(index);
  const tryPoint = (d: Direction, sign: number, reach: number) => {
    const t = sign * furthest(model, column, bounds, d, sign, reach);
    if (t === 0) return;
    for (const [cell, step] of d) {
      check.move(cell, (model.n[cell] as number) + t * step, bounds[column[cell] as number]);
    }
    if (!check.holds()) {
      result.refused++;
      return;
    }
    result.points++;
    if (onPoint) {
      const moved = new Int32Array(d.size);
      const values = new Float64Array(d.size);
      let at = 0;
      for (const [cell, step] of d) {
        moved[at] = cell;
        values[at++] = (model.n[cell] as number) + t * step;
      }
      onPoint(moved, values);
    }
    for (const [cell, step] of d) {
      const index = column[cell] as number;
      const value = (model.n[cell] as number) + t * step;
      if (value < (low[index] as number)) low[index] = value;
      if (value > (high[index] as number)) high[index] = value;
    }
  };
  const tryDirection = (d: Direction) => {
    let useful = false;
    let reach = 1;
    for (const cell of d.keys()) {
      const index = column[cell] as number;
      if (!proven(index)) useful = true;
      reach = Math.max(reach, need(index));
    }
    if (!useful) return;
    tryPoint(d, 1, reach);
    tryPoint(d, -1, reach);
  };
  let seed = cells.length * 2654435761 + (cells[0] ?? 0);
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const movable = (cell: number) => {
    const index = column[cell] as number;
    return index >= 0 && !fixed(index);
  };
  if (model.witnessDirections) {
    for (let target = 0; target < cells.length; target++) {
      if (proven(target) || fixed(target)) continue;
      for (const d of model.witnessDirections(cells[target] as number, random, movable)) {
        let inside = true;
        for (const cell of d.keys()) {
          const index = column[cell] as number;
          if (index < 0 || fixed(index)) {
            inside = false;
            break;
          }
        }
        if (!inside) continue;
        tryDirection(d);
        if (proven(target)) break;
      }
    }
  }
  return result;
}

/**
 * Whether a point (hidden cell → value; every other cell at its true value) satisfies every
 * equation of the model that holds one of its cells, and each moved cell's bounds: a solution
 * of the attacker's whole system. Values must be integers.
 */
export function satisfiesSystem(
  model: CellModel,
  point: ReadonlyMap<number, number>,
  bounds: (cell: number) => { lower: number; upper: number } | undefined,
): boolean {
  const check = new ModelPointCheck(model, [...point.keys()]);
  for (const [cell, value] of point) check.move(cell, value, bounds(cell));
  return check.holds();
}

/**
 * The check of `satisfiesSystem` for many points over the same cells (a witness search makes
 * thousands): the model's equations holding one of the cells, as flat rows (total +1, parts −1)
 * over the checked cells and the other cells of those equations, numbered from 0 and checked by
 * `PointCheck`. Also refuses a point moving a published cell or one not among the checked cells.
 */
class ModelPointCheck {
  /** Per model cell, its number in the rows (−1: in none; `checked` and above: not movable). */
  private readonly local: Int32Array;
  private readonly checked: number;
  private readonly point: PointCheck;

  constructor(
    private readonly model: CellModel,
    cells: readonly number[],
  ) {
    this.local = new Int32Array(model.n.length).fill(-1);
    cells.forEach((cell, at) => {
      this.local[cell] = at;
    });
    const checked = cells.length;
    this.checked = checked;
    const local = this.local;
    // One pass over the equations, written straight into typed arrays sized for all of them:
    // a witness search of the giant component runs this once, mostly as cold code.
    const { equations } = model;
    let most = 0;
    for (const equation of equations) most += 1 + equation.parts.length;
    // Room for every cell once more than `cells` holds (a cell listed twice takes two numbers).
    const truth = new Float64Array(cells.length + model.n.length);
    cells.forEach((cell, at) => {
      truth[at] = model.n[cell] as number;
    });
    let numbered = checked;
    const start = new Int32Array(equations.length + 1);
    const rowCells = new Int32Array(most);
    const coefficients = new Float64Array(most);
    let rows = 0;
    let at = 0;
    for (const { total, parts } of equations) {
      let touches = (local[total] as number) >= 0 && (local[total] as number) < checked;
      for (let p = 0; !touches && p < parts.length; p++) {
        const number = local[parts[p] as number] as number;
        touches = number >= 0 && number < checked;
      }
      if (!touches) continue;
      for (let p = -1; p < parts.length; p++) {
        const cell = p < 0 ? total : (parts[p] as number);
        if ((local[cell] as number) < 0) {
          local[cell] = numbered;
          truth[numbered++] = model.n[cell] as number;
        }
        rowCells[at] = local[cell] as number;
        coefficients[at++] = p < 0 ? 1 : -1;
      }
      start[++rows] = at;
    }
    // Whole values, ±1 and rhs 0: a point's sums are exact, so the tolerance never matters.
    this.point = new PointCheck(
      {
        start: start.subarray(0, rows + 1),
        cells: rowCells.subarray(0, at),
        coefficients: coefficients.subarray(0, at),
        rhs: new Float64Array(rows),
      },
      truth.subarray(0, numbered),
    );
  }

  /** One cell of the next point, at `value` within `bounds` (undefined: no bounds, refused). */
  move(cell: number, value: number, bounds: { lower: number; upper: number } | undefined): void {
    const at = this.local[cell] as number;
    if (this.model.hidden[cell] === null || at < 0 || at >= this.checked) {
      this.point.refuse();
      return;
    }
    this.point.move(at, value, bounds);
  }

  /** Whether the point of the cells moved since the last check solves the system; resets it. */
  holds(): boolean {
    return this.point.holds();
  }
}

/** A direction: model cell (one of the component's) → integer step. */
type Direction = ReadonlyMap<number, number>;

/** The furthest whole multiple (up to `reach`) of `d` in direction `sign` within the bounds. */
function furthest(
  model: CellModel,
  column: Int32Array,
  bounds: readonly { lower: number; upper: number }[],
  d: Direction,
  sign: number,
  reach: number,
): number {
  let t = reach;
  for (const [cell, raw] of d) {
    const step = sign * raw;
    const n = model.n[cell] as number;
    const b = bounds[column[cell] as number] as { lower: number; upper: number };
    const room = step > 0 ? (b.upper - n) / step : (n - b.lower) / -step;
    t = Math.min(t, Math.floor(room + 1e-9));
    if (t <= 0) return 0;
  }
  return t;
}
