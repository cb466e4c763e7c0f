import type { Highs } from "highs";
import { type CellModel, cellBounds } from "./cell-model";

/** What the LP audit found: cells to protect better, and how many LPs it took. */
export interface RangeFindings {
  /** Hidden cells whose value an attacker pins down exactly (knowing values and reasons). */
  exact: number[];
  /** Primary cells whose feasible range from published values alone is narrower than k. */
  narrow: number[];
  solves: number;
}

const OPTIMAL = 7;
const UNBOUNDED = 10;
const EPSILON = 1e-6;

/**
 * Audits the hidden cells of a model by linear programming: for each hidden cell, the least
 * and greatest count consistent with every published figure, counts ≥ 0 and known
 * headcounts. Model B adds what the published reasons tell (primary 1..k−1, secondary ≥ k)
 * and must leave no cell exact; model A (values only) must leave every primary cell a range
 * of at least k. Hidden cells are split into independent components so each LP stays small.
 */
export function auditRanges(highs: Highs, model: CellModel): RangeFindings {
  const findings: RangeFindings = { exact: [], narrow: [], solves: 0 };
  for (const component of hiddenComponents(model)) {
    auditComponent(highs, model, component, findings);
  }
  findings.exact.sort((a, b) => a - b);
  findings.narrow.sort((a, b) => a - b);
  return findings;
}

interface Component {
  cells: number[];
  rows: { cells: number[]; coefficients: number[]; rhs: number }[];
}

/** Equations reduced to their hidden cells, grouped into connected components. */
export function hiddenComponents(model: CellModel): Component[] {
  const { hidden, n } = model;
  const root = new Map<number, number>();
  const find = (cell: number): number => {
    let top = cell;
    while (root.get(top) !== top) top = root.get(top) as number;
    let walk = cell;
    while (walk !== top) {
      const next = root.get(walk) as number;
      root.set(walk, top);
      walk = next;
    }
    return top;
  };
  n.forEach((_, cell) => {
    if (hidden[cell] !== null) root.set(cell, cell);
  });
  const rows: Component["rows"] = [];
  for (const { total, parts } of model.equations) {
    const cells: number[] = [];
    const coefficients: number[] = [];
    let rhs = 0;
    const add = (cell: number, sign: number) => {
      if (hidden[cell] !== null) {
        cells.push(cell);
        coefficients.push(sign);
      } else rhs -= sign * (n[cell] as number);
    };
    add(total, 1);
    for (const part of parts) add(part, -1);
    if (cells.length === 0) continue;
    rows.push({ cells, coefficients, rhs });
    const first = find(cells[0] as number);
    for (const cell of cells) {
      const other = find(cell);
      if (other !== first) root.set(other, first);
    }
  }
  const components = new Map<number, Component>();
  for (const cell of root.keys()) {
    const top = find(cell);
    const component = components.get(top) ?? { cells: [], rows: [] };
    component.cells.push(cell);
    components.set(top, component);
  }
  for (const row of rows) components.get(find(row.cells[0] as number))?.rows.push(row);
  return [...components.values()];
}

function auditComponent(
  highs: Highs,
  model: CellModel,
  component: Component,
  findings: RangeFindings,
): void {
  const { cells, rows } = component;
  const column = new Map(cells.map((cell, index) => [cell, index]));
  const { k } = model;
  const boundsB = cells.map((cell) => cellBounds(model, cell));
  const boundsA = cells.map((cell) => ({ lower: 0, upper: model.upper[cell] as number }));
  const lp = highs.createModel(lpData(highs, cells.length, rows, column, boundsB));
  try {
    lp.options.set({ output_flag: false, presolve: "off" });
    const solve = (index: number, sense: "min" | "max"): number | null => {
      findings.solves++;
      lp.changeColsCost(
        { kind: "range" as const, from: 0, to: cells.length - 1 },
        new Float64Array(cells.length),
      );
      lp.changeColCost(index, 1);
      lp.changeObjectiveSense(
        sense === "min"
          ? highs.constants.objectiveSense.minimize
          : highs.constants.objectiveSense.maximize,
      );
      lp.run();
      const status = lp.getModelStatus();
      if (status === UNBOUNDED) return null;
      if (status !== OPTIMAL) throw new Error(`LP audit: unexpected solver status ${status}`);
      return lp.getObjectiveValue();
    };

    // Model B: values and reasons. Every hidden cell must keep at least two integer values.
    const seen = cells.map((cell) => ({
      low: model.n[cell] as number,
      high: model.n[cell] as number,
    }));
    const observe = () => {
      const values = lp.getSolution().colValue;
      seen.forEach((range, index) => {
        const value = values[index] as number;
        if (value < range.low) range.low = value;
        if (value > range.high) range.high = value;
      });
    };
    cells.forEach((cell, index) => {
      const range = seen[index] as { low: number; high: number };
      if (range.high - range.low >= 2) return;
      const max = solve(index, "max");
      if (max === null) return;
      observe();
      if (range.high - range.low >= 2) return;
      const min = solve(index, "min");
      observe();
      // An exact 0 only says a value is absent from a group the release already covers (a
      // published zero above it, or a whole row hidden for unanimity): no small group follows.
      const exact = Math.floor((max as number) + EPSILON) <= Math.ceil((min as number) - EPSILON);
      if (exact && (model.n[cell] as number) > 0) {
        findings.exact.push(cell);
      }
    });

    // Model A: values only. Each primary cell's range must be at least k wide.
    const primaries = cells
      .map((cell, index) => ({ cell, index }))
      .filter(({ cell }) => model.hidden[cell] === "primary");
    if (primaries.length === 0) return;
    lp.changeColsBounds(
      { kind: "range" as const, from: 0, to: cells.length - 1 },
      Float64Array.from(boundsA, (b) => b.lower),
      Float64Array.from(boundsA, (b) => finite(highs, b.upper)),
    );
    // Solutions seen under model B are feasible under A too: they still count.
    for (const { cell, index } of primaries) {
      const range = seen[index] as { low: number; high: number };
      // A known headcount under k caps what any release could leave open.
      const need = Math.min(k, model.upper[cell] as number);
      if (range.high - range.low >= need) continue;
      const max = solve(index, "max");
      if (max === null) continue;
      observe();
      if (range.high - range.low >= need) continue;
      const min = solve(index, "min");
      observe();
      // A cell pinned at 0 is an exact zero, not a small group (see model B above).
      if ((max as number) - (min as number) < need - EPSILON && (max as number) > EPSILON) {
        findings.narrow.push(cell);
      }
    }
  } finally {
    lp.dispose();
  }
}

function finite(highs: Highs, value: number): number {
  return Number.isFinite(value) ? value : highs.infinity;
}

function lpData(
  highs: Highs,
  numCols: number,
  rows: Component["rows"],
  column: Map<number, number>,
  bounds: { lower: number; upper: number }[],
) {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    row.cells.forEach((cell, position) => {
      indices.push(column.get(cell) as number);
      values.push(row.coefficients[position] as number);
    });
    starts.push(indices.length);
  }
  return {
    numCols,
    numRows: rows.length,
    colCost: new Float64Array(numCols),
    colLower: Float64Array.from(bounds, (b) => b.lower),
    colUpper: Float64Array.from(bounds, (b) => finite(highs, b.upper)),
    rowLower: Float64Array.from(rows, (row) => row.rhs),
    rowUpper: Float64Array.from(rows, (row) => row.rhs),
    matrix: {
      format: "csr" as const,
      numRows: rows.length,
      numCols,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  };
}
