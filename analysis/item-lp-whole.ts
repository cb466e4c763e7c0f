import type { Highs } from "highs";
import { highsBound, PRIMAL_SIMPLEX } from "./highs-bound";
import type { IntegerBounds } from "./item-bounds";
import type { LpBudget, LpCheck } from "./item-lp";
import { closeOnRelaxations } from "./item-lp-relax";
import { ITERATION_LIMIT, OPTIMAL, solveWithinBudget } from "./item-lp-solve";

/**
 * The LP stage for systems too large to solve whole for every check (item-lp.ts hands them
 * here), the way the independent attacker does it: one kept HiGHS model of the whole system,
 * 1. a point well inside it (interior-point solver, zero objective, no crossover), which opens
 *    most checks at once: every variable that can move has room there, group sizes included,
 *    so "all of an empty group" checks that the true figures (a vertex) cannot open, it can;
 * 2. for each check still open, an LP over a neighbourhood of its variable (breadth first along
 *    the equations) with every other variable at that centre, maximising Σ min(1, distance
 *    past each threshold), its own first;
 * 3. what they leave is pushed together over the whole system on the kept model (the sum of
 *    their variables, each in its direction), while that opens more;
 * 4. whatever is left gets its variable's largest (or least) value over the whole system on
 *    the kept model, from the last basis: only that closes a check.
 * Every point any step returns is checked against the whole system (every equation and every
 * bound tightening found) before it may open anything: a point that is not one proves nothing.
 */
export interface WholeSystemSearch {
  /**
   * Checks shown open so far are dropped from `left`; returns the checks proven closed, each
   * with the equations its proof uses (rows whose dual is not zero at the optimum that closed
   * it): hiding a figure those equations hold breaks that proof.
   */
  settle(left: number[], opens: Opener): SettleResult;
  /** The checks of `left` that a point well inside the system does not open. */
  openWithCentre(left: number[], opens: Opener): number[];
  dispose(): void;
}

export interface SettleResult {
  closed: number[];
  exhausted: boolean;
  proofs: Map<number, number[]>;
}

/** Whether a point (a value per variable) opens a check. */
export type Opener = (check: number, value: (variable: number) => number) => boolean;

/**
 * Neighbourhood sizes (variables) tried in turn for each check the centre leaves open; one over
 * half the system is left to the whole LP.
 */
export const ITEM_LP_NEIGHBOURHOODS = [1000] as const;

/** Tolerance of the whole-system check of a point (rows and bounds), in people. */
export const POINT_TOLERANCE = 1e-6;

const DUAL_TOLERANCE = 1e-9;
/**
 * A crossover iteration costs a fraction of a simplex iteration over the same rows (measured on
 * the demo's components of 13,000–33,000 unknowns: 17–41 million units of work per second of
 * CPU against about 7 million for the simplex re-solves), so it is counted at a quarter.
 */
const CROSSOVER_DISCOUNT = 4;

/**
 * Whether a point satisfies the whole system: every variable within its (tightened) bounds and
 * every equation, each to `POINT_TOLERANCE` (relative to the equation's largest term beyond 1).
 */
export function satisfiesSystem(bounds: IntegerBounds, point: ArrayLike<number>): boolean {
  const size = bounds.size;
  if (point.length < size) return false;
  for (let v = 0; v < size; v++) {
    const x = point[v] as number;
    if (!Number.isFinite(x)) return false;
    if (x < (bounds.lows[v] as number) - POINT_TOLERANCE) return false;
    if (x > (bounds.highs[v] as number) + POINT_TOLERANCE) return false;
  }
  const { starts, vars, coefficients, rhs } = bounds.matrix();
  for (let row = 0; row < rhs.length; row++) {
    let sum = 0;
    let scale = 1;
    for (let i = starts[row] as number; i < (starts[row + 1] as number); i++) {
      const term = (coefficients[i] as number) * (point[vars[i] as number] as number);
      sum += term;
      scale = Math.max(scale, Math.abs(term));
    }
    if (Math.abs(sum - (rhs[row] as number)) > POINT_TOLERANCE * scale) return false;
  }
  return true;
}

