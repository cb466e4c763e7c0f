import type { Highs } from "highs";
import { disjointSets } from "./disjoint-sets";
import { type AnswerLp, answerLp } from "./sequence-answer-model";
import { isPointOf, type MovedPoints } from "./sequence-answer-moves";
import type { PinSubject } from "./sequence-answer-pins";
import { incrementModel } from "./sequence-increments";
import {
  createModel,
  EPSILON,
  type Row,
  runObjective,
  type SequenceSystem,
  type Variable,
} from "./sequence-system";

/**
 * Points of a question's stacked answer system lifted from points of the group sizes alone
 * (issue 10: the answer audit's "size" checks without an LP per check).
 *
 * The true counts of every release are one point of the answer system: sizes T, option counts
 * y. Take another point W of the size system alone (a size LP's optimum) and Δ = W − T. Moving
 * every option count of a group by p_o·Δ of its size, for one probability vector p over the
 * question's slots (options, or ticked / not ticked), keeps every equality row: a group's
 * options still add up to its size (Σ p = 1), each option's relations are the size relations
 * (linear, Δ satisfies them: W and T do, published counts have Δ = 0). Only inequalities can
 * break, each touching one slot: an option count not below 0 (nor above its cap), an option
 * count that never goes down. Such a row with the truth's slack s ≥ 0 and change c < 0 per unit
 * of p_o allows p_o ≤ s / |c|; the smallest of these is u_o. A p exists iff Σ u_o ≥ 1; with Σ u
 * < 1, Δ is scaled by λ = Σ u (T + λΔ is a point of the size system too: it is convex). The
 * sizes Δ moves fall apart in components no row joins: each gets its own p and λ (a row that
 * breaks in one does not hold the others back).
 *
 * The lifted point is never trusted for being built so: `liftSizePoint` checks it against every
 * row and bound of the answer system, as the truth is checked, and returns null if any fails.
 */

/**
 * The answer system as the points read it (auditQuestion's): sizes first (the size system's
 * variables), each count's size and slot. Not sequence-answer-model.ts's AnswerSystem, which
 * holds the tables by group.
 */
export interface LiftSystem {
  /** Columns 0..sizes−1 are the size system's variables, in its order. */
  sizes: number;
  /** Per column: the size variable its group's count (a slot of it) follows; −1: none. */
  sizeOf: Int32Array;
  /** Per column: its slot (option), −1 for a size column. */
  slotOf: Int32Array;
  slots: number;
  rows: readonly Row[];
  lower: readonly number[];
  upper: readonly number[];
  /** Per column: its chain (a group's sizes, or its counts of one option) and release. */
  chains: readonly { key: string; release: number }[];
}

/**
 * The truth `truth` (a point of the answer system) moved towards the size point `size` (over the
 * size variables) as above, or null when nothing moves or the result is no point of the system.
 */
