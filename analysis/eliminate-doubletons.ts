/**
 * Fewer unknowns before the LP: an equation with exactly two unknowns, a·x + b·y = c with
 * a = ±1, gives x = m·y + t (m = −b/a, t = c/a), so x is substituted away in every other
 * equation and dropped, with its bounds carried over to y (lower ≤ m·y + t ≤ upper). That can
 * make new two-unknown equations, which are eliminated in turn. The reduced system has exactly
 * the solutions of the original, projected: every solution of it gives one of the original
 * through the affine maps, and every original solution is one of these. So the least and
 * greatest value of any unknown follow from the reduced LP (its map is affine), and findings
 * made on it are the findings of the full LP.
 */

/** An equation Σ coefficient·x[column] = rhs over column indices. */
export interface LinearRow {
  cells: number[];
  coefficients: number[];
  rhs: number;
}

/** A reduced system and how each original unknown follows from it. */
export interface Elimination {
  /** Unknowns left (LP columns). */
  columns: number;
  /** Per original unknown: the kept column it follows from. */
  column: Int32Array;
  /** Per original unknown: x = scale·y[column] + offset. */
  scale: Float64Array;
  offset: Float64Array;
  /** The remaining equations, over kept columns. */
  rows: LinearRow[];
}

/**
 * Only equations whose two coefficients are ±1 of each other are used, so every map has a
 * factor of ±1 and the reduced system keeps small whole numbers (a merge can make a coefficient
 * of 2, which is then left in place).
 */
const MAX_SCALE = 1;

/** Eliminates two-unknown equations, cascading, from a system of `size` unknowns. */
export function eliminateDoubletons(size: number, rows: readonly LinearRow[]): Elimination {
  // Plain loops and a typed rhs: the arrays made by `map` here varied in elements kind from call
  // to call (rows.map, row.cells.forEach and rhs[row] deoptimised), and each new kind made
  // TurboFan compile this function again.
  const terms: Map<number, number>[] = [];
  const rhs = new Float64Array(rows.length);
  for (let row = 0; row < rows.length; row++) {
    const { cells, coefficients } = rows[row] as LinearRow;
    const map = new Map<number, number>();
    for (let at = 0; at < cells.length; at++) {
      const cell = cells[at] as number;
      const sum = (map.get(cell) ?? 0) + (coefficients[at] as number);
      if (sum === 0) map.delete(cell);
      else map.set(cell, sum);
    }
    terms.push(map);
    rhs[row] = (rows[row] as LinearRow).rhs;
  }
  const alive = new Uint8Array(rows.length).fill(1);
  const rowsOf: Set<number>[] = Array.from({ length: size }, () => new Set());
  terms.forEach((map, row) => {
    for (const cell of map.keys()) rowsOf[cell]?.add(row);
  });
  // Substitutions made, in order: x[removed] = factor·x[kept] + shift.
  const via = new Int32Array(size).fill(-1);
  const factor = new Float64Array(size).fill(1);
  const shift = new Float64Array(size);
  const queue: number[] = [];
  terms.forEach((map, row) => {
    if (map.size === 2) queue.push(row);
  });
  while (queue.length > 0) {
    const row = queue.pop() as number;
    const map = terms[row] as Map<number, number>;
    if (!alive[row] || map.size !== 2) continue;
    const [[p, a], [q, b]] = [...map.entries()] as [[number, number], [number, number]];
    // Remove an unknown with coefficient ±1 (an integer factor), the one in fewer equations.
    const choices = [
      { removed: p, a, kept: q, b },
      { removed: q, a: b, kept: p, b: a },
    ].filter(({ a, b }) => Math.abs(a) === 1 && Math.abs(b / a) <= MAX_SCALE);
    if (choices.length === 0) continue;
    choices.sort(
      (x, y) => (rowsOf[x.removed] as Set<number>).size - (rowsOf[y.removed] as Set<number>).size,
    );
    const { removed, a: ar, kept, b: bk } = choices[0] as (typeof choices)[number];
    const m = -bk / ar;
    const t = (rhs[row] as number) / ar;
    alive[row] = 0;
    rowsOf[removed]?.delete(row);
    rowsOf[kept]?.delete(row);
    via[removed] = kept;
    factor[removed] = m;
    shift[removed] = t;
    for (const other of rowsOf[removed] as Set<number>) {
      const otherMap = terms[other] as Map<number, number>;
      const alpha = otherMap.get(removed) as number;
      otherMap.delete(removed);
      rhs[other] = (rhs[other] as number) - alpha * t;
      const sum = (otherMap.get(kept) ?? 0) + alpha * m;
      if (sum === 0) {
        otherMap.delete(kept);
        rowsOf[kept]?.delete(other);
      } else {
        otherMap.set(kept, sum);
        rowsOf[kept]?.add(other);
      }
      // An equation left with no unknown holds at every solution (0 = 0): drop it.
      if (otherMap.size === 0) alive[other] = 0;
      else if (otherMap.size === 2) queue.push(other);
    }
    rowsOf[removed]?.clear();
  }

  // Resolve chains (x → y → z) to the kept column at their end.
  const scale = new Float64Array(size);
  const offset = new Float64Array(size);
  const root = new Int32Array(size).fill(-1);
  const resolve = (cell: number): void => {
    if (root[cell] !== -1) return;
    const next = via[cell] as number;
    if (next === -1) {
      root[cell] = cell;
      scale[cell] = 1;
      offset[cell] = 0;
      return;
    }
    resolve(next);
    root[cell] = root[next] as number;
    scale[cell] = (factor[cell] as number) * (scale[next] as number);
    offset[cell] = (factor[cell] as number) * (offset[next] as number) + (shift[cell] as number);
  };
  for (let cell = 0; cell < size; cell++) resolve(cell);

  const columnOf = new Int32Array(size).fill(-1);
  let columns = 0;
  for (let cell = 0; cell < size; cell++) {
    if (via[cell] === -1) columnOf[cell] = columns++;
  }
  const column = Int32Array.from(root, (cell) => columnOf[cell] as number);
  const reduced: LinearRow[] = [];
  terms.forEach((map, row) => {
    if (!alive[row]) return;
    const cells: number[] = [];
    const coefficients: number[] = [];
    for (const [cell, coefficient] of map) {
      cells.push(columnOf[cell] as number);
      coefficients.push(coefficient);
    }
    reduced.push({ cells, coefficients, rhs: rhs[row] as number });
  });
  return { columns, column, scale, offset, rows: reduced };
}

