import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditRanges, noProvenRanges } from "../../analysis/audit-ranges";
import {
  runSmallGroupJob,
  type SmallGroupJob,
  type SmallGroupSolver,
} from "../../analysis/audit-small-groups";
import type { CellModel } from "../../analysis/cell-model";
import { cycleWitnesses } from "../../analysis/cycle-witnesses";
import { eliminateDoubletons, type LinearRow } from "../../analysis/eliminate-doubletons";
import { checkRows } from "../../analysis/point-check";

let highs: Highs;
let other: Highs;
beforeAll(async () => {
  highs = await highsLoader();
  other = await highsLoader();
});

/**
 * An r × c table whose inner cells are all hidden and whose row and column totals are
 * published: per row and column, Σ cells = total, over the inner cells' indices (row-major).
 */
function marginRows(values: number[][]): LinearRow[] {
  const columns = (values[0] as number[]).length;
  const rows: LinearRow[] = values.map((row, r) => ({
    cells: row.map((_, c) => r * columns + c),
    coefficients: row.map(() => 1),
    rhs: row.reduce((sum, value) => sum + value, 0),
  }));
  for (let c = 0; c < columns; c++) {
    rows.push({
      cells: values.map((_, r) => r * columns + c),
      coefficients: values.map(() => 1),
      rhs: values.reduce((sum, row) => sum + (row[c] as number), 0),
    });
  }
  return rows;
}

/** The model-A job of such a table: cell 0 the only small group, k = 5, nothing seen yet. */
function tableJob(values: number[][], rows = marginRows(values)): SmallGroupJob {
  const n = values.flat();
  return {
    reduced: eliminateDoubletons(n.length, marginRows(values)),
    bounds: n.map(() => ({ lower: 0, upper: Number.POSITIVE_INFINITY })),
    n,
    k: 5,
    need: n.map(() => 5),
    small: Uint8Array.from(n, (_, index) => (index === 0 ? 1 : 0)),
    proven: new Uint8Array(n.length),
    tight: {
      lows: n.map(() => 0),
      highs: n.map(() => Number.POSITIVE_INFINITY),
    },
    seen: n.map((value) => ({ low: value, high: value })),
    sweeps: true,
    keepPoints: true,
    checkRows: checkRows(rows),
  };
}

function width(seen: { low: number; high: number }[], index: number): number {
  const range = seen[index] as { low: number; high: number };
  return range.high - range.low;
}

const TABLE = [
  [2, 7, 9],
  [8, 6, 5],
  [9, 5, 7],
];