export function liftSizePoint(
  system: LiftSystem,
  truth: Float64Array,
  size: ArrayLike<number>,
): Float64Array | null {
  const { sizes, sizeOf, slotOf, slots, rows, lower, upper } = system;
  const delta = new Float64Array(sizes);
  let moves = false;
  for (let v = 0; v < sizes; v++) {
    const d = (size[v] as number) - (truth[v] as number);
    if (Math.abs(d) > EPSILON) {
      delta[v] = d;
      moves = true;
    }
  }
  if (!moves) return null;
  const sizeIn = (j: number) => (j < sizes ? j : (sizeOf[j] as number));
  // Components of the moved sizes: joined by every row of the answer system touching two.
  const { find, join } = disjointSets(sizes);
  for (const row of rows) {
    let first = -1;
    for (const j of row.variables) {
      const v = sizeIn(j);
      if (v < 0 || delta[v] === 0) continue;
      if (first < 0) first = v;
      else join(first, v);
    }
  }
  // u per component and slot: the most of Δ each slot may take.
  const most = new Map<number, Float64Array>();
  const limits = (v: number) => {
    const root = find(v);
    let found = most.get(root);
    if (!found) {
      found = new Float64Array(slots).fill(Number.POSITIVE_INFINITY);
      most.set(root, found);
    }
    return found;
  };
  /** A single slot's bound: the value `value` within [lo, hi] moved by p_slot × change. */
  const bound = (
    u: Float64Array,
    slot: number,
    value: number,
    change: number,
    lo: number,
    hi: number,
  ) => {
    if (Math.abs(change) <= EPSILON) return;
    const room = change < 0 ? value - lo : hi - value;
    u[slot] = Math.min(u[slot] as number, Math.max(0, room) / Math.abs(change));
  };
  const change = new Float64Array(slots);
  for (const row of rows) {
    change.fill(0);
    let sizeChange = 0;
    let value = 0;
    let at = -1;
    for (let i = 0; i < row.variables.length; i++) {
      const j = row.variables[i] as number;
      const coefficient = row.coefficients[i] as number;
      value += coefficient * (truth[j] as number);
      const v = sizeIn(j);
      if (v < 0 || delta[v] === 0) continue;
      at = v;
      if (j < sizes) sizeChange += coefficient * (delta[v] as number);
      else {
        const slot = slotOf[j] as number;
        change[slot] = (change[slot] as number) + coefficient * (delta[v] as number);
      }
    }
    if (at < 0) continue;
    const u = limits(at);
    let changing = -1;
    let several = false;
    for (let s = 0; s < slots; s++) {
      // A size's change is shared by the slots (Σ p = 1).
      change[s] = (change[s] as number) + sizeChange;
      if (Math.abs(change[s] as number) > EPSILON) {
        if (changing >= 0) several = true;
        changing = s;
      }
    }
    if (changing < 0) continue;
    if (several) {
      // Not a row of one slot (none is written so): this component does not move.
      u.fill(0);
      continue;
    }
    bound(u, changing, value, change[changing] as number, row.lower, row.upper);
  }
  for (let j = sizes; j < lower.length; j++) {
    const v = sizeOf[j] as number;
    if (v < 0 || delta[v] === 0) continue;
    bound(
      limits(v),
      slotOf[j] as number,
      truth[j] as number,
      delta[v] as number,
      lower[j] as number,
      upper[j] as number,
    );
  }
  // Per component: p and λ.
  const shares = new Map<number, { lambda: number; p: Float64Array }>();
  for (const [root, u] of most) {
    const p = new Float64Array(slots);
    let lambda = 1;
    const free = u.filter((x) => x === Number.POSITIVE_INFINITY).length;
    if (free > 0)
      for (let s = 0; s < slots; s++) p[s] = u[s] === Number.POSITIVE_INFINITY ? 1 / free : 0;
    else {
      const total = u.reduce((sum, x) => sum + x, 0);
      if (total <= EPSILON) continue;
      lambda = Math.min(1, total);
      for (let s = 0; s < slots; s++) p[s] = (u[s] as number) / total;
    }
    shares.set(root, { lambda, p });
  }
  if (shares.size === 0) return null;
  const point = Float64Array.from(truth);
  for (let j = 0; j < lower.length; j++) {
    const v = sizeIn(j);
    if (v < 0 || delta[v] === 0) continue;
    const share = shares.get(find(v));
    if (!share) continue;
    const step = share.lambda * (delta[v] as number);
    point[j] =
      (truth[j] as number) + (j < sizes ? step : (share.p[slotOf[j] as number] as number) * step);
  }
  return isPointOf({ rows, lower, upper }, point) ? point : null;
}

/**
 * One push of Σ sign × count in an LP written in increments: every count at the optimum, or null
 * (nothing to push: `solved` false; unbounded).
 */
function pushIncrements(
  highs: Highs,
  lp: ReturnType<typeof createModel>["lp"],
  increments: ReturnType<typeof incrementModel>,
  terms: { variable: number; sign: number }[],
  sense: "min" | "max",
): { counts: Float64Array | null; solved: boolean } {
  const cost = new Map<number, number>();
  for (const { column, sign } of increments.expand(terms))
    cost.set(column, (cost.get(column) ?? 0) + sign);
  if (cost.size === 0) return { counts: null, solved: false };
  const status = runObjective(
    highs,
    lp,
    increments.columns.B.lower.length,
    [...cost].map(([column, sign]) => ({ column, sign })),
    sense,
  );
  if (status !== "optimal") return { counts: null, solved: true };
  return { counts: increments.counts(lp.getSolution().colValue), solved: true };
}

/**
 * Points of the size system alone (model B: reasons, bounds, relations, never goes down), found
 * by pushing sizes of batches together, shared by every question of one answer audit: the size
 * system is the same for all. Each point is a size vector over the system's variables.
 */
export class SizePoints {
  private model: ReturnType<typeof createModel> | undefined;
  private increments: ReturnType<typeof incrementModel> | undefined;
  /** Points found per round (a round: one push up, one down), computed once. */
  readonly rounds: Float64Array[][] = [];
  solves = 0;