type Bounds = { lower: number; upper: number };

/**
 * Bounds of the kept columns: each original unknown's bounds, carried through its map
 * (lower ≤ scale·y + offset ≤ upper), intersected per column.
 */
export function keptBounds(elimination: Elimination, bounds: readonly Bounds[]): Bounds[] {
  const { lower, upper } = keptBoundArrays(elimination, bounds);
  return Array.from(lower, (low, at) => ({ lower: low, upper: upper[at] as number }));
}

/**
 * `keptBounds` as two arrays, lower and upper per kept column: what the LP is given at every
 * sweep and single LP, without an object per column.
 */
export function keptBoundArrays(
  elimination: Elimination,
  bounds: readonly Bounds[],
): { lower: Float64Array; upper: Float64Array } {
  const { column, scale, offset } = elimination;
  const lower = new Float64Array(elimination.columns).fill(Number.NEGATIVE_INFINITY);
  const upper = new Float64Array(elimination.columns).fill(Number.POSITIVE_INFINITY);
  for (let cell = 0; cell < bounds.length; cell++) {
    const b = bounds[cell] as Bounds;
    const m = scale[cell] as number;
    const t = offset[cell] as number;
    const at = column[cell] as number;
    const low = m > 0 ? (b.lower - t) / m : (b.upper - t) / m;
    const high = m > 0 ? (b.upper - t) / m : (b.lower - t) / m;
    if (low > (lower[at] as number)) lower[at] = low;
    if (high < (upper[at] as number)) upper[at] = high;
  }
  return { lower, upper };
}

/** An objective over the original unknowns as costs of the kept columns plus a constant. */
export function keptCosts(
  elimination: Elimination,
  costs: Float64Array,
): { costs: Float64Array; constant: number } {
  const kept = new Float64Array(elimination.columns);
  let constant = 0;
  costs.forEach((cost, cell) => {
    if (cost === 0) return;
    const at = elimination.column[cell] as number;
    kept[at] = (kept[at] as number) + cost * (elimination.scale[cell] as number);
    constant += cost * (elimination.offset[cell] as number);
  });
  return { costs: kept, constant };
}

/** The original unknowns' values at a solution of the reduced system. */
export function originalValues(elimination: Elimination, values: ArrayLike<number>): Float64Array {
  const { column, scale, offset } = elimination;
  const out = new Float64Array(column.length);
  for (let cell = 0; cell < column.length; cell++) {
    out[cell] =
      (scale[cell] as number) * (values[column[cell] as number] as number) +
      (offset[cell] as number);
  }
  return out;
}