/**
 * The search over one system. `truth` is a point of it (the true figures), the fallback centre
 * when the interior-point solver gives none that passes the check.
 */
export function wholeSystemSearch(
  highs: Highs,
  bounds: IntegerBounds,
  checks: LpCheck[],
  truth: Float64Array,
  budget: LpBudget,
  state: { solves: number; exhausted: boolean },
  options: {
    neighbourhoods?: readonly number[];
    /** A centre to use instead of the interior-point solver's (tests: it is checked too). */
    centre?: Float64Array;
    /** What earlier searches of the same question left, and this system's keys into it. */
    carry?: CarriedSearch;
    /** Classes of the variables for the relaxations tried before the extremes (item-lp-relax.ts). */
    classes?: Int32Array;
  } = {},
): WholeSystemSearch {
  const { neighbourhoods = ITEM_LP_NEIGHBOURHOODS, centre, carry, classes } = options;
  return new Search(
    highs,
    bounds,
    checks,
    truth,
    budget,
    state,
    neighbourhoods,
    centre,
    carry,
    classes,
  );
}

/**
 * What one question's whole-system searches hand on (protect-items.ts keeps one per question).
 * Each round of the question's audit hides more groups, so its system is the last one with
 * more unknowns (figures that were constants become variables); the model is always built
 * afresh from the round's own equations and tightened bounds, and only where to start comes
 * from before:
 * - the last centre, by stable keys of the variables (a group's count, rest, size or slack of
 *   one slot), newly unknown figures at their true values: used instead of a new interior-point
 *   solve only if it passes `satisfiesSystem` on this round's system;
 * - the last simplex basis, only for the very same system (the "may this group be empty"
 *   checks that follow in the same round), where it is still a basis of the same polytope.
 * Neither can open a check by itself: every point is still checked against the whole system,
 * and only an optimum of this round's model closes one.
 */
export class SearchMemory {
  /** The last centre, by variable key. */
  readonly centre = new Map<number, number>();
  /** The last simplex basis and the system it is a basis of. */
  basis: { system: IntegerBounds; colStatus: Int32Array; rowStatus: Int32Array } | null = null;
}

/** A system's keys into a question's `SearchMemory`: one per variable. */
export interface CarriedSearch {
  memory: SearchMemory;
  columnKeys: ArrayLike<number>;
}

class Search implements WholeSystemSearch {
  private model: ReturnType<Highs["createModel"]> | null = null;
  private centre: Float64Array | null = null;
  private readonly rowsOf: number[][];
  private readonly matrix: ReturnType<IntegerBounds["matrix"]>;
  /** Nonzeros of the system: the work of one interior-point iteration, roughly. */
  private readonly nonzeros: number;

  constructor(
    private readonly highs: Highs,
    private readonly bounds: IntegerBounds,
    private readonly checks: LpCheck[],
    private readonly truth: Float64Array,
    private readonly budget: LpBudget,
    private readonly state: { solves: number; exhausted: boolean },
    private readonly neighbourhoods: readonly number[],
    private readonly givenCentre: Float64Array | undefined,
    private readonly carry: CarriedSearch | undefined,
    private readonly classes: Int32Array | undefined,
  ) {
    this.matrix = bounds.matrix();
    const { starts, vars, rhs } = this.matrix;
    this.rowsOf = Array.from({ length: bounds.size }, () => []);
    for (let row = 0; row < rhs.length; row++) {
      for (let i = starts[row] as number; i < (starts[row + 1] as number); i++)
        this.rowsOf[vars[i] as number]?.push(row);
    }
    this.nonzeros = vars.length;
  }