describe("cycle witnesses for model A", () => {
  // Row and column totals published: 2 can move to 7 (or 0) with 7 → 2, 6 → 11 and 8 → 3, so
  // an attacker cannot narrow it below k. The cycle shows that without an LP.
  it("shows a small group wide by a cycle of hidden cells, without an LP", () => {
    const found = runSmallGroupJob(highs, tableJob(TABLE));
    expect(found.solves).toBe(0);
    expect(found.wide).toEqual([0]);
    expect(found.narrow).toEqual([]);
    const { cells, values, ends } = found.moves as NonNullable<typeof found.moves>;
    expect(ends.length).toBeGreaterThan(0);
    const moved = values[Array.from(cells).indexOf(0)] as number;
    expect(Math.abs(moved - 2)).toBeGreaterThanOrEqual(5);
    // Without the check rows (no witnesses), the LP has to show it.
    const { checkRows: _, ...plain } = tableJob(TABLE);
    const byLp = runSmallGroupJob(highs, plain);
    expect(byLp.solves).toBeGreaterThan(0);
    expect(byLp.wide).toEqual([0]);
  });

  // The search knows only the reduced equations; the check is what makes a point count. An
  // equation it does not know (here "cell 0 = 2", as a published cell would pin it) refuses
  // every cycle through the group, and nothing is shown wide by them.
  it("refuses a point that breaks an equation the cycle does not know", () => {
    const pinned = [...marginRows(TABLE), { cells: [0], coefficients: [1], rhs: 2 }];
    const job = tableJob(TABLE, pinned);
    const shown = cycleWitnesses(job.reduced, checkRows(pinned), {
      n: job.n,
      bounds: job.bounds,
      need: job.need,
      seen: job.seen,
      open: (index) => index === 0 && width(job.seen, 0) < 5,
    });
    expect(shown.refused).toBeGreaterThan(0);
    expect(shown.points).toBe(0);
    expect(job.seen[0]).toEqual({ low: 2, high: 2 });
  });

  // Every kept point is a whole solution within the attacker's bounds: here each cell's cap is
  // its true value + 2, and some cells' known lower bound is their true value − 1.
  it("moves no cell past its bounds", () => {
    let points = 0;
    fc.assert(
      fc.property(
        randomTable,
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 36 }),
        (values, kinds) => {
          const rows = marginRows(values);
          const n = values.flat();
          const bounds = n.map((value, index) => {
            const kind = kinds[index] ?? 0;
            return {
              lower: kind === 1 ? Math.max(0, value - 1) : 0,
              upper: kind === 2 ? value + 2 : Number.POSITIVE_INFINITY,
            };
          });
          const seen = n.map((value) => ({ low: value, high: value }));
          const shown = cycleWitnesses(
            eliminateDoubletons(n.length, rows),
            checkRows(rows),
            {
              n,
              bounds,
              need: n.map(() => 5),
              seen,
              open: (index) => width(seen, index) < 5,
            },
            { keep: true },
          );
          const { cells, values: moved, ends } = shown.moves as NonNullable<typeof shown.moves>;
          let from = 0;
          for (const end of ends) {
            const point = [...n];
            for (let at = from; at < end; at++) point[cells[at] as number] = moved[at] as number;
            point.forEach((value, index) => {
              const { lower, upper } = bounds[index] as { lower: number; upper: number };
              expect(Number.isInteger(value)).toBe(true);
              expect(value).toBeGreaterThanOrEqual(lower);
              expect(value).toBeLessThanOrEqual(upper);
            });
            for (const row of rows) {
              const sum = row.cells.reduce(
                (s, cell, at) => s + (row.coefficients[at] as number) * (point[cell] as number),
                0,
              );
              expect(sum).toBe(row.rhs);
            }
            from = end;
            points++;
          }
          expect(shown.refused).toBe(0);
        },
      ),
      { numRuns: 80, seed: 17 },
    );
    expect(points).toBeGreaterThan(100);
  });

  // A finding is a property of the attacker's system: the witnesses may only prove groups wide
  // sooner. Tables with some inner cells published, so that some groups are narrow.
  it("finds what the LPs alone find, on random tables", () => {
    let narrow = 0;
    const solves = { alone: 0, cycles: 0 };
    const solver = secondSolver();
    fc.assert(
      fc.property(randomTable, fc.array(fc.boolean(), { minLength: 36 }), (values, shown) => {
        const alone = auditRanges(highs, tableModel(values, shown));
        for (const smallGroups of [undefined, solver]) {
          const model = tableModel(values, shown);
          const proven = noProvenRanges(model.n.length, { keepPoints: true });
          const found = auditRanges(highs, model, proven, { witnessesFrom: 0, smallGroups });
          expect(found.narrow).toEqual(alone.narrow);
          expect(found.exact).toEqual(alone.exact);
          if (!smallGroups) solves.cycles += found.solves;
        }
        solves.alone += alone.solves;
        narrow += alone.narrow.length;
      }),
      { numRuns: 80, seed: 17 },
    );
    expect(narrow).toBeGreaterThan(10);
    // The witnesses did move cells, on the other thread too, and saved LPs.
    expect(solver.moves).toBeGreaterThan(50);
    expect(solves.cycles).toBeLessThan(solves.alone);
  });
});

const randomTable = fc
  .tuple(fc.integer({ min: 3, max: 6 }), fc.integer({ min: 3, max: 6 }))
  .chain(([rows, columns]) =>
    fc.array(
      fc.array(fc.integer({ min: 0, max: 12 }), { minLength: columns, maxLength: columns }),
      {
        minLength: rows,
        maxLength: rows,
      },
    ),
  );

/**
 * The table as a cell model: inner cells (row-major), then row totals, column totals and the
 * grand total, all totals published. Inner cells of 1..4 are hidden as primary, zeros published,
 * the others hidden as secondary (at least k) unless `shown` publishes them.
 */
function tableModel(values: number[][], shown: boolean[]): CellModel {
  const r = values.length;
  const c = (values[0] as number[]).length;
  const inner = values.flat();
  const rowTotals = values.map((row) => row.reduce((s, v) => s + v, 0));
  const columnTotals = Array.from({ length: c }, (_, j) =>
    values.reduce((s, row) => s + (row[j] as number), 0),
  );
  const grand = rowTotals.reduce((s, v) => s + v, 0);
  const n = [...inner, ...rowTotals, ...columnTotals, grand];
  const hidden: CellModel["hidden"] = n.map((value, index) => {
    if (index >= inner.length || value === 0) return null;
    if (value < 5) return "primary";
    return shown[index] ? null : "secondary";
  });
  const equations = [
    ...values.map((row, i) => ({ total: inner.length + i, parts: row.map((_, j) => i * c + j) })),
    ...Array.from({ length: c }, (_, j) => ({
      total: inner.length + r + j,
      parts: values.map((_, i) => i * c + j),
    })),
    { total: n.length - 1, parts: rowTotals.map((_, i) => inner.length + i) },
  ];
  return {
    k: 5,
    n,
    hidden,
    equations,
    upper: n.map(() => Number.POSITIVE_INFINITY),
    cost: n.map(() => 1),
  };
}

/**
 * A second solver as the server's worker thread is one: each job copied as a message is. Counts
 * the cycle witness points it returns.
 */
function secondSolver(): SmallGroupSolver & { moves: number } {
  const solver = {
    fromCells: 0,
    moves: 0,
    start(job: SmallGroupJob) {
      const sent = structuredClone(job);
      return () => {
        const found = structuredClone(runSmallGroupJob(other, sent));
        solver.moves += found.moves?.ends.length ?? 0;
        return found;
      };
    },
  };
  return solver;
}
