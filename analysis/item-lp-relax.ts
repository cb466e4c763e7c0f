import type { Highs } from "highs";
import { highsBound } from "./highs-bound";
import type { IntegerBounds } from "./item-bounds";
import type { LpBudget, LpCheck } from "./item-lp";
import { solveWithinBudget } from "./item-lp-solve";

/**
 * Closing checks of a large system on relaxations of it, before the whole-system search
 * (item-lp-whole.ts). A relaxation keeps some of the system's equations and drops the rest,
 * every variable keeping its (tightened) bounds: every point of the whole system is a point of
 * it, so a variable's largest (least) value over the relaxation is at least (most) its value
 * over the whole system. A check whose every way stays short of its threshold there is closed in
 * the whole system too, and the relaxation's proof rows are rows of the whole system. What a
 * relaxation does not close it never opens (its points need not be points of the whole system):
 * those checks go on to the whole-system search. (A restriction is the other way round: other
 * figures fixed at their true values, its points are points of the whole system, so what it
 * opens is open, and what it leaves closed proves nothing.)
 *
 * The relaxations: per class of variables (`classes[v]` ≥ 0: one answer slot's counts and
 * rests; −1: shared by every class, the hidden groups' sizes; −2: in no relaxation, e.g. a
 * multi-choice question's slacks), the equations whose variables are all of that class or
 * shared. For a multi-choice question that is one option's yes/no table with the group sizes:
 * the other options, linked to it only through the sizes and the slacks, are dropped.
 *
 * item-lp.ts uses it all or nothing (`onlyAll`): when the relaxations close every check left,
 * the round needs no whole-system verdict (its crossover alone costs 0.5–1 s of CPU on a
 * 20,000-unknown component); else the whole system decides every check, with its own proofs.
 */
export interface RelaxedVerdict {
  /** Checks (indices into `checks`) proven closed on a relaxation. */
  closed: number[];
  proofs: Map<number, number[]>;
  exhausted: boolean;
}

/** Relaxations larger than this share of the whole system are not worth solving apart. */
const MAX_SHARE = 0.5;

const EPSILON = 1e-6;
const DUAL_TOLERANCE = 1e-9;

export function closeOnRelaxations(
  highs: Highs,
  bounds: IntegerBounds,
  checks: LpCheck[],
  left: number[],
  classes: Int32Array,
  budget: LpBudget,
  state: { solves: number; exhausted: boolean },
  {
    onlyAll = false,
    maxShare = MAX_SHARE,
  }: {
    /** Stop at the first check no relaxation closes, closing none (the whole system decides). */
    onlyAll?: boolean;
    /** Relaxations over more than this share of the system's variables are not tried. */
    maxShare?: number;
  } = {},
): RelaxedVerdict {
  const closed: number[] = [];
  const proofs = new Map<number, number[]>();
  // Checks by the class of their variables (every way in one class, else not relaxable).
  const byClass = new Map<number, number[]>();
  for (const check of left) {
    const ways = (checks[check] as LpCheck).ways;
    const kind = classes[ways[0]?.variable as number] as number;
    if (kind < 0 || ways.some((way) => classes[way.variable] !== kind)) {
      if (onlyAll) return { closed: [], proofs, exhausted: false };
      continue;
    }
    let list = byClass.get(kind);
    if (!list) {
      list = [];
      byClass.set(kind, list);
    }
    list.push(check);
  }
  for (const kind of [...byClass.keys()].sort((a, b) => a - b)) {
    if (state.exhausted) break;
    const relaxation = new Relaxation(highs, bounds, classes, kind, budget, state, maxShare);
    try {
      if (relaxation.columns > maxShare * bounds.size) {
        if (onlyAll) return { closed: [], proofs: new Map(), exhausted: false };
        continue;
      }
      for (const check of byClass.get(kind) ?? []) {
        const proof = new Set<number>();
        let reached = false;
        for (const way of (checks[check] as LpCheck).ways) {
          const optimum = relaxation.extreme(way.variable, way.up);
          if (optimum === undefined || optimum === null) {
            reached = true;
            break;
          }
          if (way.up ? optimum >= way.value - EPSILON : optimum <= way.value + EPSILON) {
            reached = true;
            break;
          }
          for (const row of relaxation.proof) proof.add(row);
        }
        if (state.exhausted) break;
        if (reached) {
          if (onlyAll) return { closed: [], proofs: new Map(), exhausted: false };
          continue;
        }
        closed.push(check);
        proofs.set(
          check,
          [...proof].sort((a, b) => a - b),
        );
      }
    } finally {
      relaxation.dispose();
    }
  }
  return { closed, proofs, exhausted: state.exhausted };
}

