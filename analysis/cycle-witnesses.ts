import { type Bounds, EPSILON, type Seen } from "./component-lp";
import type { Elimination } from "./eliminate-doubletons";
import { type CheckRows, PointCheck } from "./point-check";

/**
 * Model-A proofs of width without an LP, from the shape of a component's reduced equations.
 * After two-cell equations are substituted away (eliminate-doubletons.ts), most of the giant
 * headcount component's columns lie in exactly two equations with coefficients ±1: a signed
 * graph, equations its nodes and columns its edges. Moving a small group's column by t unbalances
 * its two equations by ±t; a path of such columns from one back to the other, each moved by ±t
 * to balance the equation it enters, closes an alternating cycle that leaves every reduced
 * equation balanced. Its point is the truth moved along the cycle. Each point is checked
 * against every equation of the component over its cells (not the reduced ones the search
 * used), every moved cell's bounds and integrality before it widens `seen`: a wrong cycle
 * costs a proof, never a finding. What the cycles leave open goes to the LP sweeps as before.
 */

/** Breadth-first states (equation, sign carried) looked at per search, at most. */
const MAX_STATES = 400;

/** Checked points, flat: point p moves `cells[ends[p − 1]..ends[p]]` to `values` there. */
export interface WitnessMoves {
  cells: Int32Array;
  values: Float64Array;
  ends: Int32Array;
}

export interface CycleWitnessTask {
  /** True counts per cell. */
  n: readonly number[];
  /** The attacker's bounds per cell (model A: from the values alone). */
  bounds: readonly Bounds[];
  /** The width each small group needs. */
  need: readonly number[];
  /** Values seen per cell; widened by every checked point. */
  seen: Seen;
  /** The small groups still to prove. */
  open: (index: number) => boolean;
}

export interface CycleWitnessResult {
  /** Points that passed the check. */
  points: number;
  /** Points refused by it. */
  refused: number;
  /** The checked points, when asked for (`keep`). */
  moves?: WitnessMoves;
}

/**
 * Tries, for each open small group, the shortest alternating cycle through it with room for
 * the distance it still needs, up first, then down, and keeps each point the check passes.
 */
export function cycleWitnesses(
  reduced: Elimination,
  check: CheckRows,
  task: CycleWitnessTask,
  { keep = false }: { keep?: boolean } = {},
): CycleWitnessResult {
  const { n, need, seen, open } = task;
  const result: CycleWitnessResult = { points: 0, refused: 0 };
  const targets: number[] = [];
  for (let index = 0; index < n.length; index++) if (open(index)) targets.push(index);
  if (targets.length === 0) return result;
  const graph = new SignedGraph(reduced, task.bounds, n);
  const point = new PointCheck(check, n);
  const moved = { cells: [] as number[], values: [] as number[], ends: [] as number[] };
  const moveCell = (cell: number, delta: number) =>
    point.move(cell, (n[cell] as number) + delta, task.bounds[cell]);
  const widen = (cell: number, value: number) => {
    const range = seen[cell] as { low: number; high: number };
    if (value < range.low) range.low = value;
    if (value > range.high) range.high = value;
    if (keep) {
      moved.cells.push(cell);
      moved.values.push(value);
    }
  };
  const tryMove = (index: number, sign: 1 | -1, t: number) => {
    if (graph.move(index, sign, t) === 0) return;
    graph.forMoved(moveCell);
    graph.reset();
    if (!point.holds(widen)) {
      result.refused++;
      return;
    }
    result.points++;
    if (keep) moved.ends.push(moved.cells.length);
  };
  // How far a group must move up (or down) from its true value to show its need.
  const up = (index: number) => {
    const range = seen[index] as { low: number; high: number };
    return Math.ceil((need[index] as number) + range.low - (n[index] as number) - EPSILON);
  };
  const down = (index: number) => {
    const range = seen[index] as { low: number; high: number };
    return Math.ceil((need[index] as number) - range.high + (n[index] as number) - EPSILON);
  };
  for (const index of targets) {
    if (!open(index)) continue;
    tryMove(index, 1, up(index));
    if (open(index)) tryMove(index, -1, down(index));
    // Neither alone: a small group rarely moves k down, and a cycle moving it k up needs k in
    // every cell it takes from. Down as far as its own bounds let it, then up the rest.
    if (open(index)) {
      const floor = (n[index] as number) - (task.bounds[index] as Bounds).lower;
      tryMove(index, -1, Math.min(floor, down(index) - 1));
      if (open(index)) tryMove(index, 1, up(index));
    }
  }
  if (keep) {
    result.moves = {
      cells: Int32Array.from(moved.cells),
      values: Float64Array.from(moved.values),
      ends: Int32Array.from(moved.ends),
    };
  }
  return result;
}

