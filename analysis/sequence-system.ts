import type { Highs } from "highs";
import { csrMatrix } from "./csr-matrix";
import { disjointSets } from "./disjoint-sets";
import { DUAL_SIMPLEX, highsBound, highsSense, PRIMAL_SIMPLEX } from "./highs-bound";
import type { ReleaseEquations } from "./release-equations";
import type { HiddenReason, Release } from "./release-types";
import { incrementModel } from "./sequence-increments";

/**
 * The linear system of a sequence of releases as a reader who keeps them all writes it down:
 * the true counts of every release are unknowns, tied by each release's own equations, its
 * published values, its reasons (model B) or values alone (model A), known headcounts, and
 * "counts never go down" between releases.
 */

/** One group's count in one release: a published value, a hidden one, or no information. */
export type Entry = { value: number } | { variable: number } | null;

export interface Variable {
  release: number;
  groupId: string;
  reason: HiddenReason;
  /** Model A (values only) and model B (values and reasons). */
  lowerA: number;
  upperA: number;
  lowerB: number;
  upperB: number;
}

export interface Row {
  variables: number[];
  coefficients: number[];
  lower: number;
  upper: number;
  /** An own relation's identity (its total and parts): the same relation in another release. */
  relation?: string;
}

export interface SequenceSystem {
  ids: string[];
  variables: Variable[];
  /** Per group id, its entry in each release. */
  entries: Map<string, Entry[]>;
  /** Rows of "later ≥ earlier" between consecutive hidden counts of one group. */
  chainRows: Row[];
  /** Per release, its own relations with its published values moved to the right-hand side. */
  ownRows: Row[][];
}

/** A batch: the newcomers of one group between releases `from` and `to`. */
export interface Target {
  groupId: string;
  from: number;
  to: number;
  /** d = Σ sign × variable + constant. */
  terms: { variable: number; sign: number }[];
  constant: number;
}

export interface BatchFinding {
  kind: "exact" | "narrow";
  groupId: string;
  from: number;
  to: number;
}

const OPTIMAL = 7;
const UNBOUNDED = 10;
const INFEASIBLE = 8;
export const EPSILON = 1e-6;