  constructor(
    private readonly highs: Highs,
    private readonly system: SequenceSystem,
  ) {}

  /** The points of round `round`, pushing the sizes `batches` (terms over size variables) if new. */
  round(round: number, batches: () => { vars: number[]; coefs: number[] }[]): Float64Array[] {
    const found = this.rounds[round];
    if (found) return found;
    const points: Float64Array[] = [];
    const terms = batches().flatMap((batch) =>
      batch.vars.map((variable, i) => ({ variable, sign: batch.coefs[i] as number })),
    );
    if (terms.length > 0) {
      for (const sense of ["max", "min"] as const) {
        const point = this.push(terms, sense);
        if (point) points.push(point);
      }
    }
    this.rounds[round] = points;
    return points;
  }

  dispose(): void {
    this.model?.lp.dispose();
    this.model = undefined;
  }

  private push(terms: { variable: number; sign: number }[], sense: "min" | "max") {
    const { variables, chainRows, ownRows } = this.system;
    if (variables.length === 0) return null;
    if (!this.model || !this.increments) {
      const all = variables.map((_, v) => v);
      const column = new Map(all.map((v) => [v, v]));
      this.increments = incrementModel(
        variables,
        { variables: all, rows: [...chainRows, ...ownRows.flat()] },
        column,
      );
      const { columns } = this.increments;
      this.model = createModel(
        this.highs,
        Array.from(columns.B.lower, (lower, j) => ({
          lower,
          upper: columns.B.upper[j] as number,
        })),
        column,
        this.increments.rows,
      );
    }
    const counts = pushIncrements(this.highs, this.model.lp, this.increments, terms, sense);
    if (counts.solved) this.solves++;
    return counts.counts;
  }
}

/**
 * Points of the answer system where only one slot's counts move with the sizes: every option
 * count of slot `slot` moves by its group's size change Δ, every other option count stays at the
 * truth (p concentrated on one slot). Substituting that into every row and bound of the answer
 * system leaves a system in the sizes alone, of the size system's shape (bounds, relations,
 * counts never go down) but with the slot's own limits: written in z = (the slot's count at the
 * truth) + Δ, its chain rows are again "later ≥ earlier" and it is solved in increments
 * (sequence-increments.ts) as the size audit's LPs are. Each push gives a point; it is checked
 * against the whole answer system before it is returned.
 */
export class SlotSystem {
  private readonly own: Float64Array;
  private readonly model: ReturnType<typeof createModel> | undefined;
  private readonly increments: ReturnType<typeof incrementModel> | undefined;
  solves = 0;

