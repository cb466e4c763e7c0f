import type { Highs } from "highs";
import type { IntegerBounds } from "./item-bounds";

/**
 * One conclusion the attacker must not reach, as alternatives: it stays open when an LP point
 * of the system has any one variable at or beyond its value (up: ≥ value, down: ≤ value).
 */
export interface LpCheck {
  ways: { variable: number; up: boolean; value: number; truth: number }[];
}

const OPTIMAL = 7;
const UNBOUNDED = 10;
const EPSILON = 1e-6;
/** Batched solves before falling back to one LP per check left. */
const BATCHES = 3;

/**
 * The checks that no point of the LP relaxation leaves open: an attacker who solves the LP
 * (the equations with the bounds tightening found) reaches them. Cheap first: the true figures
 * are a solution, so a check they leave open needs no LP. Then one LP for all the rest at once,
 * maximising Σ min(1, distance beyond each threshold), which opens most of them; every solution
 * seen opens what it can. Only what is left gets an LP of its own (largest or least value).
 * A system of more than `maxColumns` variables is not solved (`skipped`).
 */
export function lpClosedChecks(
  highs: Highs,
  bounds: IntegerBounds,
  checks: LpCheck[],
  maxColumns: number,
): { closed: number[]; solves: number; skipped: boolean } {
  const open = (check: LpCheck, value: (variable: number) => number) =>
    check.ways.some((way) =>
      way.up
        ? value(way.variable) >= way.value - EPSILON
        : value(way.variable) <= way.value + EPSILON,
    );
  let left = checks.flatMap((check, index) =>
    open(check, (variable) => check.ways.find((way) => way.variable === variable)?.truth ?? 0)
      ? []
      : [index],
  );
  if (left.length === 0) return { closed: [], solves: 0, skipped: false };
  // Too large to solve within the release's time budget: left to bound tightening.
  if (bounds.size > maxColumns) return { closed: [], solves: 0, skipped: true };

  const columns = bounds.size;
  const { starts, vars, coefficients, rhs } = bounds.matrix();
  // One witness column per way of the checks left: t ≤ x − value (up) or t ≤ value − x (down),
  // t ≤ 1, so maximising Σ t rewards every check pushed a whole unit past its threshold.
  const ways = left.flatMap((check) =>
    (checks[check] as LpCheck).ways.map((way) => ({ check, way })),
  );
  const numCols = columns + ways.length;
  const rowStarts = [...starts];
  const rowIndices = [...vars];
  const rowValues = [...coefficients];
  const rowLower = [...rhs];
  const rowUpper = [...rhs];
  ways.forEach(({ way }, index) => {
    rowIndices.push(way.variable, columns + index);
    rowValues.push(way.up ? 1 : -1, -1);
    rowStarts.push(rowIndices.length);
    rowLower.push(way.up ? way.value : -way.value);
    rowUpper.push(highs.infinity);
  });
  const finite = (value: number) =>
    value === Number.POSITIVE_INFINITY
      ? highs.infinity
      : value === Number.NEGATIVE_INFINITY
        ? -highs.infinity
        : value;
  const colLower = new Float64Array(numCols).fill(-highs.infinity);
  const colUpper = new Float64Array(numCols).fill(1);
  for (let column = 0; column < columns; column++) {
    colLower[column] = finite(bounds.lows[column] as number);
    colUpper[column] = finite(bounds.highs[column] as number);
  }
  const numRows = rowLower.length;
  const lp = highs.createModel({
    numCols,
    numRows,
    colCost: new Float64Array(numCols),
    colLower,
    colUpper,
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    matrix: {
      format: "csr" as const,
      numRows,
      numCols,
      starts: Int32Array.from(rowStarts),
      indices: Int32Array.from(rowIndices),
      values: Float64Array.from(rowValues),
    },
  });
  let solves = 0;
  try {
    lp.options.set({ output_flag: false, presolve: "off" });
    const solve = (costs: Float64Array, maximise: boolean): Float64Array | null => {
      solves++;
      lp.changeColsCost({ kind: "range" as const, from: 0, to: numCols - 1 }, costs);
      lp.changeObjectiveSense(
        maximise
          ? highs.constants.objectiveSense.maximize
          : highs.constants.objectiveSense.minimize,
      );
      lp.run();
      const status = lp.getModelStatus();
      if (status === UNBOUNDED) return null;
      if (status !== OPTIMAL) throw new Error(`Item LP audit: unexpected solver status ${status}`);
      return Float64Array.from(lp.getSolution().colValue);
    };
    const keepClosed = (values: Float64Array) => {
      left = left.filter((check) => !open(checks[check] as LpCheck, (v) => values[v] as number));
    };
    for (let batch = 0; batch < BATCHES && left.length > 0; batch++) {
      const before = left.length;
      const costs = new Float64Array(numCols);
      const still = new Set(left);
      ways.forEach(({ check }, index) => {
        // One way per check and batch: the two ways of a check pull in opposite directions.
        const own = (checks[check] as LpCheck).ways;
        const pick = own[batch % own.length];
        if (still.has(check) && pick === ways[index]?.way) costs[columns + index] = 1;
      });
      const values = solve(costs, true);
      if (values) keepClosed(values);
      if (left.length === before) break;
    }
    const closed: number[] = [];
    while (left.length > 0) {
      const check = left[0] as number;
      for (const way of (checks[check] as LpCheck).ways) {
        const costs = new Float64Array(numCols);
        costs[way.variable] = 1;
        const values = solve(costs, way.up);
        // Unbounded: the variable goes as far as one likes.
        if (values === null) left = left.filter((other) => other !== check);
        else keepClosed(values);
        if (left[0] !== check) break;
      }
      if (left[0] === check) {
        closed.push(check);
        left.shift();
      }
    }
    return { closed, solves, skipped: false };
  } finally {
    lp.dispose();
  }
}