export function sequenceSystem(
  releases: Release[],
  structures: ReleaseEquations[],
): SequenceSystem {
  const ids = [...new Set(releases.flatMap((release) => release.groups.map((g) => g.id)))];
  const directIds = new Set(
    releases.flatMap((release) =>
      release.groups.filter((g) => g.part === "direct").map((g) => g.id),
    ),
  );
  const variables: Variable[] = [];
  const entries = new Map<string, Entry[]>();
  for (const id of ids) {
    entries.set(
      id,
      releases.map((release, t): Entry => {
        const position = structures[t]?.position.get(id);
        if (position === undefined) {
          // Left out: an empty direct part, or a table an organisation-only release omits.
          return !release.audit.organisationOnly && directIds.has(id) ? { value: 0 } : null;
        }
        const n = release.groups[position]?.n;
        if (n && "value" in n) return { value: n.value };
        const cap = structures[t]?.cap.get(id) ?? Number.POSITIVE_INFINITY;
        variables.push({
          release: t,
          groupId: id,
          reason: (n as { hidden: HiddenReason }).hidden,
          lowerA: 0,
          upperA: cap,
          lowerB: 0,
          upperB: cap,
        });
        return { variable: variables.length - 1 };
      }),
    );
  }
  // Reasons (model B), per release with its own k; a part of a primary group may be 0.
  const byRelease: Variable[][] = releases.map(() => []);
  for (const variable of variables) byRelease[variable.release]?.push(variable);
  releases.forEach((release, t) => {
    const splits = new Set<string>();
    for (const { total, parts } of structures[t]?.equations ?? []) {
      const position = structures[t]?.position.get(total) as number;
      const n = release.groups[position]?.n;
      if (n && "hidden" in n && n.hidden === "primary") for (const part of parts) splits.add(part);
    }
    for (const variable of byRelease[t] ?? []) {
      if (variable.reason === "primary") {
        variable.lowerB = splits.has(variable.groupId) ? 0 : 1;
        variable.upperB = Math.min(variable.upperB, release.k - 1);
      } else if (variable.reason === "secondary") variable.lowerB = release.k;
    }
  });
  const chainRows: Row[] = [];
  // Counts never go down: published values bound the hidden ones before and after them.
  for (const id of ids) {
    const timeline = entries.get(id) as Entry[];
    let previous: number | undefined;
    timeline.forEach((entry, t) => {
      if (entry === null) return;
      if ("value" in entry) {
        for (let s = t - 1; s >= 0; s--) {
          const earlier = timeline[s];
          if (earlier && "variable" in earlier) {
            const variable = variables[earlier.variable] as Variable;
            variable.upperA = Math.min(variable.upperA, entry.value);
            variable.upperB = Math.min(variable.upperB, entry.value);
          }
        }
        for (let u = t + 1; u < timeline.length; u++) {
          const later = timeline[u];
          if (later && "variable" in later) {
            const variable = variables[later.variable] as Variable;
            variable.lowerA = Math.max(variable.lowerA, entry.value);
            variable.lowerB = Math.max(variable.lowerB, entry.value);
          }
        }
        previous = undefined;
        return;
      }
      if (previous !== undefined) {
        chainRows.push({
          variables: [previous, entry.variable],
          coefficients: [1, -1],
          lower: Number.NEGATIVE_INFINITY,
          upper: 0,
        });
      }
      previous = entry.variable;
    });
  }
  const ownRows = structures.map((structure, t) => {
    const rows: Row[] = [];
    for (const { total, parts } of structure.equations) {
      const row: Row = {
        variables: [],
        coefficients: [],
        lower: 0,
        upper: 0,
        relation: `${total}=${parts.join("+")}`,
      };
      const add = (id: string, sign: number) => {
        const entry = entries.get(id)?.[t];
        if (!entry) return;
        if ("variable" in entry) {
          row.variables.push(entry.variable);
          row.coefficients.push(sign);
        } else {
          row.lower -= sign * entry.value;
          row.upper -= sign * entry.value;
        }
      };
      add(total, 1);
      for (const part of parts) add(part, -1);
      if (row.variables.length > 0) rows.push(row);
    }
    return rows;
  });
  return { ids, variables, entries, chainRows, ownRows };
}

/**
 * Sees each solution of a joint LP: model "B" points respect the reasons, "A" points the values
 * alone; `values[i]` is the value of hidden count `variables[i]`, every other hidden count of
 * the system is free (its component has no row in common with these).
 */
export type JointPointObserver = (
  model: "A" | "B",
  variables: readonly number[],
  values: ArrayLike<number>,
) => void;

/**
 * Every batch of the sequence, jointly: a batch of two published values is checked directly,
 * the others by LP on the stacked system. `wanted` limits which batches are checked;
 * `togetherFrom` is the fewest open batches pushed together before each by its own LPs.
 */
export function auditStackedBatches(
  highs: Highs,
  system: SequenceSystem,
  k: number,
  wanted: (groupId: string, from: number, to: number) => boolean = () => true,
  observePoint?: JointPointObserver,
  togetherFrom = TOGETHER_MIN,
): { findings: BatchFinding[]; solves: number } {
  const findings: BatchFinding[] = [];
  const targets: Target[] = [];
  for (const id of system.ids) {
    const timeline = system.entries.get(id) as Entry[];
    for (let to = 1; to < timeline.length; to++) {
      const end = timeline[to];
      if (!end) continue;
      for (let from = 0; from < to; from++) {
        const start = timeline[from];
        if (!start || !wanted(id, from, to)) continue;
        if ("value" in start && "value" in end) {
          const d = end.value - start.value;
          if (d >= 1 && d < k) findings.push({ kind: "exact", groupId: id, from, to });
          continue;
        }
        const target: Target = { groupId: id, from, to, terms: [], constant: 0 };
        if ("value" in end) target.constant += end.value;
        else target.terms.push({ variable: end.variable, sign: 1 });
        if ("value" in start) target.constant -= start.value;
        else target.terms.push({ variable: start.variable, sign: -1 });
        targets.push(target);
      }
    }
  }
  const rows = [...system.chainRows, ...system.ownRows.flat()];
  let solves = 0;
  for (const component of components(system.variables.length, rows, targets)) {
    solves += auditComponent(highs, system.variables, component, k, findings, {
      observePoint,
      togetherFrom,
    });
  }
  return { findings, solves };
}

