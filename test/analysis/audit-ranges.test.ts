import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditByBounds, auditRanges, noProvenRanges } from "../../analysis/audit-ranges";
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

describe("LP audit of a later round", () => {
  // A later round of protectCells hides one more cell and audits again, carrying what the last
  // audit proved and which cells it found exact. Those are asked first in a relaxation around
  // them (exactInWindow) and, when all open cells are exact there, without the whole LP. A hint
  // taken for a proof, or a relaxation that is not one, would report a cell exact that an
  // attacker cannot pin (or the reverse), and the findings would differ from a fresh audit.
  it("finds what a fresh audit finds, with the last round's hints or with every cell hinted", () => {
    let wrongHints = 0;
    fc.assert(
      fc.property(table, fc.nat(), ({ values, hide }, pick) => {
        const first = tableModel(values, hide);
        const carried = noProvenRanges(first.n.length);
        auditRanges(highs, first, carried);
        const next = () => {
          const model = tableModel(values, hide);
          const publishable = model.n
            .map((count, cell) => (model.hidden[cell] === null && count >= K ? cell : -1))
            .filter((cell) => cell >= 0);
          const more = publishable[pick % Math.max(1, publishable.length)];
          if (more !== undefined) model.hidden[more] = "secondary";
          return model;
        };
        const fresh = auditRanges(highs, next(), undefined, { sweeps: false });
        const everyCell = next();
        const allHinted = {
          ...noProvenRanges(everyCell.n.length),
          exactBefore: Uint8Array.from(everyCell.hidden, (reason) => (reason === null ? 0 : 1)),
        };
        for (const [model, proven] of [
          [next(), carried],
          [everyCell, allHinted],
        ] as const) {
          const found = auditRanges(highs, model, proven);
          expect(found.exact).toEqual(fresh.exact);
          expect(found.narrow).toEqual(fresh.narrow);
        }
        // A hinted cell that is not exact (most of them, with every cell hinted) must be refused.
        const wrongHint = everyCell.hidden.some(
          (reason, cell) =>
            reason !== null && (everyCell.n[cell] as number) > 0 && !fresh.exact.includes(cell),
        );
        if (wrongHint) wrongHints++;
      }),
      { numRuns: 300, seed: 12 },
    );
    expect(wrongHints).toBeGreaterThan(100);
  });
});