  constructor(
    private readonly highs: Highs,
    sizeVariables: readonly Variable[],
    private readonly system: LiftSystem,
    private readonly truth: Float64Array,
    private readonly slot: number,
  ) {
    const { sizes, sizeOf, slotOf, rows, lower, upper } = system;
    // The slot's count of each size at the truth; a size without one does not move.
    const own = new Float64Array(sizes).fill(Number.NaN);
    for (let j = sizes; j < lower.length; j++)
      if (slotOf[j] === slot && (sizeOf[j] as number) >= 0)
        own[sizeOf[j] as number] = truth[j] as number;
    this.own = own;
    const moves = (v: number) => !Number.isNaN(own[v] as number);
    const low = new Float64Array(sizes);
    const high = new Float64Array(sizes);
    for (let v = 0; v < sizes; v++) {
      low[v] = moves(v) ? (lower[v] as number) - (truth[v] as number) : 0;
      high[v] = moves(v) ? (upper[v] as number) - (truth[v] as number) : 0;
    }
    const tighten = (v: number, lo: number, hi: number) => {
      low[v] = Math.max(low[v] as number, lo);
      high[v] = Math.min(high[v] as number, hi);
    };
    for (let j = sizes; j < lower.length; j++) {
      const v = sizeOf[j] as number;
      if (slotOf[j] !== slot || v < 0) continue;
      tighten(
        v,
        (lower[j] as number) - (truth[j] as number),
        (upper[j] as number) - (truth[j] as number),
      );
    }
    // Every row in Δ: Σ a_v Δ_v within the row's bounds less its value at the truth.
    const merged = new Map<string, Row>();
    for (const row of rows) {
      const terms = new Map<number, number>();
      let value = 0;
      for (let i = 0; i < row.variables.length; i++) {
        const j = row.variables[i] as number;
        const coefficient = row.coefficients[i] as number;
        value += coefficient * (truth[j] as number);
        const v = j < sizes ? j : slotOf[j] === slot ? (sizeOf[j] as number) : -1;
        if (v < 0 || !moves(v)) continue;
        const sum = (terms.get(v) ?? 0) + coefficient;
        if (sum === 0) terms.delete(v);
        else terms.set(v, sum);
      }
      if (terms.size === 0) continue;
      const vars = [...terms.keys()].sort((a, b) => a - b);
      const sign = Math.sign(terms.get(vars[0] as number) as number);
      const coefs = vars.map((v) => sign * (terms.get(v) as number));
      let lo = row.lower - value;
      let hi = row.upper - value;
      if (sign < 0) [lo, hi] = [-hi, -lo];
      if (vars.length === 1) {
        const a = coefs[0] as number;
        tighten(vars[0] as number, lo / a, hi / a);
        continue;
      }
      const key = `${vars.join(",")}|${coefs.join(",")}`;
      const found = merged.get(key);
      if (found) {
        found.lower = Math.max(found.lower, lo);
        found.upper = Math.min(found.upper, hi);
      } else merged.set(key, { variables: vars, coefficients: coefs, lower: lo, upper: hi });
    }
    // In z = own + Δ (a size that does not move: z = Δ = 0).
    const zRows = [...merged.values()].map((row) => {
      let shift = 0;
      row.variables.forEach((v, i) => {
        shift += (row.coefficients[i] as number) * this.base(v);
      });
      return { ...row, lower: row.lower + shift, upper: row.upper + shift };
    });
    const zVariables = sizeVariables.map((variable, v) => {
      const lo = (low[v] as number) + this.base(v);
      const hi = (high[v] as number) + this.base(v);
      return { ...variable, lowerA: lo, upperA: hi, lowerB: lo, upperB: hi };
    });
    // No size to move, or (not expected: the truth is a point, Δ = 0) no room: nothing to push.
    if (sizes === 0) return;
    if (zVariables.some((variable) => variable.lowerB > variable.upperB + EPSILON)) return;
    const all = zVariables.map((_, v) => v);
    const column = new Map(all.map((v) => [v, v]));
    this.increments = incrementModel(zVariables, { variables: all, rows: zRows }, column);
    const { columns } = this.increments;
    this.model = createModel(
      highs,
      Array.from(columns.B.lower, (lo, j) => ({ lower: lo, upper: columns.B.upper[j] as number })),
      column,
      this.increments.rows,
    );
  }

  /** The slot's count of size v at the truth (0 for a size that does not move). */
  private base(v: number): number {
    const own = this.own[v] as number;
    return Number.isNaN(own) ? 0 : own;
  }

  /** The point pushing Σ coefs × sizes (`sense`), or null (unbounded, or not a point). */
  push(objective: { vars: number[]; coefs: number[] }, sense: "min" | "max"): Float64Array | null {
    if (!this.model || !this.increments) return null;
    const { sizes, sizeOf, slotOf, rows, lower, upper } = this.system;
    const terms = objective.vars.map((variable, i) => ({
      variable,
      sign: objective.coefs[i] as number,
    }));
    const { counts: z, solved } = pushIncrements(
      this.highs,
      this.model.lp,
      this.increments,
      terms,
      sense,
    );
    if (solved) this.solves++;
    if (!z) return null;
    const point = Float64Array.from(this.truth);
    for (let v = 0; v < sizes; v++)
      point[v] = (this.truth[v] as number) + (z[v] as number) - this.base(v);
    for (let j = sizes; j < lower.length; j++) {
      const v = sizeOf[j] as number;
      if (slotOf[j] === this.slot && v >= 0)
        point[j] = (this.truth[j] as number) + (z[v] as number) - this.base(v);
    }
    return isPointOf({ rows, lower, upper }, point) ? point : null;
  }

  dispose(): void {
    this.model?.lp.dispose();
  }
}

/**
 * The answer system with every column but `free` held at the truth (one release's counts, say):
 * a smaller LP whose every solution, the held columns put back at the truth, is a point of the
 * whole system (rows touching no free column hold at the truth; the others are written with the
 * held columns' values moved to their bounds), solved in increments (answerLp). Its optima are no
 * bounds of the whole system: only the points are used, each checked against every row and bound
 * before it is returned.
 */
export class PartLp {
  private readonly lp: AnswerLp | undefined;
  private readonly local = new Map<number, number>();
  solves = 0;