/** One class's relaxation as a kept HiGHS model (re-solved from the last basis). */
class Relaxation {
  readonly columns: number;
  /** Rows of the whole system with a non-zero dual at the last optimum. */
  proof: number[] = [];
  private readonly model: ReturnType<Highs["createModel"]> | null = null;
  private readonly columnOf: Int32Array;
  private readonly rowOf: number[] = [];

  constructor(
    private readonly highs: Highs,
    bounds: IntegerBounds,
    classes: Int32Array,
    kind: number,
    private readonly budget: LpBudget,
    private readonly state: { solves: number; exhausted: boolean },
    maxShare: number,
  ) {
    const { starts, vars, coefficients, rhs } = bounds.matrix();
    const inside = (v: number) => classes[v] === kind || classes[v] === -1;
    this.columnOf = new Int32Array(bounds.size).fill(-1);
    const variables: number[] = [];
    const rowStarts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const rowRhs: number[] = [];
    for (let row = 0; row < rhs.length; row++) {
      const from = starts[row] as number;
      const to = starts[row + 1] as number;
      let keep = true;
      for (let i = from; i < to && keep; i++) keep = inside(vars[i] as number);
      if (!keep) continue;
      for (let i = from; i < to; i++) {
        const v = vars[i] as number;
        if ((this.columnOf[v] as number) < 0) {
          this.columnOf[v] = variables.length;
          variables.push(v);
        }
        indices.push(this.columnOf[v] as number);
        values.push(coefficients[i] as number);
      }
      rowStarts.push(indices.length);
      rowRhs.push(rhs[row] as number);
      this.rowOf.push(row);
    }
    this.columns = variables.length;
    if (this.columns === 0 || this.columns > maxShare * bounds.size) return;
    const finite = (value: number) => highsBound(highs, value);
    budget.work -= indices.length;
    this.model = highs.createModel({
      numCols: variables.length,
      numRows: rowRhs.length,
      colCost: new Float64Array(variables.length),
      colLower: Float64Array.from(variables, (v) => finite(bounds.lows[v] as number)),
      colUpper: Float64Array.from(variables, (v) => finite(bounds.highs[v] as number)),
      rowLower: Float64Array.from(rowRhs),
      rowUpper: Float64Array.from(rowRhs),
      matrix: {
        format: "csr" as const,
        numRows: rowRhs.length,
        numCols: variables.length,
        starts: Int32Array.from(rowStarts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    });
    this.model.options.set({ output_flag: false, presolve: "off" });
  }

  /**
   * The variable's largest (least) value over the relaxation: null when unbounded or not in
   * it (no row holds it: only its bounds, which the whole system's tightening already gave),
   * undefined once the budget is spent.
   */
  extreme(variable: number, maximise: boolean): number | null | undefined {
    const column = this.columnOf[variable] as number;
    if (!this.model || column < 0) return null;
    const costs = new Float64Array(this.columns);
    costs[column] = 1;
    const solution = solveWithinBudget(
      this.highs,
      this.model,
      costs,
      maximise,
      this.rowOf.length,
      this.budget,
      this.state,
    );
    if (!solution) return solution;
    this.proof = [];
    solution.rowDual.forEach((dual, row) => {
      if (Math.abs(dual) > DUAL_TOLERANCE) this.proof.push(this.rowOf[row] as number);
    });
    return solution.colValue[column] as number;
  }

  dispose(): void {
    this.model?.dispose();
  }
}
