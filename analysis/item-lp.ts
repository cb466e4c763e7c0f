import type { Highs } from "highs";
import { highsBound } from "./highs-bound";
import type { IntegerBounds } from "./item-bounds";
import { solveWithinBudget } from "./item-lp-solve";
import { type CarriedSearch, wholeSystemSearch } from "./item-lp-whole";
import { DistinctRows, RowBuilder } from "./lp-rows";

/**
 * One conclusion the attacker must not reach, as alternatives: it stays open when an LP point
 * of the system has any one variable at or beyond its value (up: ≥ value, down: ≤ value).
 */
export interface LpCheck {
  ways: { variable: number; up: boolean; value: number; truth: number }[];
}

/**
 * What the LP stage may still spend, in simplex iterations × rows of the LP (a deterministic
 * measure of work, so a release does not depend on the machine's load): shared by every LP of
 * one question's audit and drawn down by each solve.
 */
export interface LpBudget {
  work: number;
}

/**
 * Smaller systems to try first. Each pass moves the system along a few directions only: a
 * variable v with `sign[v]` ≠ 0 is truth[v] + sign[v]·y[group[v]], every other variable keeps
 * its true value (the true figures are a solution). Any point of such a restricted system is a
 * point of the whole one, so what it opens is open; what no pass opens goes to the whole system.
 * E.g. "one person of each group moves from answer a to answer b": one y per group.
 */
export interface LpRestrictions {
  truth: Float64Array;
  passes: { group: Int32Array; sign: Int8Array }[];
  /**
   * After the passes, for a check still left: a system where only the variables near its own
   * (given by its first way's variable) move, each on its own, and every other one keeps its
   * true value; `settles` says which other checks' variables are close enough that this system
   * was their chance too.
   */
  around?: (variable: number) => {
    group: Int32Array;
    sign: Int8Array;
    settles: (variable: number) => boolean;
  };
  /** For a system searched whole: where the question's earlier searches left off. */
  carry?: CarriedSearch;
  /**
   * For a system searched whole: per variable its class for the relaxations tried before the
   * whole-system verdict (item-lp-relax.ts): ≥ 0 one class, −1 in every class, −2 in none.
   */
  classes?: Int32Array;
}

const EPSILON = 1e-6;

type Way = LpCheck["ways"][number];

/** Whether a point (a value per variable, or a function giving it) leaves a check open. */
export function opensCheck(
  check: LpCheck,
  point: ArrayLike<number> | ((variable: number) => number),
): boolean {
  const value =
    typeof point === "function" ? point : (variable: number) => point[variable] as number;
  return check.ways.some((way) =>
    way.up
      ? value(way.variable) >= way.value - EPSILON
      : value(way.variable) <= way.value + EPSILON,
  );
}

/**
 * What the LP stage found: the checks no LP point leaves open, with (where an LP over the whole
 * system closed them) the equations its proof uses, as rows of the system; whether it ran out
 * of budget; whether every closed check is proven (not merely left unopened).
 */
export interface LpVerdict {
  closed: number[];
  solves: number;
  exhausted: boolean;
  proven: boolean;
  proofs?: Map<number, number[]>;
}

/**
 * The checks that no point of the LP relaxation leaves open: an attacker who solves the LP
 * (the equations with the bounds tightening found) reaches them. Cheap first: the true figures
 * are a solution, so a check they leave open needs no LP. Then, in each restricted system and
 * then in the whole one, LPs for all checks left at once, maximising Σ min(1, distance beyond
 * each threshold), repeated while they open more; every solution seen opens what it can. What
 * the whole system still leaves gets an LP that puts its own check first (the others after),
 * then, if that does not open it, one of its own (largest or least value). When the budget runs
 * out, every check not yet shown open is returned as closed (`exhausted`): giving up must hide,
 * never publish.
 */