interface Component {
  variables: number[];
  rows: Row[];
  targets: Target[];
}

function components(count: number, rows: Row[], targets: Target[]): Component[] {
  const { find, join: joinTwo } = disjointSets(count);
  const join = (list: number[]) => {
    for (const other of list) joinTwo(list[0] as number, other);
  };
  for (const row of rows) join(row.variables);
  for (const target of targets) join(target.terms.map((term) => term.variable));
  const byRoot = new Map<number, Component>();
  for (let v = 0; v < count; v++) {
    const root = find(v);
    const component = byRoot.get(root) ?? { variables: [], rows: [], targets: [] };
    component.variables.push(v);
    byRoot.set(root, component);
  }
  for (const row of rows) byRoot.get(find(row.variables[0] as number))?.rows.push(row);
  for (const target of targets)
    byRoot.get(find((target.terms[0] as { variable: number }).variable))?.targets.push(target);
  return [...byRoot.values()].filter((component) => component.targets.length > 0);
}

/** Bounds and rows of one LP over some variables, in HiGHS's CSR form. */
export function createModel(
  highs: Highs,
  cols: { lower: number; upper: number }[],
  column: Map<number, number>,
  rows: Row[],
) {
  const finite = (value: number) => highsBound(highs, value);
  const numCols = cols.length;
  const lp = highs.createModel({
    numCols,
    numRows: rows.length,
    colCost: new Float64Array(numCols),
    colLower: Float64Array.from(cols, (c) => c.lower),
    colUpper: Float64Array.from(cols, (c) => finite(c.upper)),
    rowLower: Float64Array.from(rows, (row) => finite(row.lower)),
    rowUpper: Float64Array.from(rows, (row) => finite(row.upper)),
    matrix: csrMatrix(rows, (row) => row.variables, column, numCols),
  });
  lp.options.set({ output_flag: false, presolve: "off" });
  return { lp, finite };
}

/**
 * Open batches below which each is pushed by its own LPs only, not together first: a push
 * together of the 60-unit benchmark's whole stacked system (14,000 hidden counts) costs about as
 * much as 10 to 20 batches' own LPs.
 */
export const TOGETHER_MIN = 32;
/** The share of the pushed batches a joint push must settle for another one to be tried. */
const TOGETHER_PROGRESS = 0.02;

export type SolveStatus = "optimal" | "unbounded";

/**
 * Runs the model with one objective; throws on anything but an optimum or unboundedness. The
 * first run is HiGHS's default (dual simplex from scratch); every later one goes on from the
 * last basis with the primal simplex: on the 60-unit benchmark's whole stacked system (8,800
 * hidden counts) the dual simplex took about 3,700 pivots per re-solve, the primal one a few
 * dozen.
 */
export function runObjective(
  highs: Highs,
  lp: ReturnType<typeof createModel>["lp"],
  numCols: number,
  terms: { column: number; sign: number }[],
  sense: "min" | "max",
): SolveStatus {
  lp.changeColsCost(
    { kind: "range" as const, from: 0, to: numCols - 1 },
    new Float64Array(numCols),
  );
  for (const term of terms) lp.changeColCost(term.column, term.sign);
  lp.changeObjectiveSense(highsSense(highs, sense));
  lp.run();
  lp.options.set({ simplex_strategy: PRIMAL_SIMPLEX });
  const status = lp.getModelStatus();
  if (status === UNBOUNDED) return "unbounded";
  if (status === INFEASIBLE) throw new Error("Sequence audit: the releases contradict each other");
  if (status !== OPTIMAL) throw new Error(`Sequence audit: unexpected solver status ${status}`);
  return "optimal";
}