/**
 * The reduced equations as a signed graph: a column in exactly two equations, both with
 * coefficient ±1, is an edge between them. A point is built as a shift of the columns from the
 * truth, cycle by cycle, each with room from the shift so far.
 */
class SignedGraph {
  /** Per column, its two equations and their coefficients (−1: not an edge). */
  private readonly ends: Int32Array;
  private readonly signs: Int8Array;
  /** Per equation, its edge columns: `edgeColumns[edgeStart[r]..edgeStart[r + 1]]`. */
  private readonly edgeStart: Int32Array;
  private readonly edgeColumns: Int32Array;
  /** Per column, how far it moves up and down with every cell mapped to it in bounds. */
  private readonly roomUp: Float64Array;
  private readonly roomDown: Float64Array;
  /** Per column, its cells: `columnCells[cellStart[c]..cellStart[c + 1]]`. */
  private readonly cellStart: Int32Array;
  private readonly columnCells: Int32Array;
  /** Per column, how many equations hold it. */
  private readonly degree: Int32Array;
  /** Per column, 1 when it is an edge (two equations, coefficients ±1). */
  private readonly edge: Uint8Array;
  // Breadth-first search state, reused: per state (equation · 2 + carried sign > 0).
  private readonly visited: Int32Array;
  private readonly parent: Int32Array;
  private readonly via: Int32Array;
  private readonly viaSign: Int8Array;
  private readonly queue = new Int32Array(MAX_STATES);
  private search = 0;
  /** The point being built: per column, its shift from the truth; the columns shifted. */
  private readonly shift: Float64Array;
  private readonly touched: number[] = [];
  private readonly isTouched: Uint8Array;

  constructor(
    private readonly reduced: Elimination,
    bounds: readonly Bounds[],
    n: readonly number[],
  ) {
    const { columns, rows, column, scale } = reduced;
    this.degree = new Int32Array(columns);
    this.ends = new Int32Array(columns * 2).fill(-1);
    this.signs = new Int8Array(columns * 2);
    const unit = new Uint8Array(columns).fill(1);
    rows.forEach((row, r) => {
      row.cells.forEach((col, at) => {
        const coefficient = row.coefficients[at] as number;
        const d = this.degree[col] as number;
        if (Math.abs(coefficient) !== 1) unit[col] = 0;
        if (d < 2) {
          this.ends[col * 2 + d] = r;
          this.signs[col * 2 + d] = coefficient;
        }
        this.degree[col] = d + 1;
      });
    });
    this.edge = Uint8Array.from(this.degree, (d, col) => (d === 2 && unit[col] === 1 ? 1 : 0));
    const isEdge = (col: number) => this.edge[col] === 1;
    this.edgeStart = new Int32Array(rows.length + 1);
    for (let col = 0; col < columns; col++) {
      if (!isEdge(col)) continue;
      for (const side of [0, 1]) {
        const r = this.ends[col * 2 + side] as number;
        this.edgeStart[r + 1] = (this.edgeStart[r + 1] as number) + 1;
      }
    }
    for (let r = 0; r < rows.length; r++) {
      this.edgeStart[r + 1] = (this.edgeStart[r + 1] as number) + (this.edgeStart[r] as number);
    }
    this.edgeColumns = new Int32Array(this.edgeStart[rows.length] as number);
    const fill = this.edgeStart.slice(0, rows.length);
    for (let col = 0; col < columns; col++) {
      if (!isEdge(col)) continue;
      for (const side of [0, 1]) {
        const r = this.ends[col * 2 + side] as number;
        this.edgeColumns[fill[r] as number] = col;
        fill[r] = (fill[r] as number) + 1;
      }
    }
    this.roomUp = new Float64Array(columns).fill(Number.POSITIVE_INFINITY);
    this.roomDown = new Float64Array(columns).fill(Number.POSITIVE_INFINITY);
    this.cellStart = new Int32Array(columns + 1);
    for (let cell = 0; cell < column.length; cell++) {
      const col = column[cell] as number;
      this.cellStart[col + 1] = (this.cellStart[col + 1] as number) + 1;
      const b = bounds[cell] as Bounds;
      const value = n[cell] as number;
      // x = scale·y + offset: y up moves x up when scale > 0, down otherwise.
      const up = (scale[cell] as number) > 0 ? b.upper - value : value - b.lower;
      const down = (scale[cell] as number) > 0 ? value - b.lower : b.upper - value;
      if (up < (this.roomUp[col] as number)) this.roomUp[col] = up;
      if (down < (this.roomDown[col] as number)) this.roomDown[col] = down;
    }
    for (let col = 0; col < columns; col++) {
      this.cellStart[col + 1] =
        (this.cellStart[col + 1] as number) + (this.cellStart[col] as number);
    }
    this.columnCells = new Int32Array(column.length);
    const next = this.cellStart.slice(0, columns);
    for (let cell = 0; cell < column.length; cell++) {
      const col = column[cell] as number;
      this.columnCells[next[col] as number] = cell;
      next[col] = (next[col] as number) + 1;
    }
    this.visited = new Int32Array(rows.length * 2);
    this.parent = new Int32Array(rows.length * 2);
    this.via = new Int32Array(rows.length * 2);
    this.viaSign = new Int8Array(rows.length * 2);
    this.shift = new Float64Array(columns);
    this.isTouched = new Uint8Array(columns);
  }

