import type { Highs } from "highs";
import { csrMatrix } from "./csr-matrix";
import {
  type Elimination,
  keptBoundArrays,
  keptBounds,
  keptCosts,
  originalValues,
} from "./eliminate-doubletons";
import { highsSense } from "./highs-bound";

export type Bounds = { lower: number; upper: number };
/** Per cell of a component: the least and greatest value seen in a solution so far. */
export type Seen = { low: number; high: number }[];

const OPTIMAL = 7;
const UNBOUNDED = 10;
export const EPSILON = 1e-6;

/**
 * HiGHS's dual simplex perturbs every cost by a small random amount against degeneracy. From a
 * cold start that pays, but from the last LP's basis it made each later LP of the giant
 * component (most costs zero) take 2,000–3,500 iterations whatever it asked: the random costs
 * are optimised too, then cleaned up. Without them a later LP takes what its own objective needs.
 * The optimum, and so every value an audit reads from a single-cell LP, does not depend on it.
 */
const WARM = { dual_simplex_cost_perturbation_multiplier: 0 };
const COLD = { dual_simplex_cost_perturbation_multiplier: 1 };

/** One HiGHS model of a component's (reduced) equations, asked with costs and bounds per cell. */
export interface ComponentLp {
  /** LPs solved on it. */
  solves: number;
  /** HiGHS's simplex iterations over those LPs. */
  iterations: number;
  /** Optimises the cells' costs; false when unbounded. */
  run(cellCosts: Float64Array, sense: "min" | "max"): boolean;
  /** The least or greatest value of one cell; null when unbounded. */
  solve(index: number, sense: "min" | "max"): number | null;
  /** The objective of the last LP, with its constant part. */
  objective(): number;
  /** Every cell's value in the last LP's solution. */
  values(): Float64Array;
  setBounds(cellBounds: readonly Bounds[]): void;
  dispose(): void;
}

/**
 * The LP over a component's equations reduced by `reduced` (its unknowns the kept columns), with
 * these bounds per cell. Costs, bounds and solutions are given and read per cell. `reduced` may
 * be given as a function, called once when the LP is first needed: an audit whose cells are all
 * settled otherwise (a later round of a date, its open cells settled in windows) then neither
 * eliminates nor builds anything.
 */
export function componentLp(
  highs: Highs,
  elimination: Elimination | (() => Elimination),
  cellBounds: readonly Bounds[],
): ComponentLp {
  const cells = cellBounds.length;
  let reducedOnce = typeof elimination === "function" ? undefined : elimination;
  const reduced = () => {
    reducedOnce ??= (elimination as () => Elimination)();
    return reducedOnce;
  };
  // Made on first use: an audit whose cells are all settled otherwise builds no model.
  let model: ReturnType<Highs["createModel"]> | undefined;
  let startBounds = cellBounds;
  const made = () => {
    if (model) return model;
    const { columns, rows } = reduced();
    model = highs.createModel(
      lpData(
        highs,
        columns,
        rows,
        new Map(Array.from({ length: columns }, (_, at) => [at, at])),
        keptBounds(reduced(), startBounds),
      ),
    );
    model.options.set({ output_flag: false, presolve: "off" });
    return model;
  };
  // The objective's constant part (cells mapped to kept columns with an offset).
  let constant = 0;
  // Whether the model holds a basis from an LP before (see WARM).
  let warm = false;
  // The costs the model holds (see changeCosts).
  let lastCosts: Float64Array | undefined;
  const session: ComponentLp = {
    solves: 0,
    iterations: 0,
    run(cellCosts, sense) {
      session.solves++;
      const lp = made();
      const { columns } = reduced();
      const kept = keptCosts(reduced(), cellCosts);
      constant = kept.constant;
      if (columns > 0) lastCosts = changeCosts(lp, kept.costs, lastCosts);
      lp.changeObjectiveSense(highsSense(highs, sense));
      lp.run();
      let status = lp.getModelStatus();
      session.iterations += iterations(lp);
      if (status !== OPTIMAL && status !== UNBOUNDED) {
        // HiGHS's simplex sometimes stops without a verdict ("unknown": seen on a cold start
        // whose objective is unbounded); from a cleared state, as it starts cold, it decides.
        lp.clearSolver();
        lp.options.set(COLD);
        warm = false;
        lp.run();
        status = lp.getModelStatus();
        session.iterations += iterations(lp);
      }
      if (!warm) {
        warm = true;
        lp.options.set(WARM);
      }
      if (status === UNBOUNDED) return false;
      if (status !== OPTIMAL) throw new Error(`LP audit: unexpected solver status ${status}`);
      return true;
    },
    solve(index, sense) {
      const costs = new Float64Array(cells);
      costs[index] = 1;
      return session.run(costs, sense) ? session.objective() : null;
    },
    objective: () => made().getObjectiveValue() + constant,
    values: () => originalValues(reduced(), made().getSolution().colValue),
    setBounds(bounds) {
      if (!model) {
        startBounds = bounds;
        return;
      }
      const { columns } = reduced();
      if (columns === 0) return;
      // Two arrays filled in place: this runs before every sweep and single LP.
      const { lower, upper } = keptBoundArrays(reduced(), bounds);
      for (let at = 0; at < columns; at++) {
        lower[at] = finite(highs, lower[at] as number);
        upper[at] = finite(highs, upper[at] as number);
      }
      model.changeColsBounds({ kind: "range" as const, from: 0, to: columns - 1 }, lower, upper);
    },
    dispose: () => model?.dispose(),
  };
  return session;
}

