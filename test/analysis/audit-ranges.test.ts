import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditByBounds, auditRanges } from "../../analysis/audit-ranges";
import { applyPrimarySuppression, type CellModel, type Equation } from "../../analysis/cell-model";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const K = 5;

/**
 * A rows × cols table with row, column and grand totals (units by a category, say), primary
 * suppression, and the cells `hide` picks among the others hidden with a truthful reason (at
 * least k as secondary, 0 as unanimity). Two-way tables give cells that only the LP finds exact
 * (differences of row and column equations, which bound tightening misses) and many open cells
 * pulling against each other through shared totals: what the batch LPs must not get wrong.
 */
function tableModel(values: number[][], hide: boolean[]): CellModel {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const rowTotals = values.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = Array.from({ length: cols }, (_, j) =>
    values.reduce((sum, row) => sum + (row[j] as number), 0),
  );
  const n = [...values.flat(), ...rowTotals, ...colTotals, rowTotals.reduce((a, b) => a + b, 0)];
  const cell = (i: number, j: number) => i * cols + j;
  const rowTotal = (i: number) => rows * cols + i;
  const colTotal = (j: number) => rows * cols + rows + j;
  const grand = n.length - 1;
  const equations: Equation[] = [
    ...values.map((_, i) => ({
      total: rowTotal(i),
      parts: Array.from({ length: cols }, (_, j) => cell(i, j)),
    })),
    ...Array.from({ length: cols }, (_, j) => ({
      total: colTotal(j),
      parts: values.map((_, i) => cell(i, j)),
    })),
    { total: grand, parts: values.map((_, i) => rowTotal(i)) },
    { total: grand, parts: Array.from({ length: cols }, (_, j) => colTotal(j)) },
  ];
  const model: CellModel = {
    k: K,
    n,
    hidden: n.map(() => null),
    equations,
    upper: n.map(() => Number.POSITIVE_INFINITY),
    cost: [...n],
  };
  applyPrimarySuppression(model);
  n.forEach((count, at) => {
    if (model.hidden[at] !== null || !hide[at % hide.length]) return;
    model.hidden[at] = count >= K ? "secondary" : "unanimity";
  });
  return model;
}

const table = fc
  .record({ rows: fc.integer({ min: 2, max: 6 }), cols: fc.integer({ min: 2, max: 6 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      values: fc.array(
        fc.array(fc.integer({ min: 0, max: 14 }), { minLength: cols, maxLength: cols }),
        { minLength: rows, maxLength: rows },
      ),
      hide: fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }),
    }),
  );

describe("LP audit sweeps", () => {
  // The batch LPs (sweeps) only show cells wide; every finding comes from the LPs asking a cell
  // alone. A sweep that recorded a point off the attacker's system (a bound or an equation
  // broken) would show an exact or narrow cell wide, and the findings would differ.
  it("find exactly what asking every hidden cell by its own LPs finds", () => {
    let compared = 0;
    fc.assert(
      fc.property(table, ({ values, hide }) => {
        const build = () => tableModel(values, hide);
        const withSweeps = auditRanges(highs, build());
        const cellByCell = auditRanges(highs, build(), undefined, { sweeps: false });
        expect(withSweeps.exact).toEqual(cellByCell.exact);
        expect(withSweeps.narrow).toEqual(cellByCell.narrow);
        // Findings only an LP makes (bound tightening leaves them open) are what a sweep could
        // wrongly clear.
        const quick = auditByBounds(build());
        const byLp = [...withSweeps.exact, ...withSweeps.narrow].filter(
          (cell) => !quick.exact.includes(cell) && !quick.narrow.includes(cell),
        );
        if (byLp.length > 0) compared++;
      }),
      { numRuns: 300, seed: 14 },
    );
    // The generator must give findings to compare, not only clean models.
    expect(compared).toBeGreaterThan(10);
  });

  it("ask fewer LPs than cell by cell on a model with many open cells", () => {
    const values = Array.from({ length: 8 }, (_, i) =>
      Array.from({ length: 6 }, (_, j) => ((i * 7 + j * 3) % 5) + (j % 2) * 6),
    );
    const hide = [true, false, true, false, false];
    const withSweeps = auditRanges(highs, tableModel(values, hide));
    const cellByCell = auditRanges(highs, tableModel(values, hide), undefined, {
      sweeps: false,
    });
    expect(withSweeps.exact).toEqual(cellByCell.exact);
    expect(withSweeps.narrow).toEqual(cellByCell.narrow);
    expect(withSweeps.solves).toBeLessThan(cellByCell.solves);
  });
});