export function lpClosedChecks(
  highs: Highs,
  bounds: IntegerBounds,
  checks: LpCheck[],
  budget: LpBudget,
  restrictions?: LpRestrictions,
  maxWholeColumns = Number.POSITIVE_INFINITY,
): LpVerdict {
  const opens = (check: number, value: (variable: number) => number) =>
    opensCheck(checks[check] as LpCheck, value);
  let left = checks.flatMap((check, index) =>
    opens(index, (variable) => check.ways.find((way) => way.variable === variable)?.truth ?? 0)
      ? []
      : [index],
  );
  if (left.length === 0) return { closed: [], solves: 0, exhausted: false, proven: true };
  const state = { solves: 0, exhausted: false };
  const keepClosed = (values: (variable: number) => number) => {
    left = left.filter((check) => !opens(check, values));
  };
  const wayOf = (check: number, turn: number) => {
    const own = (checks[check] as LpCheck).ways;
    return own[turn % own.length] as Way;
  };

  const restricted = (pass: { group: Int32Array; sign: Int8Array }) => {
    const movable = left.filter((check) =>
      (checks[check] as LpCheck).ways.some((way) => pass.sign[way.variable] !== 0),
    );
    if (movable.length === 0) return;
    const restriction = { truth: restrictions?.truth as Float64Array, ...pass };
    const lp = new WitnessLp(highs, bounds, checks, movable, budget, state, restriction);
    try {
      lp.batches(() => left, wayOf, keepClosed);
    } finally {
      lp.dispose();
    }
  };
  // Too large for whole LPs in every round: a point well inside the system first, then the
  // restricted passes, then neighbourhoods around that point and the whole system's extremes on
  // one kept model (item-lp-whole.ts).
  const search =
    restrictions && bounds.size > maxWholeColumns
      ? wholeSystemSearch(highs, bounds, checks, restrictions.truth, budget, state, {
          carry: restrictions.carry,
          classes: restrictions.classes,
        })
      : null;
  try {
    if (search) left = search.openWithCentre(left, opens);
    for (const pass of restrictions?.passes ?? []) {
      if (left.length === 0 || state.exhausted) break;
      restricted(pass);
    }
    const around = restrictions?.around;
    const settled = new Set<number>();
    // Around the true figures, only where the whole system is solved next.
    while (around && !search && !state.exhausted) {
      const seed = left.find((check) => !settled.has(check));
      if (seed === undefined) break;
      const pass = around((checks[seed] as LpCheck).ways[0]?.variable as number);
      settled.add(seed);
      for (const check of left) {
        if (pass.settles((checks[check] as LpCheck).ways[0]?.variable as number))
          settled.add(check);
      }
      restricted(pass);
    }
    if (left.length === 0 || state.exhausted)
      return {
        closed: state.exhausted ? left : [],
        solves: state.solves,
        exhausted: state.exhausted,
        proven: !state.exhausted,
      };
    if (search) {
      const { closed, exhausted, proofs } = search.settle(left, opens);
      return { closed, solves: state.solves, exhausted, proven: !exhausted, proofs };
    }
  } finally {
    search?.dispose();
  }

  const lp = new WitnessLp(highs, bounds, checks, left, budget, state, null);
  const closed: number[] = [];
  const proofs = new Map<number, number[]>();
  try {
    lp.batches(() => left, wayOf, keepClosed);
    while (left.length > 0 && !state.exhausted) {
      const check = left[0] as number;
      const proof = new Set<number>();
      for (const way of (checks[check] as LpCheck).ways) {
        // Its own witness first (weight above the sum of all others), the others after.
        let values = lp.solveWitnesses(left, way);
        if (values) keepClosed(values);
        if (left[0] !== check || values === undefined) break;
        // Not opened that way: its largest or least value settles it.
        values = lp.solveVariable(way.variable, way.up);
        if (values === undefined) break;
        for (const row of lp.proof) proof.add(row);
        // Unbounded: the variable goes as far as one likes.
        if (values === null) left = left.filter((other) => other !== check);
        else keepClosed(values);
        if (left[0] !== check) break;
      }
      if (left[0] === check && !state.exhausted) {
        closed.push(check);
        proofs.set(
          check,
          [...proof].sort((a, b) => a - b),
        );
        left.shift();
      }
    }
  } finally {
    lp.dispose();
  }
  // Out of budget: what was not shown open counts as derivable.
  if (state.exhausted) closed.push(...left);
  return {
    closed,
    solves: state.solves,
    exhausted: state.exhausted,
    proven: !state.exhausted,
    proofs,
  };
}

/**
 * The system as one HiGHS model (when restricted, over the restriction's y, with rows that
 * become the same, or empty, kept once or dropped), plus one witness column per way of the given
 * checks: t ≤ x − value (up) or t ≤ value − x (down), t ≤ 1, so maximising Σ t rewards every
 * check pushed a whole unit past its threshold.
 */
