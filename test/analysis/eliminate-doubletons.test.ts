import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditRanges, hiddenComponents } from "../../analysis/audit-ranges";
import type { CellModel } from "../../analysis/cell-model";
import {
  eliminateDoubletons,
  keptBounds,
  originalValues,
} from "../../analysis/eliminate-doubletons";
import { treeCase, treeModel } from "./random-unit-tree";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

describe("eliminateDoubletons", () => {
  it("substitutes a chain of two-unknown equations away and carries every bound", () => {
    // x0 = x1 (a unit that is its only sub-unit), x1 + x2 = 10, x0 + x3 − x4 = 2.
    const rows = [
      { cells: [0, 1], coefficients: [1, -1], rhs: 0 },
      { cells: [1, 2], coefficients: [1, 1], rhs: 10 },
      { cells: [0, 3, 4], coefficients: [1, 1, -1], rhs: 2 },
    ];
    const elimination = eliminateDoubletons(5, rows);
    // x0 and x1 go (x1 only after x0 = x1 is substituted, or the other way round), with their
    // equations; the three-unknown equation stays, over x2, x3 and x4.
    expect(elimination.columns).toBe(3);
    expect(elimination.rows).toHaveLength(1);
    expect(new Set(elimination.column).size).toBe(3);
    // Any solution of the reduced system gives one of the whole system.
    const reduced = elimination.rows[0] as (typeof elimination.rows)[number];
    const values = new Float64Array(3).fill(1);
    const last = reduced.cells.length - 1;
    let sum = 0;
    reduced.cells.forEach((column, at) => {
      if (at !== last) sum += (reduced.coefficients[at] as number) * (values[column] as number);
    });
    values[reduced.cells[last] as number] =
      (reduced.rhs - sum) / (reduced.coefficients[last] as number);
    const x = originalValues(elimination, values);
    for (const row of rows) {
      const total = row.cells.reduce(
        (acc, cell, at) => acc + (row.coefficients[at] as number) * (x[cell] as number),
        0,
      );
      expect(total).toBeCloseTo(row.rhs, 9);
    }
    // x0 ≤ 3, a removed unknown's bound, holds through the column that x0, x1 and x2 follow
    // from: at either end of that column's bounds, x0 is within 0..3 and x1 + x2 = 10 still.
    const bounds = [0, 1, 2, 3, 4].map((cell) => ({
      lower: 0,
      upper: cell === 0 ? 3 : Number.POSITIVE_INFINITY,
    }));
    const column = elimination.column[0] as number;
    expect(elimination.column[1]).toBe(column);
    expect(elimination.column[2]).toBe(column);
    const b = keptBounds(elimination, bounds)[column] as { lower: number; upper: number };
    const at = (cell: number, y: number) =>
      (elimination.scale[cell] as number) * y + (elimination.offset[cell] as number);
    for (const y of [b.lower, b.upper]) {
      expect(Number.isFinite(y)).toBe(true);
      expect(at(0, y)).toBeGreaterThanOrEqual(0);
      expect(at(0, y)).toBeLessThanOrEqual(3);
      expect(at(1, y) + at(2, y)).toBe(10);
      expect(at(2, y)).toBeGreaterThanOrEqual(0);
    }
    // The whole range 0..3 of x0 is reachable: its bounds are carried, not narrowed.
    expect(Math.abs(at(0, b.upper) - at(0, b.lower))).toBe(3);
  });
});

/** How many unknowns elimination removes in a model's components, and beyond the first pass. */
function eliminated(model: CellModel): { removed: number; cascaded: number } {
  let removed = 0;
  let cascaded = 0;
  for (const { cells, rows } of hiddenComponents(model)) {
    const column = new Map(cells.map((cell, at) => [cell, at]));
    const indexRows = rows.map((row) => ({
      cells: row.cells.map((cell) => column.get(cell) as number),
      coefficients: row.coefficients,
      rhs: row.rhs,
    }));
    const gone = cells.length - eliminateDoubletons(cells.length, indexRows).columns;
    removed += gone;
    cascaded += Math.max(0, gone - indexRows.filter((row) => row.cells.length === 2).length);
  }
  return { removed, cascaded };
}

describe("LP audit with doubletons eliminated", () => {
  // The reduced LP has the same solutions (projected), so each cell's least and greatest value,
  // and so every finding, must be those of the LP over every hidden cell. A removed cell's
  // bounds (a primary cell's 1..k−1, a secondary's k, a known lower bound or cap) hold only
  // through the column it follows from: dropped, the LP allows too much and misses findings.
  it("finds exactly what the LP over every hidden cell finds", () => {
    let removed = 0;
    let cascaded = 0;
    let findings = 0;
    fc.assert(
      fc.property(treeCase, (input) => {
        const plain = auditRanges(highs, treeModel(input), undefined, { eliminate: false });
        const reduced = auditRanges(highs, treeModel(input));
        expect(reduced.exact).toEqual(plain.exact);
        expect(reduced.narrow).toEqual(plain.narrow);
        // Also cell by cell, where no sweep can hide a difference in the single LPs.
        const reducedSingles = auditRanges(highs, treeModel(input), undefined, { sweeps: false });
        expect(reducedSingles.exact).toEqual(plain.exact);
        expect(reducedSingles.narrow).toEqual(plain.narrow);
        const counts = eliminated(treeModel(input));
        removed += counts.removed;
        if (counts.cascaded > 0) cascaded++;
        if (plain.exact.length + plain.narrow.length > 0) findings++;
      }),
      { numRuns: 200, seed: 7 },
    );
    // The generator must give eliminations, cascades and findings to compare.
    expect(removed).toBeGreaterThan(200);
    expect(cascaded).toBeGreaterThan(10);
    expect(findings).toBeGreaterThan(20);
  });
});