  settle(left: number[], opens: Opener): SettleResult {
    const proofs = new Map<number, number[]>();
    let open = [...left];
    const keep = (point: Float64Array) => {
      open = open.filter((check) => !opens(check, (v) => point[v] as number));
    };
    open = this.openWithCentre(open, opens);
    if (this.state.exhausted) return { closed: open, exhausted: true, proofs };
    const size = this.bounds.size;
    for (const limit of this.neighbourhoods) {
      if (open.length === 0) break;
      if (limit * 2 > size || limit * 15 < size) continue;
      for (const check of [...open]) {
        if (!open.includes(check)) continue;
        const point = this.around(check, open, limit);
        if (point === undefined) return { closed: open, exhausted: true, proofs };
        if (point) keep(point);
      }
    }
    // If relaxations close every check left, no extreme (and no crossover) is needed; at the
    // first one they do not close, the extremes decide them all, with their own proofs.
    if (open.length > 0 && this.classes) {
      const { highs, bounds, checks, classes, budget, state } = this;
      const relaxed = closeOnRelaxations(highs, bounds, checks, open, classes, budget, state, {
        onlyAll: true,
      });
      if (state.exhausted) return { closed: open, exhausted: true, proofs };
      if (relaxed.closed.length === open.length)
        return { closed: relaxed.closed, exhausted: false, proofs: relaxed.proofs };
    }
    // Before one extreme per check, the open checks together: maximise the sum of their
    // variables, each in its check's direction (a two-way check's ways in turn), while that
    // opens more. Every point is checked against the whole system first, and it closes nothing:
    // it only spares extremes (on a small invited campaign, a few such solves open most of the
    // checks left that extremes used to open one at a time, and the budget ran out on them).
    for (let turn = 0; open.length > 1; turn++) {
      const before = open.length;
      const costs = new Float64Array(this.bounds.size);
      for (const check of open) {
        const ways = (this.checks[check] as LpCheck).ways;
        const way = ways[turn % ways.length] as LpCheck["ways"][number];
        costs[way.variable] = (costs[way.variable] as number) + (way.up ? 1 : -1);
      }
      const point = this.optimum(costs, true);
      if (point === undefined) return { closed: open, exhausted: true, proofs };
      if (point) keep(point);
      if (open.length === before && turn > 0) break;
    }
    const closed: number[] = [];
    while (open.length > 0) {
      const check = open[0] as number;
      const proof = new Set<number>();
      for (const way of (this.checks[check] as LpCheck).ways) {
        const point = this.extreme(way.variable, way.up);
        if (point === undefined) return { closed: [...closed, ...open], exhausted: true, proofs };
        for (const row of this.proof) proof.add(row);
        // Unbounded: the variable goes as far as one likes.
        if (point === null) open = open.filter((other) => other !== check);
        else keep(point);
        if (open[0] !== check) break;
      }
      if (open[0] === check) {
        closed.push(check);
        proofs.set(
          check,
          [...proof].sort((a, b) => a - b),
        );
        open.shift();
      }
    }
    return { closed, exhausted: false, proofs };
  }

  openWithCentre(left: number[], opens: Opener): number[] {
    let open = left;
    const keep = (point: Float64Array) => {
      open = open.filter((check) => !opens(check, (v) => point[v] as number));
    };
    const centre = this.start();
    if (this.state.exhausted) return open;
    keep(centre);
    // The true figures and the centre both solve the equations, so does every point on the
    // line through them, as far past the centre as the bounds allow.
    if (open.length > 0) keep(this.beyondCentre());
    return open;
  }

  dispose(): void {
    if (this.model) this.remember(this.model);
    this.model?.dispose();
    this.model = null;
  }

  /** Hands the centre and the last basis on to the question's next search. */
  private remember(model: ReturnType<Highs["createModel"]>): void {
    const { carry, centre } = this;
    if (!carry) return;
    const { memory, columnKeys } = carry;
    if (centre && centre !== this.truth) {
      for (let v = 0; v < this.bounds.size; v++)
        memory.centre.set(columnKeys[v] as number, centre[v] as number);
    }
    memory.basis = this.basis ? { system: this.bounds, ...model.getBasis() } : null;
  }