class WitnessLp {
  private readonly model: ReturnType<Highs["createModel"]>;
  /** Per variable: its column (whole system) or its y's column (restricted), or −1 if fixed. */
  private readonly columnOf: Int32Array;
  private readonly signOf: Int8Array | null;
  private readonly witnessOf = new Map<Way, number>();
  private readonly numCols: number;
  private readonly numRows: number;
  private readonly truth: Float64Array | null;
  /** Rows of the system in the model (the whole system's come first, in order), else 0. */
  private readonly systemRows: number;
  /** The system's rows with a non-zero dual at the last optimum (whole system only). */
  proof: number[] = [];

  constructor(
    private readonly highs: Highs,
    bounds: IntegerBounds,
    private readonly checks: LpCheck[],
    included: number[],
    private readonly budget: LpBudget,
    private readonly state: { solves: number; exhausted: boolean },
    restriction: { truth: Float64Array; group: Int32Array; sign: Int8Array } | null,
  ) {
    this.truth = restriction?.truth ?? null;
    this.signOf = restriction?.sign ?? null;
    const variables = bounds.size;
    const columnOf = new Int32Array(variables).fill(-1);
    let columns = 0;
    const finite = (value: number) => highsBound(highs, value);
    const lower: number[] = [];
    const upper: number[] = [];
    if (restriction) {
      // y's bounds: every variable it moves stays within what tightening allows.
      const { truth, group, sign } = restriction;
      const columnOfGroup = new Map<number, number>();
      for (let v = 0; v < variables; v++) {
        const s = sign[v] as number;
        if (s === 0) continue;
        let column = columnOfGroup.get(group[v] as number);
        if (column === undefined) {
          column = columns++;
          columnOfGroup.set(group[v] as number, column);
          lower.push(Number.NEGATIVE_INFINITY);
          upper.push(Number.POSITIVE_INFINITY);
        }
        columnOf[v] = column;
        const low = ((bounds.lows[v] as number) - (truth[v] as number)) / s;
        const high = ((bounds.highs[v] as number) - (truth[v] as number)) / s;
        lower[column] = Math.max(lower[column] as number, Math.min(low, high));
        upper[column] = Math.min(upper[column] as number, Math.max(low, high));
      }
    } else {
      for (let v = 0; v < variables; v++) {
        columnOf[v] = columns++;
        lower.push(bounds.lows[v] as number);
        upper.push(bounds.highs[v] as number);
      }
    }
    this.columnOf = columnOf;
    const { starts, vars, coefficients, rhs } = bounds.matrix();
    this.systemRows = restriction ? 0 : rhs.length;
    const rows = new RowBuilder(restriction ? 0 : vars.length);
    if (!restriction) {
      for (let row = 0; row < rhs.length; row++) {
        for (let i = starts[row] as number; i < (starts[row + 1] as number); i++)
          rows.term(vars[i] as number, coefficients[i] as number);
        rows.close(rhs[row] as number, rhs[row] as number);
      }
    } else {
      // The true figures satisfy the row, so over y it reads Σ coefficient·sign·y = 0; rows
      // that become empty are dropped, rows that become the same (up to sign) are kept once.
      const distinct = new DistinctRows(columns);
      for (let row = 0; row < rhs.length; row++) {
        for (let i = starts[row] as number; i < (starts[row + 1] as number); i++) {
          const v = vars[i] as number;
          const column = columnOf[v] as number;
          if (column >= 0)
            distinct.add(column, (coefficients[i] as number) * (restriction.sign[v] as number));
        }
        distinct.emitInto(rows);
      }
    }
    // Per column, the witnesses made so far: ways that ask the same of the same column share
    // one (in a restricted system, every check of a group is a bound on its one y).
    const witnessesOf = new Map<
      number,
      { coefficient: number; bound: number; witness: number }[]
    >();
    let witnesses = 0;
    for (const check of included) {
      for (const way of (checks[check] as LpCheck).ways) {
        const column = columnOf[way.variable] as number;
        if (column < 0) continue;
        // x = base + scale·(column's value): the whole system's x, or truth + sign·y.
        const scale = restriction ? (restriction.sign[way.variable] as number) : 1;
        const base = restriction ? (restriction.truth[way.variable] as number) : 0;
        const coefficient = way.up ? scale : -scale;
        const bound = way.up ? way.value - base : base - way.value;
        let known = witnessesOf.get(column);
        if (!known) {
          known = [];
          witnessesOf.set(column, known);
        }
        let witness = known.find(
          (w) => w.coefficient === coefficient && w.bound === bound,
        )?.witness;
        if (witness === undefined) {
          witness = columns + witnesses++;
          known.push({ coefficient, bound, witness });
          rows.term(column, coefficient);
          rows.term(witness, -1);
          rows.close(bound, highs.infinity);
        }
        this.witnessOf.set(way, witness);
      }
    }
    // Building the model is work too (a large component's restricted systems are many).
    budget.work -= rows.nonzeros;
    this.numCols = columns + witnesses;
    this.numRows = rows.count;
    const colLower = new Float64Array(this.numCols).fill(-highs.infinity);
    const colUpper = new Float64Array(this.numCols).fill(1);
    for (let column = 0; column < columns; column++) {
      colLower[column] = finite(lower[column] as number);
      colUpper[column] = finite(upper[column] as number);
    }
    this.model = highs.createModel({
      numCols: this.numCols,
      numRows: this.numRows,
      colCost: new Float64Array(this.numCols),
      colLower,
      colUpper,
      rowLower: rows.lower.subarray(0, rows.count),
      rowUpper: rows.upper.subarray(0, rows.count),
      matrix: {
        format: "csr" as const,
        numRows: this.numRows,
        numCols: this.numCols,
        starts: rows.starts.subarray(0, rows.count + 1),
        indices: rows.indices.subarray(0, rows.nonzeros),
        values: rows.values.subarray(0, rows.nonzeros),
      },
    });
    this.model.options.set({ output_flag: false, presolve: "off" });
  }