function auditComponent(
  highs: Highs,
  variables: Variable[],
  component: Component,
  k: number,
  findings: BatchFinding[],
  {
    observePoint,
    togetherFrom,
  }: { observePoint: JointPointObserver | undefined; togetherFrom: number },
): number {
  const column = new Map(component.variables.map((v, index) => [v, index]));
  const cols = component.variables.map((v) => variables[v] as Variable);
  for (const col of cols) {
    if (col.lowerB > col.upperB + EPSILON) {
      throw new Error(
        `Sequence audit: release ${col.release} contradicts the others at ${col.groupId}`,
      );
    }
  }
  const numCols = cols.length;
  // The LP is solved in each chain's first count and increments (sequence-increments.ts): the
  // same system, far fewer rows.
  const increments = incrementModel(variables, component, column);
  const { lp, finite } = createModel(
    highs,
    Array.from(increments.columns.B.lower, (lower, j) => ({
      lower,
      upper: increments.columns.B.upper[j] as number,
    })),
    column,
    increments.rows,
  );
  const finiteBounds = ({ lower, upper }: { lower: Float64Array; upper: Float64Array }) => ({
    lower: lower.map(finite),
    upper: upper.map(finite),
  });
  const boundsB = finiteBounds(increments.columns.B);
  const boundsA = finiteBounds(increments.columns.A);
  let solves = 0;
  const targets = component.targets;
  const low = new Float64Array(targets.length).fill(Number.POSITIVE_INFINITY);
  const high = new Float64Array(targets.length).fill(Number.NEGATIVE_INFINITY);
  const batchIn = (target: Target, counts: ArrayLike<number>) =>
    target.terms.reduce(
      (sum, term) => sum + term.sign * (counts[column.get(term.variable) as number] as number),
      target.constant,
    );
  let model: "A" | "B" = "B";
  /** The last solution, in the LP's columns (first counts and increments). */
  let point: Float64Array | undefined;
  const observe = () => {
    const solution = lp.getSolution().colValue;
    point = solution;
    const counts = increments.counts(solution);
    observePoint?.(model, component.variables, counts);
    targets.forEach((target, index) => {
      const value = batchIn(target, counts);
      if (value < (low[index] as number)) low[index] = value;
      if (value > (high[index] as number)) high[index] = value;
    });
  };
  // After a push together the basis is far from any one batch's optimum: the next batch's own
  // LP starts with the dual simplex (the primal one took thousands of pivots there).
  let pushedLast = false;
  /** Optimum of d, or null when unbounded above. */
  const solve = (target: Target, sense: "min" | "max"): number | null => {
    solves++;
    if (pushedLast) lp.options.set({ simplex_strategy: DUAL_SIMPLEX });
    pushedLast = false;
    const terms = increments.expand(target.terms);
    if (runObjective(highs, lp, numCols, terms, sense) === "unbounded") return null;
    observe();
    return lp.getObjectiveValue() + target.constant;
  };
  /**
   * Pushes the open batches' sizes together (their sum up, then down) while that settles some:
   * each optimum is a point of the system like any other, and one point settles many batches
   * where each batch's own LP settles a few. The LP's columns (first counts and increments) stay
   * within k of the last point (it lies inside, so the boxed system has points, all of them
   * points of the system, and the sum is bounded); findings still come only from each batch's
   * own optima.
   */
  const together = (open: (index: number) => boolean) => {
    for (let progress = true; progress && point; ) {
      progress = false;
      for (const sense of ["max", "min"] as const) {
        const picked = targets.flatMap((_, index) => (open(index) ? [index] : []));
        if (picked.length < togetherFrom || !point) return;
        const terms = increments.expand(
          picked.flatMap((index) => (targets[index] as Target).terms),
        );
        const around = point;
        const bounds = model === "B" ? boundsB : boundsA;
        lp.changeColsBounds(
          { kind: "range" as const, from: 0, to: numCols - 1 },
          bounds.lower.map((lower, i) => Math.max(lower, (around[i] as number) - k)),
          bounds.upper.map((upper, i) => Math.min(upper, (around[i] as number) + k)),
        );
        solves++;
        pushedLast = true;
        lp.options.set({ simplex_strategy: DUAL_SIMPLEX });
        let status: SolveStatus | "failed";
        try {
          status = runObjective(highs, lp, numCols, terms, sense);
        } catch {
          // Numerically the box lost its point: each batch's own LPs go on from here.
          status = "failed";
        }
        if (status === "optimal") observe();
        lp.changeColsBounds(
          { kind: "range" as const, from: 0, to: numCols - 1 },
          bounds.lower,
          bounds.upper,
        );
        if (status === "failed") return;
        const left = picked.filter(open).length;
        if (picked.length - left >= Math.max(1, picked.length * TOGETHER_PROGRESS)) progress = true;
      }
    }
  };
  // Neither exact in 1..k−1 nor provably inside 1..k−1: a point at 0 or at k or above settles
  // both questions; two points whose sizes round apart (the highest's floor above the lowest's
  // ceiling, so the optima's too) settle exactness: 2 and 3 do, 2.5 and 3.5 need the optima.
  const settled = (index: number) =>
    (low[index] as number) <= EPSILON || (high[index] as number) >= k - EPSILON;
  const apart = (index: number) =>
    Math.floor((high[index] as number) + EPSILON) > Math.ceil((low[index] as number) - EPSILON);
  try {
    // Model B: values and reasons.
    const open: number[] = [];
    let pushed = false;
    targets.forEach((target, index) => {
      if (!pushed && point) {
        pushed = true;
        together((other) => !settled(other) && !apart(other));
      }
      if (settled(index) || apart(index)) {
        if (!settled(index)) open.push(index);
        return;
      }
      const max = solve(target, "max");
      if (max === null || settled(index) || apart(index)) {
        if (max !== null && !settled(index)) open.push(index);
        return;
      }
      const min = solve(target, "min") as number;
      if (settled(index)) return;
      const exact = Math.floor(max + EPSILON) <= Math.ceil(min - EPSILON);
      if (exact)
        findings.push({ kind: "exact", groupId: target.groupId, from: target.from, to: target.to });
      else open.push(index);
    });
    if (open.length === 0) return solves;
    // Model A: values only. Does a batch group provably hold 1..k−1?
    model = "A";
    lp.changeColsBounds(
      { kind: "range" as const, from: 0, to: numCols - 1 },
      boundsA.lower,
      boundsA.upper,
    );
    if (increments.rows.length > 0) {
      const rowsA = finiteBounds(increments.rowBounds.A);
      lp.changeRowsBounds(
        { kind: "range" as const, from: 0, to: increments.rows.length - 1 },
        rowsA.lower,
        rowsA.upper,
      );
    }
    // Its first run with the dual simplex (runObjective switches back to the primal one): on the
    // 60-unit benchmark's ten interims it took 7,401 primal pivots (8.7 s of CPU) after the switch.
    lp.options.set({ simplex_strategy: DUAL_SIMPLEX });
    const inA = new Uint8Array(targets.length);
    for (const index of open) inA[index] = 1;
    together((index) => inA[index] === 1 && !settled(index));
    for (const index of open) {
      if (settled(index)) continue;
      const target = targets[index] as Target;
      const min = solve(target, "min") as number;
      if (settled(index) || Math.ceil(min - EPSILON) < 1) continue;
      const max = solve(target, "max");
      if (settled(index) || max === null || Math.floor(max + EPSILON) >= k) continue;
      findings.push({ kind: "narrow", groupId: target.groupId, from: target.from, to: target.to });
    }
    return solves;
  } finally {
    lp.dispose();
  }
}
