import { type Bounds, EPSILON } from "./component-lp";
import type { LinearRow } from "./eliminate-doubletons";

/**
 * The check every witness point passes before it counts as a proof of width: the true counts
 * with some cells moved must be whole, within each moved cell's bounds, and satisfy every row
 * of the attacker's system that holds a moved cell. A wrong direction or cycle then costs a
 * proof, never a finding. The witness searches check thousands of points per release, so a
 * point is written into a copy of the truth, checked and put back, and nothing is allocated
 * per point.
 */

/** A system's equations as flat rows: what a witness point is checked against. */
export interface CheckRows {
  /** Row r's terms are `cells[start[r]..start[r + 1]]` with `coefficients` there. */
  start: Int32Array;
  cells: Int32Array;
  coefficients: Float64Array;
  rhs: Float64Array;
}

/** `rows` as `CheckRows` (typed arrays: cheap to send to another thread). */
export function checkRows(rows: readonly LinearRow[]): CheckRows {
  const start = new Int32Array(rows.length + 1);
  rows.forEach((row, at) => {
    start[at + 1] = (start[at] as number) + row.cells.length;
  });
  const cells = new Int32Array(start[rows.length] as number);
  const coefficients = new Float64Array(cells.length);
  rows.forEach((row, at) => {
    cells.set(row.cells, start[at] as number);
    coefficients.set(row.coefficients, start[at] as number);
  });
  return { start, cells, coefficients, rhs: Float64Array.from(rows, (row) => row.rhs) };
}

/**
 * Checks points over the cells `0..truth.length − 1` of `rows`, one at a time: `move` the
 * cells of a point, then `holds`. The rows are indexed by cell once.
 */
export class PointCheck {
  private readonly values: Float64Array;
  /** Per cell, the rows holding it: `rowsOf[rowStart[c]..rowStart[c + 1]]`. */
  private readonly rowStart: Int32Array;
  private readonly rowsOf: Int32Array;
  /** Per row, the point that last summed it (each row once per point). */
  private readonly checked: Int32Array;
  private stamp = 0;
  /** The cells of the point being built: `moved[0..count]`, grown when full. */
  private moved = new Int32Array(16);
  private count = 0;
  private refused = false;

  constructor(
    private readonly rows: CheckRows,
    private readonly truth: ArrayLike<number>,
  ) {
    const cellCount = truth.length;
    this.values = Float64Array.from(truth);
    this.rowStart = new Int32Array(cellCount + 1);
    for (let at = 0; at < rows.cells.length; at++) {
      const cell = rows.cells[at] as number;
      this.rowStart[cell + 1] = (this.rowStart[cell + 1] as number) + 1;
    }
    for (let cell = 0; cell < cellCount; cell++) {
      this.rowStart[cell + 1] =
        (this.rowStart[cell + 1] as number) + (this.rowStart[cell] as number);
    }
    this.rowsOf = new Int32Array(rows.cells.length);
    const fill = this.rowStart.slice(0, cellCount);
    for (let r = 0; r < rows.rhs.length; r++) {
      for (let at = rows.start[r] as number; at < (rows.start[r + 1] as number); at++) {
        const cell = rows.cells[at] as number;
        this.rowsOf[fill[cell] as number] = r;
        fill[cell] = (fill[cell] as number) + 1;
      }
    }
    this.checked = new Int32Array(rows.rhs.length);
  }

  /** One cell of the next point, at `value` within `bounds` (undefined: no bounds, refused). */
  move(cell: number, value: number, bounds: Bounds | undefined): void {
    if (!Number.isInteger(value) || !bounds || value < bounds.lower || value > bounds.upper) {
      this.refused = true;
    }
    if (this.count === this.moved.length) {
      const grown = new Int32Array(this.moved.length * 2);
      grown.set(this.moved);
      this.moved = grown;
    }
    this.moved[this.count++] = cell;
    this.values[cell] = value;
  }

  /** Refuses the point being built for a reason of the caller's (e.g. a cell it may not move). */
  refuse(): void {
    this.refused = true;
  }

  /**
   * Whether the point of the cells moved since the last check passes; when it does, `visit`
   * sees each moved cell and its value. Puts the point back to the truth.
   */
  holds(visit?: (cell: number, value: number) => void): boolean {
    const stamp = ++this.stamp;
    const { start, cells, coefficients, rhs } = this.rows;
    const values = this.values;
    let ok = !this.refused;
    for (let m = 0; ok && m < this.count; m++) {
      const cell = this.moved[m] as number;
      for (
        let at = this.rowStart[cell] as number;
        ok && at < (this.rowStart[cell + 1] as number);
        at++
      ) {
        const r = this.rowsOf[at] as number;
        if (this.checked[r] === stamp) continue;
        this.checked[r] = stamp;
        let sum = -(rhs[r] as number);
        for (let term = start[r] as number; term < (start[r + 1] as number); term++) {
          sum += (coefficients[term] as number) * (values[cells[term] as number] as number);
        }
        // Written so that a NaN (a cell without a value) refuses the point too.
        if (!(Math.abs(sum) <= EPSILON)) ok = false;
      }
    }
    if (ok && visit) {
      for (let m = 0; m < this.count; m++) {
        const cell = this.moved[m] as number;
        visit(cell, values[cell] as number);
      }
    }
    for (let m = 0; m < this.count; m++) {
      const cell = this.moved[m] as number;
      values[cell] = this.truth[cell] as number;
    }
    this.count = 0;
    this.refused = false;
    return ok;
  }
}