  constructor(
    highs: Highs,
    private readonly system: Pick<LiftSystem, "rows" | "lower" | "upper" | "chains">,
    private readonly truth: Float64Array,
    private readonly free: readonly number[],
  ) {
    free.forEach((j, i) => {
      this.local.set(j, i);
    });
    const rows: Row[] = [];
    for (const row of system.rows) {
      const part: Row = { variables: [], coefficients: [], lower: row.lower, upper: row.upper };
      if (row.relation !== undefined) part.relation = row.relation;
      row.variables.forEach((j, i) => {
        const coefficient = row.coefficients[i] as number;
        const at = this.local.get(j);
        if (at !== undefined) {
          part.variables.push(at);
          part.coefficients.push(coefficient);
        } else {
          part.lower -= coefficient * (truth[j] as number);
          part.upper -= coefficient * (truth[j] as number);
        }
      });
      if (part.variables.length > 0) rows.push(part);
    }
    if (free.length === 0) return;
    this.lp = answerLp(highs, {
      lower: free.map((j) => system.lower[j] as number),
      upper: free.map((j) => system.upper[j] as number),
      rows,
      chains: free.map((j) => system.chains[j] as { key: string; release: number }),
    });
  }

  /** The point pushing Σ coefs × columns (`sense`), or null (nothing free, unbounded, no point). */
  push(objective: { vars: number[]; coefs: number[] }, sense: "min" | "max"): Float64Array | null {
    if (!this.lp) return null;
    const vars: number[] = [];
    const coefs: number[] = [];
    objective.vars.forEach((j, i) => {
      const at = this.local.get(j);
      if (at === undefined) return;
      vars.push(at);
      coefs.push(objective.coefs[i] as number);
    });
    if (vars.length === 0) return null;
    this.solves++;
    const { status, point: values } = this.lp.solve({ vars, coefs }, sense);
    if (status !== "optimal") return null;
    const point = Float64Array.from(this.truth);
    this.free.forEach((j, i) => {
      point[j] = values[i] as number;
    });
    const { rows, lower, upper } = this.system;
    return isPointOf({ rows, lower, upper }, point) ? point : null;
  }

  dispose(): void {
    this.lp?.dispose();
  }
}

/** How far from an open check's group the counts left free by the neighbourhood LPs reach. */
const NEIGHBOURHOOD_DEPTH = 2;
/**
 * The most counts the neighbourhood LPs leave free. On the 60-unit benchmark (2026-12-01/02) a
 * question's neighbourhood of its last open checks holds 5,000–8,000 counts, 10,600 where the
 * candidate withholds the question; such LPs take a few seconds per question.
 */
const NEIGHBOURHOOD_MAX_COLUMNS = 12_000;

/** The groups of a question's columns, and the columns near a set of groups. */
export class ColumnGroups {
  private readonly columnsOf = new Map<string, number[]>();
  private readonly rowsOf = new Map<string, Row[]>();

  constructor(
    /** Per column: its group's id (a size's or an option count's). */
    private readonly groupOf: readonly string[],
    rows: readonly Row[],
  ) {
    groupOf.forEach((id, j) => {
      const list = this.columnsOf.get(id);
      if (list) list.push(j);
      else this.columnsOf.set(id, [j]);
    });
    for (const row of rows)
      for (const id of new Set(row.variables.map((j) => groupOf[j] as string))) {
        const list = this.rowsOf.get(id);
        if (list) list.push(row);
        else this.rowsOf.set(id, [row]);
      }
  }

  /** The group of column j. */
  of(j: number): string {
    return this.groupOf[j] as string;
  }

  /** The groups `seeds` and the groups sharing a row with them, and theirs (`depth` steps). */
  near(seeds: Iterable<string>, depth = NEIGHBOURHOOD_DEPTH): Set<string> {
    let frontier = new Set(seeds);
    const near = new Set(frontier);
    for (let step = 0; step < depth; step++) {
      const next = new Set<string>();
      for (const id of frontier)
        for (const row of this.rowsOf.get(id) ?? [])
          for (const j of row.variables) {
            const other = this.groupOf[j] as string;
            if (!near.has(other)) {
              near.add(other);
              next.add(other);
            }
          }
      frontier = next;
    }
    return near;
  }

  /** Every column of the groups `ids`. */
  columns(ids: Iterable<string>): number[] {
    return [...ids].flatMap((id) => this.columnsOf.get(id) ?? []);
  }