  /**
   * The last round's centre on this system (newly unknown figures at their true values), if
   * there is one and it is a point of this system.
   */
  private carriedCentre(): Float64Array | null {
    const { carry, bounds, truth } = this;
    if (!carry || carry.memory.centre.size === 0) return null;
    const point = Float64Array.from(truth);
    let found = 0;
    for (let v = 0; v < bounds.size; v++) {
      const value = carry.memory.centre.get(carry.columnKeys[v] as number);
      if (value === undefined) continue;
      point[v] = value;
      found++;
    }
    return found > 0 && satisfiesSystem(bounds, point) ? point : null;
  }

  /** Installs the last basis if it is one of this very system. */
  private carriedBasis(model: ReturnType<Highs["createModel"]>): boolean {
    const basis = this.carry?.memory.basis;
    if (!basis || basis.system !== this.bounds) return false;
    try {
      model.setBasis({ colStatus: basis.colStatus, rowStatus: basis.rowStatus });
    } catch {
      return false;
    }
    this.budget.work -= this.nonzeros;
    return true;
  }

  /** The kept model and its centre, built on first use. */
  private start(): Float64Array {
    if (this.centre) return this.centre;
    const { highs, bounds } = this;
    const { starts, vars, coefficients, rhs } = this.matrix;
    const size = bounds.size;
    const colLower = new Float64Array(size);
    const colUpper = new Float64Array(size);
    for (let v = 0; v < size; v++) {
      colLower[v] = highsBound(highs, bounds.lows[v] as number);
      colUpper[v] = highsBound(highs, bounds.highs[v] as number);
    }
    this.model = highs.createModel({
      numCols: size,
      numRows: rhs.length,
      colCost: new Float64Array(size),
      colLower,
      colUpper,
      rowLower: Float64Array.from(rhs),
      rowUpper: Float64Array.from(rhs),
      matrix: {
        format: "csr" as const,
        numRows: rhs.length,
        numCols: size,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(vars),
        values: Float64Array.from(coefficients),
      },
    });
    this.budget.work -= this.nonzeros;
    const carried = this.givenCentre ? null : this.carriedCentre();
    if (carried) {
      this.model.options.set({ output_flag: false, solver: "simplex", presolve: "off" });
      this.centre = carried;
      return carried;
    }
    this.model.options.set({ output_flag: false, solver: "ipm", run_crossover: "off" });
    this.model.run();
    this.state.solves++;
    this.budget.work -=
      Math.max(1, Number(this.model.info.get("ipm_iteration_count"))) * this.nonzeros;
    let centre: Float64Array = this.truth;
    const point = this.givenCentre ?? this.model.getSolution().colValue.slice(0, size);
    if (
      (this.givenCentre || this.model.getModelStatus() === OPTIMAL) &&
      satisfiesSystem(bounds, point)
    )
      centre = point;
    this.model.clearSolver();
    this.model.options.set({ solver: "simplex", presolve: "off" });
    if (this.budget.work <= 0) this.state.exhausted = true;
    this.centre = centre;
    return centre;
  }

  /** truth + λ·(centre − truth) for the largest λ ≥ 1 within every bound. */
  private beyondCentre(): Float64Array {
    const { bounds, truth } = this;
    const centre = this.centre as Float64Array;
    let lambda = Number.POSITIVE_INFINITY;
    for (let v = 0; v < bounds.size; v++) {
      const step = (centre[v] as number) - (truth[v] as number);
      if (Math.abs(step) < 1e-12) continue;
      const room =
        step > 0
          ? (bounds.highs[v] as number) - (truth[v] as number)
          : (bounds.lows[v] as number) - (truth[v] as number);
      lambda = Math.min(lambda, room / step);
    }
    if (!Number.isFinite(lambda) || lambda <= 1) return centre;
    // A little short of the nearest bound, so rounding cannot push a value past it.
    lambda = 1 + (lambda - 1) * (1 - 1e-9);
    const point = new Float64Array(bounds.size);
    for (let v = 0; v < bounds.size; v++)
      point[v] = (truth[v] as number) + lambda * ((centre[v] as number) - (truth[v] as number));
    return satisfiesSystem(bounds, point) ? point : centre;
  }

