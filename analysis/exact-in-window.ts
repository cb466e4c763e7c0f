import type { Highs } from "highs";
import { type Bounds, componentLp, EPSILON } from "./component-lp";
import { eliminateDoubletons, type LinearRow } from "./eliminate-doubletons";

/**
 * Cells in a window at most: the largest whole ring of equations around the cell within this
 * many cells is taken. At 1,000 units the cells a later round asks again were exact within 4–5
 * rings (400–3,700 cells, an LP of 5–40 ms against 100 ms and more for the giant component's).
 */
export const WINDOW_CELLS = 4000;

/** A component's equations over its cell indices, and the equations holding each cell. */
export interface WindowSystem {
  rows: readonly LinearRow[];
  rowsOf: readonly (readonly number[])[];
  /** Each cell's bounds (model B: values and reasons). */
  bounds: readonly Bounds[];
}

/** The window system of `rows` over cells with these `bounds` (each cell's equations indexed). */
export function windowSystem(rows: readonly LinearRow[], bounds: readonly Bounds[]): WindowSystem {
  const rowsOf: number[][] = bounds.map(() => []);
  rows.forEach((row, at) => {
    for (const cell of row.cells) rowsOf[cell]?.push(at);
  });
  return { rows, rowsOf, bounds };
}

/**
 * Whether a hidden cell is exact already in a relaxation of its component's system: the
 * equations reached from it through hidden cells, ring by ring while the window stays within
 * `maxCells`, every other equation dropped (each cell of the window keeps its own bounds).
 * Dropping equations only adds solutions, so the relaxation's least value is at most the whole
 * system's and its greatest at least; when they still meet on one integer (the whole LP's own
 * test), the cell is exact in the whole system as well. False proves nothing: the caller asks
 * the whole LP.
 */
export function exactInWindow(
  highs: Highs,
  system: WindowSystem,
  index: number,
  maxCells = WINDOW_CELLS,
): { exact: boolean; solves: number } {
  const { rows, rowsOf, bounds } = system;
  // Window cell → its column; equations taken (each holds window cells only).
  const local = new Map<number, number>([[index, 0]]);
  const taken: number[] = [];
  const seenRows = new Set<number>();
  let frontier = [index];
  while (frontier.length > 0) {
    const ring = new Set<number>();
    const ringRows: number[] = [];
    for (const cell of frontier) {
      for (const row of rowsOf[cell] ?? []) {
        if (seenRows.has(row)) continue;
        seenRows.add(row);
        ringRows.push(row);
        for (const other of (rows[row] as LinearRow).cells) {
          if (!local.has(other)) ring.add(other);
        }
      }
    }
    // The first ring is always taken: without the cell's own equations nothing is pinned.
    if (taken.length > 0 && local.size + ring.size > maxCells) break;
    taken.push(...ringRows);
    for (const cell of ring) local.set(cell, local.size);
    frontier = [...ring];
  }
  // Built by push, as indexRows (audit-ranges.ts): one elements kind for eliminateDoubletons.
  const windowRows: LinearRow[] = [];
  for (const row of taken) {
    const { cells, coefficients, rhs } = rows[row] as LinearRow;
    const windowCells: number[] = [];
    for (const cell of cells) windowCells.push(local.get(cell) as number);
    windowRows.push({ cells: windowCells, coefficients, rhs });
  }
  const windowBounds: Bounds[] = [];
  for (const cell of local.keys()) windowBounds.push(bounds[cell] as Bounds);
  const lp = componentLp(highs, eliminateDoubletons(local.size, windowRows), windowBounds);
  try {
    const max = lp.solve(0, "max");
    const min = max === null ? null : lp.solve(0, "min");
    const exact =
      max !== null && min !== null && Math.floor(max + EPSILON) <= Math.ceil(min - EPSILON);
    return { exact, solves: lp.solves };
  } finally {
    lp.dispose();
  }
}