  /**
   * Every column near the groups `seeds` (see `near`); none where that is more than
   * NEIGHBOURHOOD_MAX_COLUMNS or every column (the LP would be no smaller than the whole one).
   */
  neighbourhood(seeds: Iterable<string>, depth = NEIGHBOURHOOD_DEPTH): number[] {
    const free = this.columns(this.near(seeds, depth));
    return free.length > NEIGHBOURHOOD_MAX_COLUMNS || free.length >= this.groupOf.length
      ? []
      : free;
  }

  /**
   * The groups `seeds` split into parts whose neighbourhoods (`depth` steps) each hold at most
   * `limit` (NEIGHBOURHOOD_MAX_COLUMNS) columns and fewer than all, in the seeds' order; a seed
   * whose own neighbourhood is larger is left out. Per part: its seeds and its neighbourhood's
   * columns.
   */
  parts(
    seeds: Iterable<string>,
    depth = NEIGHBOURHOOD_DEPTH,
    limit = NEIGHBOURHOOD_MAX_COLUMNS,
  ): { seeds: Set<string>; free: number[] }[] {
    // A part as large as the whole question would be its whole LP, which the cap forbids.
    const most = Math.min(limit, this.groupOf.length - 1);
    const parts: { seeds: Set<string>; near: Set<string>; columns: number }[] = [];
    let current: (typeof parts)[number] | undefined;
    for (const seed of seeds) {
      const near = this.near([seed], depth);
      if (current) {
        let added = 0;
        for (const id of near)
          if (!current.near.has(id)) added += this.columnsOf.get(id)?.length ?? 0;
        if (current.columns + added <= most) {
          current.seeds.add(seed);
          for (const id of near) current.near.add(id);
          current.columns += added;
          continue;
        }
      }
      const columns = this.columns(near).length;
      if (columns > most) continue;
      current = { seeds: new Set([seed]), near, columns };
      parts.push(current);
    }
    return parts.map((part) => ({ seeds: part.seeds, free: this.columns(part.near) }));
  }
}

/** Rounds of neighbourhood pushes for the pinned counts, and the share a round must settle. */
const PIN_PUSH_ROUNDS = 6;
const PIN_PUSH_PROGRESS = 0.05;

/**
 * Points for the "pinned" checks of a question over the LP cap (sequence-answer-pins.ts), as the
 * neighbourhood LP does for batches: the open subjects' groups split into parts whose
 * neighbourhoods fit (ColumnGroups.parts); per part, every count and size of its neighbourhood
 * free and every other one held at the truth (PartLp), the part's open counts pushed together
 * with alternating signs, up and down, while a round settles enough. Each point is checked by
 * PartLp, and again by the caller, against every row and bound of the whole system.
 */
export function neighbourhoodPinPoints(
  highs: Highs,
  system: Pick<LiftSystem, "rows" | "lower" | "upper" | "chains">,
  groups: ColumnGroups,
  stats: { solves: number },
): MovedPoints {
  const groupsOf = (subject: PinSubject) =>
    [...subject.count.vars, ...(subject.size?.vars ?? [])].map((j) => groups.of(j));
  /** Pushes of the open subjects whose groups are all in `seeds`, the columns `free` free. */
  function* around(
    truth: Float64Array,
    open: () => readonly PinSubject[],
    seeds: ReadonlySet<string>,
    free: readonly number[],
  ): Generator<Float64Array> {
    const mine = () => open().filter((subject) => groupsOf(subject).every((id) => seeds.has(id)));
    if (mine().length === 0) return;
    const part = new PartLp(highs, system, truth, free);
    try {
      for (let round = 0; round < PIN_PUSH_ROUNDS; round++) {
        const before = mine().length;
        for (const sense of ["max", "min"] as const) {
          const subjects = mine();
          if (subjects.length === 0) return;
          const vars = subjects.flatMap((subject) => subject.count.vars);
          const coefs = subjects.flatMap((subject, i) =>
            subject.count.coefs.map((c) => ((i + round) % 2 === 0 ? c : -c)),
          );
          const point = part.push({ vars, coefs }, sense);
          if (point) yield point;
        }
        if (before - mine().length < PIN_PUSH_PROGRESS * before) return;
      }
    } finally {
      stats.solves += part.solves;
      part.dispose();
    }
  }
  return function* (truth, open) {
    for (const part of groups.parts(new Set(open().flatMap(groupsOf))))
      yield* around(truth, open, part.seeds, part.free);
  };
}
