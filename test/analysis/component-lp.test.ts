import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { type Bounds, componentLp } from "../../analysis/component-lp";
import type { Elimination } from "../../analysis/eliminate-doubletons";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/**
 * A rows × columns table whose every cell is hidden and whose row and column totals are
 * published: the LP of such a component is as degenerate as the headcounts' giant component
 * (most costs zero, many optimal vertices).
 */
function table(rows: number, columns: number, counts: readonly number[]) {
  const equations: Elimination["rows"] = [];
  const cellAt = (row: number, column: number) => row * columns + column;
  const total = (cells: number[]) => cells.reduce((sum, cell) => sum + (counts[cell] as number), 0);
  for (let row = 0; row < rows; row++) {
    const cells = Array.from({ length: columns }, (_, column) => cellAt(row, column));
    equations.push({ cells, coefficients: cells.map(() => 1), rhs: total(cells) });
  }
  for (let column = 0; column < columns; column++) {
    const cells = Array.from({ length: rows }, (_, row) => cellAt(row, column));
    equations.push({ cells, coefficients: cells.map(() => 1), rhs: total(cells) });
  }
  const size = rows * columns;
  const reduced: Elimination = {
    columns: size,
    column: Int32Array.from({ length: size }, (_, at) => at),
    scale: new Float64Array(size).fill(1),
    offset: new Float64Array(size),
    rows: equations,
  };
  const bounds: Bounds[] = counts.map(() => ({ lower: 0, upper: Number.POSITIVE_INFINITY }));
  return { reduced, bounds };
}

/** A sweep as the audit runs one: every third cell pushed up, boxed to its count ± 2. */
function sweep(lp: ReturnType<typeof componentLp>, counts: readonly number[], bounds: Bounds[]) {
  const costs = new Float64Array(counts.length);
  for (let cell = 0; cell < counts.length; cell += 3) costs[cell] = 1;
  lp.setBounds(counts.map((n) => ({ lower: Math.max(0, n - 2), upper: n + 2 })));
  lp.run(costs, "max");
  lp.setBounds(bounds);
}

describe("component LP", () => {
  // The audit reads a cell's least and greatest value from LPs asked one after another on one
  // model, each starting from the last one's basis: those answers must be the answers of a
  // model asked afresh, whatever the solver does differently from a warm start.
  it("answers from a warm start what a fresh model answers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 36, maxLength: 36 }),
        fc.array(fc.nat(35), { minLength: 1, maxLength: 6 }),
        (rows, columns, values, asked) => {
          const counts = values.slice(0, rows * columns);
          const { reduced, bounds } = table(rows, columns, counts);
          const warm = componentLp(highs, reduced, bounds);
          try {
            sweep(warm, counts, bounds);
            for (const at of asked) {
              const cell = at % counts.length;
              for (const sense of ["max", "min"] as const) {
                const fresh = componentLp(highs, reduced, bounds);
                try {
                  expect(warm.solve(cell, sense)).toBeCloseTo(
                    fresh.solve(cell, sense) as number,
                    6,
                  );
                } finally {
                  fresh.dispose();
                }
              }
            }
          } finally {
            warm.dispose();
          }
        },
      ),
      { numRuns: 60, seed: 15 },
    );
  });

  // HiGHS's dual simplex perturbs every cost at random against degeneracy; from a warm basis
  // that made each LP of the headcounts' giant component optimise those random costs again
  // (2,000–3,500 iterations whatever it asked). A cell's greatest value after a sweep should take
  // the pivots its own objective needs: with the perturbation these three took 968, without 68.
  it("asks a cell from the last LP's basis without re-optimising random costs", () => {
    let seed = 7;
    const counts = Array.from({ length: 40 * 40 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * 20);
    });
    const { reduced, bounds } = table(40, 40, counts);
    const lp = componentLp(highs, reduced, bounds);
    try {
      sweep(lp, counts, bounds);
      const before = lp.iterations;
      for (const cell of [5, 17, 101]) lp.solve(cell, "max");
      expect(lp.iterations - before).toBeLessThan(200);
    } finally {
      lp.dispose();
    }
  });
});