/**
 * Gives the model `costs`, passing only the columns whose cost differs from `last` (what it
 * holds): HiGHS's JavaScript wrapper checks every value it is given and makes a string per value
 * as it does, most of a single-cell LP's garbage at the giant component's 10,000 columns. At
 * least one column is passed, so that HiGHS takes the costs as new as it did for all of them.
 */
function changeCosts(
  lp: ReturnType<Highs["createModel"]>,
  costs: Float64Array,
  last: Float64Array | undefined,
): Float64Array {
  if (!last) {
    lp.changeColsCost({ kind: "range" as const, from: 0, to: costs.length - 1 }, costs);
    return costs;
  }
  const indices: number[] = [];
  const values: number[] = [];
  for (let at = 0; at < costs.length; at++) {
    if (Object.is(costs[at], last[at])) continue;
    indices.push(at);
    values.push(costs[at] as number);
  }
  if (indices.length === 0) {
    indices.push(0);
    values.push(costs[0] as number);
  }
  lp.changeColsCost({ kind: "set" as const, indices }, values);
  return costs;
}

/** Open cells at least this many before a batch LP moves them together. */
const BATCH_MIN = 4;
/** A sweep must show at least this many more cells wide to be worth the next one. */
const SWEEP_GAIN = 2;
/** Batch LPs per model and component, at most. */
const BATCH_ATTEMPTS = 64;

/**
 * Moves many cells at once before asking cell by cell. Each sweep maximises a signed sum of
 * open cells, each of them boxed to true value ± `reach` (the box keeps the objective
 * bounded; every other cell keeps its own bounds, so it can make room). The first sweep
 * pushes every open cell up; later ones push each the way that could still show it wide
 * (its `need`): down when the highest value seen is far enough above the box's floor, up when
 * the lowest is far enough below its ceiling, and, when both could, the other way than the
 * last push, which did not do it (leaving half the cells out at random, as before, cost more
 * sweeps). Sweeps only show cells wide: what they leave open is asked cell by cell, so the
 * findings do not depend on them. `observe` records each solution (into `seen`).
 */
export function spread(
  lp: ComponentLp,
  {
    n,
    seen,
    bounds,
    open,
    reach,
    need,
    observe,
  }: {
    /** True count per cell. */
    n: readonly number[];
    seen: Seen;
    bounds: readonly Bounds[];
    open: (index: number) => boolean;
    reach: number;
    need: (index: number) => number;
    observe: () => void;
  },
): void {
  let pending = n.map((_, index) => index).filter(open);
  if (pending.length < BATCH_MIN) return;
  const box = n.map((value, index) => {
    const b = bounds[index] as Bounds;
    return { lower: Math.max(b.lower, value - reach), upper: Math.min(b.upper, value + reach) };
  });
  const pushed = new Int8Array(n.length);
  const direction = (index: number) => {
    const range = seen[index] as { low: number; high: number };
    const b = box[index] as Bounds;
    const wanted = need(index) - EPSILON;
    const up = b.upper - range.low;
    const down = range.high - b.lower;
    if (up < wanted || down < wanted) return up >= down ? 1 : -1;
    // Every cell was pushed up first.
    return -(pushed[index] as number);
  };
  for (let attempt = 0; attempt < BATCH_ATTEMPTS && pending.length >= BATCH_MIN; attempt++) {
    const costs = new Float64Array(n.length);
    for (const index of pending) {
      const sign = attempt === 0 ? 1 : direction(index);
      costs[index] = sign;
      pushed[index] = sign;
    }
    lp.setBounds(n.map((_, index) => (costs[index] !== 0 ? box : bounds)[index] as Bounds));
    if (lp.run(costs, "max")) observe();
    const left = pending.filter(open);
    // Past the first two, stop when a sweep settles fewer cells than asking them one by one
    // would cost LPs.
    if (attempt >= 1 && pending.length - left.length < SWEEP_GAIN) break;
    pending = left;
  }
  lp.setBounds(bounds);
}

/** Widens each cell's range seen by one solution. */
export function widenSeen(seen: Seen, values: ArrayLike<number>): void {
  seen.forEach((range, index) => {
    const value = values[index] as number;
    if (value < range.low) range.low = value;
    if (value > range.high) range.high = value;
  });
}

/** The simplex iterations of a model's last run. */
function iterations(lp: ReturnType<Highs["createModel"]>): number {
  return Number(lp.info.get("simplex_iteration_count"));
}

function finite(highs: Highs, value: number): number {
  if (Number.isFinite(value)) return value;
  return value > 0 ? highs.infinity : -highs.infinity;
}

/** A component's rows as a HiGHS model with these column bounds (no objective). */
export function lpData(
  highs: Highs,
  numCols: number,
  rows: readonly { cells: number[]; coefficients: number[]; rhs: number }[],
  column: Map<number, number>,
  bounds: readonly Bounds[],
) {
  return {
    numCols,
    numRows: rows.length,
    colCost: new Float64Array(numCols),
    colLower: filled(bounds.length, (at) => finite(highs, (bounds[at] as Bounds).lower)),
    colUpper: filled(bounds.length, (at) => finite(highs, (bounds[at] as Bounds).upper)),
    rowLower: filled(rows.length, (at) => (rows[at] as { rhs: number }).rhs),
    rowUpper: filled(rows.length, (at) => (rows[at] as { rhs: number }).rhs),
    matrix: csrMatrix(rows, (row) => row.cells, column, numCols),
  };
}

/**
 * A Float64Array of `length` values, filled in a loop: `Float64Array.from` with a function takes
 * the iterator path, about ten times slower at the giant component's 10,000 columns (once per
 * LP built, each round).
 */
export function filled(length: number, value: (at: number) => number): Float64Array {
  const out = new Float64Array(length);
  for (let at = 0; at < length; at++) out[at] = value(at);
  return out;
}
