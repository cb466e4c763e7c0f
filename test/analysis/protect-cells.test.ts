import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditRanges, noProvenRanges, provenAfterPublishing } from "../../analysis/audit-ranges";
import type { CellModel } from "../../analysis/cell-model";
import { protectCells } from "../../analysis/protect-cells";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** A rows × cols table with row, column and grand totals as one linked model. */
function tableModel(values: number[][], k: number): CellModel {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const interior = values.flat();
  const rowTotals = values.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = Array.from({ length: cols }, (_, j) =>
    values.reduce((sum, row) => sum + (row[j] as number), 0),
  );
  const grand = rowTotals.reduce((a, b) => a + b, 0);
  const n = [...interior, ...rowTotals, ...colTotals, grand];
  const cell = (i: number, j: number) => i * cols + j;
  const rowTotal = (i: number) => rows * cols + i;
  const colTotal = (j: number) => rows * cols + rows + j;
  const grandCell = n.length - 1;
  const equations = [
    ...values.map((_, i) => ({
      total: rowTotal(i),
      parts: Array.from({ length: cols }, (_, j) => cell(i, j)),
    })),
    ...Array.from({ length: cols }, (_, j) => ({
      total: colTotal(j),
      parts: values.map((_, i) => cell(i, j)),
    })),
    { total: grandCell, parts: values.map((_, i) => rowTotal(i)) },
    { total: grandCell, parts: Array.from({ length: cols }, (_, j) => colTotal(j)) },
  ];
  return {
    k,
    n,
    hidden: n.map(() => null),
    equations,
    upper: n.map(() => Number.POSITIVE_INFINITY),
    cost: n.map((value) => value),
  };
}

describe("LP audit and secondary suppression", () => {
  // Two hidden cells (or more) in every row and every column, yet the cell joining the two
  // blocks is exactly recoverable: rows 1–2 minus columns 1–2 (hidden parts) isolate it. The
  // pattern is the textbook failure of "at least two hidden cells per row and column" rules.
  const values = [
    [2, 3, 10, 10],
    [3, 2, 2, 10],
    [10, 10, 3, 2],
    [10, 10, 2, 3],
  ];
  const bridge = 1 * 4 + 2;

  it("finds the bridge cell that two-per-row-and-column suppression leaves recoverable", () => {
    const model = tableModel(values, 5);
    model.n.forEach((value, cell) => {
      if (cell < 16 && value < 5) model.hidden[cell] = "primary";
    });
    const findings = auditRanges(highs, model);
    expect(findings.exact).toContain(bridge);
  });

  it("hides more until no hidden cell is exact and every primary cell's range is at least k", () => {
    const model = tableModel(values, 5);
    protectCells(highs, model, []);
    expect(model.hidden[bridge]).toBe("primary");
    const findings = auditRanges(highs, model);
    expect(findings.exact).toEqual([]);
    expect(findings.narrow).toEqual([]);
  });

  it("catches a total split into one primary and one secondary cell: the reasons give both away", () => {
    // Row: 1 + 5 + 20 = 26 with k = 5. Hiding the 1 and the 5 meets "two hidden, together ≥ k",
    // but a secondary cell holds ≥ 5 and a primary ≥ 1, so 6 = 1 + 5 is the only split.
    const model: CellModel = {
      k: 5,
      n: [26, 1, 5, 20],
      hidden: [null, "primary", "secondary", null],
      equations: [{ total: 0, parts: [1, 2, 3] }],
      upper: [Infinity, Infinity, Infinity, Infinity],
      cost: [26, 1, 5, 20],
    };
    expect(auditRanges(highs, model).exact).toEqual([1, 2]);
  });
});

describe("proofs kept through publishing a derivable cell", () => {
  /** Cells 0..3 hidden (secondary), true values 10, 10, 10, 10. */
  const model = (): CellModel => ({
    k: 5,
    n: [10, 10, 10, 10, 40],
    hidden: ["secondary", "secondary", "secondary", "secondary", null],
    equations: [{ total: 4, parts: [0, 1, 2, 3] }],
    upper: Array(5).fill(Number.POSITIVE_INFINITY),
    cost: Array(5).fill(1),
  });

  it("keeps a proof whose solution held the published cell at its value, and forgets one that did not", () => {
    const m = model();
    const proven = noProvenRanges(5, { keepPoints: true });
    // Cells 0 and 1 traded a person, cell 2 untouched; then cells 2 and 3 traded one.
    proven.points?.push(
      {
        cells: Int32Array.from([0, 1, 2, 3]),
        values: Float64Array.from([11, 9, 10, 10]),
        model: "B",
      },
      {
        cells: Int32Array.from([0, 1, 2, 3]),
        values: Float64Array.from([10, 10, 12, 8]),
        model: "B",
      },
    );
    m.hidden[2] = null;
    const kept = provenAfterPublishing(m, proven, [2]);
    expect([...kept.wide]).toEqual([1, 1, 0, 0, 0]);
    expect(kept.points).toHaveLength(1);
    // Without kept solutions nothing survives.
    expect([...provenAfterPublishing(m, noProvenRanges(5), [2]).wide]).toEqual([0, 0, 0, 0, 0]);
  });

  // LP points may be fractional: half a person either side of the true value leaves it the only
  // integer, which the LP's own test (floor(max) > ceil(min)) calls exact. A width of one
  // between the values seen is no proof.
  it("does not take fractional values half a person either side of the truth as a proof", () => {
    const m = model();
    const proven = noProvenRanges(5, { keepPoints: true });
    proven.points?.push(
      {
        cells: Int32Array.from([0, 1, 2, 3]),
        values: Float64Array.from([10.5, 9.5, 10, 10]),
        model: "B",
      },
      {
        cells: Int32Array.from([0, 1, 2, 3]),
        values: Float64Array.from([9.5, 10.5, 10, 10]),
        model: "B",
      },
      {
        cells: Int32Array.from([0, 1, 2, 3]),
        values: Float64Array.from([10, 10, 9.5, 11]),
        model: "B",
      },
    );
    m.hidden[2] = null;
    const kept = provenAfterPublishing(m, proven, [2]);
    // Cell 3 was seen one away (11); cells 0 and 1 only half a person either side.
    expect([...kept.wide]).toEqual([0, 0, 0, 0, 0]);
    m.hidden[2] = "secondary";
    const again = provenAfterPublishing(m, proven, []);
    expect([...again.wide]).toEqual([0, 0, 0, 1, 0]);
  });
});