  /**
   * Moves `cell` by `sign`·t in the point being built, by one cycle carrying all of t or, when
   * there is none, by cycles of one at a time (augmenting paths: several short of room for t may
   * together carry it). Answers how far it moved.
   */
  move(cell: number, sign: 1 | -1, t: number): number {
    if (!(t > 0)) return 0;
    if (this.cycle(cell, sign, t)) return t;
    let moved = 0;
    while (t > 1 && moved < t && this.cycle(cell, sign, 1)) moved++;
    return moved;
  }

  /** Calls `visit` with each cell the point being built moves, and by how much. */
  forMoved(visit: (cell: number, delta: number) => void): void {
    for (const col of this.touched) {
      const shift = this.shift[col] as number;
      if (shift === 0) continue;
      for (let at = this.cellStart[col] as number; at < (this.cellStart[col + 1] as number); at++) {
        const cell = this.columnCells[at] as number;
        visit(cell, (this.reduced.scale[cell] as number) * shift);
      }
    }
  }

  /** Back to the truth. */
  reset(): void {
    for (const col of this.touched) {
      this.shift[col] = 0;
      this.isTouched[col] = 0;
    }
    this.touched.length = 0;
  }

  private shiftBy(col: number, by: number): void {
    if (!this.isTouched[col]) {
      this.isTouched[col] = 1;
      this.touched.push(col);
    }
    this.shift[col] = (this.shift[col] as number) + by;
  }

  private room(col: number, step: number, t: number): boolean {
    const shift = this.shift[col] as number;
    return step > 0
      ? (this.roomUp[col] as number) - shift >= t
      : (this.roomDown[col] as number) + shift >= t;
  }

  /**
   * Adds to the point being built the shortest cycle moving `cell` by `sign`·t, every column
   * with room for t; false when none is found within `MAX_STATES` states or the cell's column is
   * no edge (and in some equation).
   */
  private cycle(cell: number, sign: 1 | -1, t: number): boolean {
    const start = this.reduced.column[cell] as number;
    const step = sign * (this.reduced.scale[cell] as number);
    if (!this.room(start, step, t)) return false;
    // A column in no equation moves alone.
    if (this.degree[start] === 0) {
      this.shiftBy(start, step * t);
      return true;
    }
    if (this.edge[start] !== 1) return false;
    // Leave by the first equation, carrying its imbalance; come back into the second with the
    // opposite of what the start column puts there.
    const from = this.ends[start * 2] as number;
    const into = this.ends[start * 2 + 1] as number;
    const goal = into * 2 + (-(this.signs[start * 2 + 1] as number) * step > 0 ? 1 : 0);
    const search = ++this.search;
    const first = from * 2 + ((this.signs[start * 2] as number) * step > 0 ? 1 : 0);
    this.visited[first] = search;
    this.parent[first] = -1;
    this.queue[0] = first;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const state = this.queue[head++] as number;
      const r = state >> 1;
      const carried = state & 1 ? 1 : -1;
      for (let e = this.edgeStart[r] as number; e < (this.edgeStart[r + 1] as number); e++) {
        const col = this.edgeColumns[e] as number;
        if (col === start) continue;
        const side = this.ends[col * 2] === r ? 0 : 1;
        // coefficient·move + carried = 0, coefficients ±1.
        const move = -carried * (this.signs[col * 2 + side] as number);
        if (!this.room(col, move, t)) continue;
        const other = this.ends[col * 2 + 1 - side] as number;
        const next = other * 2 + ((this.signs[col * 2 + 1 - side] as number) * move > 0 ? 1 : 0);
        if (this.visited[next] === search) continue;
        this.visited[next] = search;
        this.parent[next] = state;
        this.via[next] = col;
        this.viaSign[next] = move;
        if (next === goal) {
          this.shiftBy(start, step * t);
          for (let at = next; this.parent[at] !== -1; at = this.parent[at] as number) {
            this.shiftBy(this.via[at] as number, (this.viaSign[at] as number) * t);
          }
          return true;
        }
        if (tail === MAX_STATES) return false;
        this.queue[tail++] = next;
      }
    }
    return false;
  }
}