  /**
   * One LP over the neighbourhood of a check's variable (every other variable at the centre),
   * pushing the open checks inside past their thresholds, its own first. The whole point, or
   * null when the LP gives none that passes the check; undefined once the budget is spent.
   */
  private around(check: number, open: number[], limit: number): Float64Array | null | undefined {
    const { highs, bounds, checks } = this;
    const centre = this.centre as Float64Array;
    const { starts, vars, coefficients, rhs } = this.matrix;
    const first = (checks[check] as LpCheck).ways[0]?.variable as number;
    const local = new Map<number, number>([[first, 0]]);
    const members = [first];
    const visited = new Set<number>();
    for (let head = 0; head < members.length && members.length < limit; head++) {
      for (const row of this.rowsOf[members[head] as number] ?? []) {
        if (visited.has(row)) continue;
        visited.add(row);
        for (let i = starts[row] as number; i < (starts[row + 1] as number); i++) {
          const v = vars[i] as number;
          if (local.has(v) || members.length >= limit) continue;
          local.set(v, members.length);
          members.push(v);
        }
      }
    }
    const touched = new Set<number>();
    for (const v of members) for (const row of this.rowsOf[v] ?? []) touched.add(row);
    const rowStarts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const rowLower: number[] = [];
    const rowUpper: number[] = [];
    for (const row of [...touched].sort((a, b) => a - b)) {
      let right = rhs[row] as number;
      for (let i = starts[row] as number; i < (starts[row + 1] as number); i++) {
        const v = vars[i] as number;
        const at = local.get(v);
        if (at === undefined) right -= (coefficients[i] as number) * (centre[v] as number);
        else {
          indices.push(at);
          values.push(coefficients[i] as number);
        }
      }
      rowStarts.push(indices.length);
      rowLower.push(right);
      rowUpper.push(right);
    }
    // Witness columns t ≤ 1 with t ≤ x − value (up) or t ≤ value − x (down).
    const witnessCost: number[] = [];
    let others = 0;
    const ownWitnesses: number[] = [];
    for (const other of open) {
      for (const way of (checks[other] as LpCheck).ways) {
        const at = local.get(way.variable);
        if (at === undefined) continue;
        const column = members.length + witnessCost.length;
        indices.push(at, column);
        values.push(way.up ? 1 : -1, -1);
        rowStarts.push(indices.length);
        rowLower.push(way.up ? way.value : -way.value);
        rowUpper.push(highs.infinity);
        if (other === check) ownWitnesses.push(witnessCost.length);
        else others++;
        witnessCost.push(1);
      }
    }
    for (const at of ownWitnesses) witnessCost[at] = others + 1;
    const numCols = members.length + witnessCost.length;
    const colCost = new Float64Array(numCols);
    const colLower = new Float64Array(numCols);
    const colUpper = new Float64Array(numCols);
    members.forEach((v, at) => {
      colLower[at] = highsBound(highs, bounds.lows[v] as number);
      colUpper[at] = highsBound(highs, bounds.highs[v] as number);
    });
    witnessCost.forEach((cost, i) => {
      colCost[members.length + i] = cost;
      colLower[members.length + i] = -highs.infinity;
      colUpper[members.length + i] = 1;
    });
    if (this.budget.work <= 0) {
      this.state.exhausted = true;
      return undefined;
    }
    this.budget.work -= indices.length;
    const model = highs.createModel({
      numCols,
      numRows: rowLower.length,
      colCost,
      colLower,
      colUpper,
      rowLower: Float64Array.from(rowLower),
      rowUpper: Float64Array.from(rowUpper),
      matrix: {
        format: "csr" as const,
        numRows: rowLower.length,
        numCols,
        starts: Int32Array.from(rowStarts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
      sense: highs.constants.objectiveSense.maximize,
    });
    try {
      const iterations = Math.max(1, Math.floor(this.budget.work / Math.max(1, rowLower.length)));
      model.options.set({
        output_flag: false,
        simplex_iteration_limit: Math.min(2 ** 31 - 1, iterations),
      });
      model.run();
      this.state.solves++;
      this.budget.work -=
        Math.max(1, Number(model.info.get("simplex_iteration_count"))) * rowLower.length;
      const status = model.getModelStatus();
      if (status === ITERATION_LIMIT) {
        this.budget.work = 0;
        this.state.exhausted = true;
        return undefined;
      }
      // Anything but a solution (the centre is a point only to the solver's tolerance) opens
      // nothing: the whole system will answer.
      if (status !== OPTIMAL) return null;
      const solution = model.getSolution().colValue;
      const point = Float64Array.from(centre);
      members.forEach((v, at) => {
        point[v] = solution[at] as number;
      });
      return satisfiesSystem(bounds, point) ? point : null;
    } finally {
      model.dispose();
    }
  }

  private basis = false;
  /** The equations with a non-zero dual at the last optimum of `extreme`. */
  private proof: number[] = [];

  /**
   * A basis for the whole LP's first simplex solve: the last one of this very system if the
   * question's memory holds it, else the interior-point solver with crossover (a fraction of a
   * cold simplex solve's work on these systems; a simplex started at the centre was tried and
   * cost more, see the README). Either is only a start: the extremes are optima of this model.
   */
  private firstBasis(): void {
    const model = this.model as ReturnType<Highs["createModel"]>;
    const rows = this.matrix.rhs.length;
    this.basis = true;
    if (this.carriedBasis(model)) {
      model.options.set({ simplex_strategy: PRIMAL_SIMPLEX });
      return;
    }
    model.options.set({ solver: "ipm", run_crossover: "on", presolve: "choose" });
    model.run();
    this.state.solves++;
    const ipm = Math.max(1, Number(model.info.get("ipm_iteration_count")));
    const crossover = Math.max(0, Number(model.info.get("crossover_iteration_count")));
    this.budget.work -= ipm * this.nonzeros + (crossover * rows) / CROSSOVER_DISCOUNT;
    model.options.set({ solver: "simplex", presolve: "off", simplex_strategy: PRIMAL_SIMPLEX });
  }

  /**
   * The largest (or least) value of one variable over the whole system, on the kept model from
   * the last basis (only the objective changes). Null when unbounded, undefined once the budget
   * is spent; a point that fails the whole-system check opens nothing but the verdict stands
   * only when the optimum does not reach the threshold, which item-lp.ts's caller checks.
   */
  private extreme(variable: number, maximise: boolean): Float64Array | null | undefined {
    const costs = new Float64Array(this.bounds.size);
    costs[variable] = 1;
    return this.optimum(costs, maximise);
  }

  /** The optimum of any objective over the whole system, as `extreme` returns it. */
  private optimum(costs: Float64Array, maximise: boolean): Float64Array | null | undefined {
    const { highs, budget, state } = this;
    const model = this.model as ReturnType<Highs["createModel"]>;
    const size = this.bounds.size;
    const rows = this.matrix.rhs.length;
    if (budget.work <= 0) {
      state.exhausted = true;
      return undefined;
    }
    if (!this.basis) this.firstBasis();
    const solution = solveWithinBudget(highs, model, costs, maximise, rows, budget, state);
    if (!solution) return solution;
    this.proof = [];
    solution.rowDual.forEach((dual, row) => {
      if (Math.abs(dual) > DUAL_TOLERANCE) this.proof.push(row);
    });
    const point = solution.colValue.slice(0, size);
    // The optimum is the verdict (no point reaches further); the point itself opens only what
    // it opens as a checked point of the system. An unchecked optimum past the threshold is
    // taken as closed: giving up hides, never publishes.
    return satisfiesSystem(this.bounds, point) ? point : new Float64Array(this.truth);
  }
}