  /** LPs over all checks left, one way of each (alternating), while they open more. */
  batches(
    left: () => number[],
    wayOf: (check: number, turn: number) => Way,
    keepClosed: (values: (variable: number) => number) => void,
  ): void {
    for (let turn = 0; left().length > 0; turn++) {
      const before = left().length;
      const costs = new Float64Array(this.numCols);
      let any = false;

      for (const check of left()) {
        const witness = this.witnessOf.get(wayOf(check, turn));
        if (witness === undefined) continue;
        costs[witness] = 1;
        any = true;
      }
      if (!any) break;
      const values = this.solve(costs, true);
      if (values === undefined) break;
      if (values) keepClosed(values);
      // Two turns without progress: each way of every check had its chance.
      if (left().length === before && turn > 0) break;
    }
  }

  /** One way's witness first, those of the other checks left after. */
  solveWitnesses(left: number[], first: Way) {
    const costs = new Float64Array(this.numCols);
    let count = 0;
    for (const check of left) {
      for (const way of (this.checks[check] as LpCheck).ways) {
        const witness = this.witnessOf.get(way);
        if (witness === undefined || way === first) continue;
        costs[witness] = 1;
        count++;
      }
    }
    const own = this.witnessOf.get(first);
    if (own !== undefined) costs[own] = count + 1;
    return this.solve(costs, true);
  }

  /** The largest (or least) value of one variable. */
  solveVariable(variable: number, maximise: boolean) {
    const costs = new Float64Array(this.numCols);
    costs[this.columnOf[variable] as number] = 1;
    return this.solve(costs, maximise);
  }

  dispose(): void {
    this.model.dispose();
  }

  /** A point of the whole system, null when unbounded, or undefined once the budget is spent. */
  private solve(
    costs: Float64Array,
    maximise: boolean,
  ): ((variable: number) => number) | null | undefined {
    const { model, highs, budget, state } = this;
    const solution = solveWithinBudget(highs, model, costs, maximise, this.numRows, budget, state);
    if (!solution) return solution;
    const values = solution.colValue;
    this.proof = [];
    for (let row = 0; row < this.systemRows; row++) {
      if (Math.abs(solution.rowDual[row] as number) > 1e-9) this.proof.push(row);
    }
    const { columnOf, signOf, truth } = this;
    if (!signOf || !truth) return (variable) => values[variable] as number;
    return (variable) => {
      const column = columnOf[variable] as number;
      const t = truth[variable] as number;
      return column >= 0 ? t + (signOf[variable] as number) * (values[column] as number) : t;
    };
  }
}
