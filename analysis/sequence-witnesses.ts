import type { Highs } from "highs";
import { disjointSets } from "./disjoint-sets";
import type { ReleaseEquations } from "./release-equations";
import type { Release } from "./release-types";
import { auditJointly } from "./sequence-joint";
import {
  type OpenBatch,
  pointInSystem,
  rowsByVariable,
  type SequencePoint,
  settledByPoints,
} from "./sequence-points";
import {
  type BatchFinding,
  createModel,
  type Entry,
  EPSILON,
  type Row,
  runObjective,
  type SequenceSystem,
  sequenceSystem,
  type Variable,
} from "./sequence-system";
import type { TrueCounts } from "./true-group-counts";

/**
 * The sequence audit when the true counts of every release are known (the release worker keeps
 * them in memory). The true sequence satisfies everything a reader can write down, so it is a
 * feasible point of the stacked system: a batch whose true size is 0 or k and above is settled
 * by it. The other batches (less what kept joint points settle) go to the joint audit at once
 * while the stacked system fits one joint LP (WINDOW_MAX_VARIABLES); beyond, they are first
 * settled where possible by witnesses: the true sequence with the hidden counts of
 * some consecutive releases a..b moved by the same amount δ per group, within the true counts
 * of the releases around them (release a − 1 and b + 1). Such a point is feasible for the whole
 * sequence (every release's own relations hold because the truth and δ satisfy them, counts
 * still never go down), and its LP has one release's unknowns. Three kinds are used: one
 * release alone (a = b), a suffix up to the candidate (a group that did not change since cannot
 * move alone), and a prefix from the first release. Because counts never go down, the highest
 * and lowest δ of a group settle every batch of that group across the shift's edge at once.
 * Points joint LPs found before (kept in the cache, checked against this system) settle batches
 * before any shift is solved. (Two neighbouring releases moved freely were witnesses too; with
 * the whole system's points kept they cost more than they saved: the sixth interim of the
 * 60-unit benchmark took 69 s of CPU with them, 32 s without.) Batches nothing settles are audited jointly (sequence-joint.ts),
 * which ends in the reader's whole stacked system: what it pins is held back, nothing else.
 */

/**
 * The most hidden counts one joint LP holds before shift witnesses and windows are tried first
 * (auditJointly); what they leave open or pinned is audited in the whole stacked system however
 * large. Below it the batches the true counts and kept points leave open go to the whole system
 * at once: its open batches pushed together settle them in about ten LPs, where shift LPs cost
 * more than they spared (the 60-unit benchmark's candidate against ten interims: 8,296 LPs and
 * 23.7 s of CPU with shifts first, 11 LPs and 12.8 s without), and windows far more (each batch
 * a window pins needs its own LPs: 262 s against nine interims with windows of 6,000 counts;
 * with the old bound of 20,000, the sixteenth interim crossed it and ran for over 12 minutes).
 */
export const WINDOW_MAX_VARIABLES = 50_000;

/**
 * Moved counts of the joint points kept between builds (about 80 bytes each): the newest are
 * kept, older points are the likeliest to be no point of a later sequence anyway.
 */
const MAX_KEPT_MOVES = 1_000_000;

/** Lowest and highest shift δ of a hidden count in feasible points, with reasons (B) and without (A). */
interface Seen {
  lowB: number;
  highB: number;
  lowA: number;
  highA: number;
}

/** Which extremes were solved to optimality: no LP can move them further. */
const MAX_B = 1;
const MIN_B = 2;
const MAX_A = 4;
const MIN_A = 8;

interface ShiftWitnesses {
  /** The true counts of the releases just before and just after the shift. */
  previous: TrueCounts | undefined;
  next: TrueCounts | undefined;
  seen: Map<string, Seen>;
  done: Map<string, number>;
}

/**
 * Witnesses of the releases already shown, kept between rebuilds (in memory, with the true
 * counts): a shift that ends before the candidate depends only on the releases it moves and
 * their true neighbours, so only shifts touching the last shown release or the candidate are
 * solved again.
 */
export class WitnessCache {
  private readonly single = new WeakMap<TrueCounts, ShiftWitnesses>();
  private readonly prefix = new WeakMap<TrueCounts, ShiftWitnesses>();
  private points: SequencePoint[] = [];

  /**
   * Points the joint LPs found (windows and the whole stacked system), newest last, kept
   * through the hold-back rounds of one build and into later builds: each is checked against
   * the system of the audit that uses it before it may settle anything (sequence-points.ts).
   */
  keptPoints(): SequencePoint[] {
    return this.points;
  }

  /** Keeps at most the newest MAX_KEPT_MOVES moved counts' worth of points. */
  endBuild(_candidate: TrueCounts): void {
    let moves = 0;
    let first = this.points.length;
    while (
      first > 0 &&
      moves + (this.points[first - 1] as SequencePoint).moved.length <= MAX_KEPT_MOVES
    ) {
      first--;
      moves += (this.points[first] as SequencePoint).moved.length;
    }
    if (first > 0) this.points = this.points.slice(first);
  }

  take(
    kind: "single" | "prefix",
    truth: TrueCounts,
    previous: TrueCounts | undefined,
    next: TrueCounts | undefined,
  ): ShiftWitnesses | undefined {
    const found = this[kind].get(truth);
    return found && found.previous === previous && found.next === next ? found : undefined;
  }

  keep(kind: "single" | "prefix", truth: TrueCounts, witnesses: ShiftWitnesses): void {
    this[kind].set(truth, witnesses);
  }
}

/** A batch of one group's newcomers: its entries and the group's count in each release. */
interface Batch {
  id: string;
  from: number;
  to: number;
  start: NonNullable<Entry>;
  end: NonNullable<Entry>;
  /** The group's published or true count in each release. */
  counts: (number | undefined)[];
  /** Its true size. */
  d: number;
}

export interface WitnessAudit {
  findings: BatchFinding[];
  solves: number;
  /** Batches the witnesses left open, and what the joint fallback solved for them. */
  open: number;
  windowSolves: number;
}

/**
 * A feasible point: the releases listed at these hidden counts (by group id), every other
 * count at its truth. Model "B" points respect the reasons, "A" points the values alone.
 */
export type WitnessObserver = (
  model: "A" | "B",
  counts: ReadonlyMap<number, ReadonlyMap<string, number>>,
) => void;

type Base = Map<string, (number | undefined)[]>;

/**
 * Audits every batch of the sequence with the true counts `truths` (one per release, oldest
 * first; the last is the candidate). Returns null when the truths do not fit the releases
 * (then only the stacked audit may decide).
 */
export function auditBatchesWithTruths(
  highs: Highs,
  releases: Release[],
  structures: ReleaseEquations[],
  truths: TrueCounts[],
  k: number,
  {
    cache,
    observe,
    jointUpTo = WINDOW_MAX_VARIABLES,
  }: { cache?: WitnessCache; observe?: WitnessObserver; jointUpTo?: number } = {},
): WitnessAudit | null {
  const system = sequenceSystem(releases, structures);
  const last = releases.length - 1;
  const base = baseCounts(system, truths);
  if (!base) return null;
  const byRelease: number[][] = releases.map(() => []);
  system.variables.forEach((variable, index) => {
    byRelease[variable.release]?.push(index);
  });
  const context = { highs, system, base, truths, byRelease, observe };
  const shifts = new Map<string, Shift>();
  const shift = (a: number, b: number): Shift => {
    const key = `${a} ${b}`;
    let found = shifts.get(key);
    if (!found) {
      const kind = a === b ? "single" : a === 0 && b < last ? "prefix" : null;
      const truth = truths[b] as TrueCounts;
      const previous = a === b ? truths[a - 1] : undefined;
      const next = truths[b + 1];
      const cached = kind && b < last ? cache?.take(kind, truth, previous, next) : undefined;
      const witnesses = cached ?? { previous, next, seen: new Map(), done: new Map() };
      if (kind && b < last && !cached) cache?.keep(kind, truth, witnesses);
      found = new Shift(context, a, b, witnesses);
      shifts.set(key, found);
    }
    return found;
  };
  const findings: WitnessAudit["findings"] = [];
  const open: OpenBatch[] = [];
  const key = (batch: OpenBatch) => `${batch.from} ${batch.to} ${batch.groupId}`;
  try {
    const pending: Batch[] = [];
    for (const id of system.ids) {
      const timeline = system.entries.get(id) as Entry[];
      const counts = base.get(id) as (number | undefined)[];
      for (let to = timeline.length - 1; to >= 1; to--) {
        const end = timeline[to];
        if (!end) continue;
        for (let from = to - 1; from >= 0; from--) {
          const start = timeline[from];
          if (!start) continue;
          const d = (counts[to] as number) - (counts[from] as number);
          if ("value" in start && "value" in end) {
            if (d >= 1 && d < k) findings.push({ kind: "exact", groupId: id, from, to });
            continue;
          }
          if (d <= EPSILON || d >= k - EPSILON) continue;
          pending.push({ id, d, from, to, start, end, counts });
        }
      }
    }
    // Points the joint LPs found before (earlier rounds of this build, earlier builds) settle
    // what they still can, once checked against this system; only the rest is solved.
    const kept = cache?.keptPoints() ?? [];
    const settledByKept = new Set(
      kept.length === 0
        ? []
        : settledByKeptPoints(
            system,
            base,
            kept,
            pending.map(({ id, from, to }) => ({ groupId: id, from, to })),
            k,
            observe,
          ).map(key),
    );
    // Shift witnesses only where the whole system is too large for one joint LP.
    const shiftsFirst = system.variables.length > jointUpTo;
    for (const batch of pending) {
      const { id, from, to, start, end } = batch;
      if (settledByKept.has(key({ groupId: id, from, to }))) continue;
      if (!shiftsFirst) {
        open.push({ groupId: id, from, to });
        continue;
      }
      // Shifts across the batch's edge: the later release alone, the earlier one alone,
      // everything from the later one on, everything up to the earlier one.
      const moves: Move[] = [];
      if ("variable" in end) moves.push({ shift: shift(to, to), sign: 1 });
      if ("variable" in start) moves.push({ shift: shift(from, from), sign: -1 });
      const lazy: (() => Move)[] = [];
      if (to < last) lazy.push(() => ({ shift: shift(to, last), sign: 1 }));
      if (from > 0) lazy.push(() => ({ shift: shift(0, from), sign: -1 }));
      if (!settle(batch, moves, lazy, k)) open.push({ groupId: id, from, to });
    }
    const solves = [...shifts.values()].reduce((sum, lp) => sum + lp.solves, 0);
    if (open.length === 0) return { findings, solves, open: 0, windowSolves: 0 };
    // The candidate is free in every joint LP (fixed at its truth, it pinned batches between
    // shown releases that the reader's system leaves open, and hiding could never free them).
    const joint = auditJointly(highs, releases, structures, system, truths, k, open, {
      upTo: jointUpTo,
      keep: cache ? (point: SequencePoint) => kept.push(point) : undefined,
      observe,
    });
    findings.push(...joint.findings);
    return { findings, solves, open: open.length, windowSolves: joint.solves };
  } finally {
    for (const lp of shifts.values()) lp.finish();
  }
}

/**
 * The open batches that kept joint points settle: only points of this system count (checked
 * row by row), and each one used is shown to `observe` as a witness.
 */
function settledByKeptPoints(
  system: SequenceSystem,
  base: Base,
  kept: SequencePoint[],
  batches: OpenBatch[],
  k: number,
  observe: WitnessObserver | undefined,
): OpenBatch[] {
  const rowsOf = rowsByVariable(system);
  const points: { model: "A" | "B"; moved: Map<number, number> }[] = [];
  for (const point of kept) {
    const moved = pointInSystem(system, base, rowsOf, point);
    if (!moved) continue;
    points.push({ model: point.model, moved });
    if (observe) {
      const counts = new Map<number, Map<string, number>>();
      for (const [v, value] of moved) {
        const variable = system.variables[v] as Variable;
        const release = counts.get(variable.release) ?? new Map<string, number>();
        release.set(variable.groupId, value);
        counts.set(variable.release, release);
      }
      observe(point.model, counts);
    }
  }
  return points.length === 0 ? [] : settledByPoints(system, base, points, batches, k);
}

/** Each group's count in each release: published, or true where hidden; null if the truths do not fit. */
function baseCounts(
  system: SequenceSystem,
  truths: TrueCounts[],
): Map<string, (number | undefined)[]> | null {
  const base = new Map<string, (number | undefined)[]>();
  for (const id of system.ids) {
    const timeline = system.entries.get(id) as Entry[];
    const counts: (number | undefined)[] = [];
    let previous = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < timeline.length; t++) {
      const entry = timeline[t];
      if (!entry) continue;
      const truth = truths[t]?.get(id);
      if ("value" in entry) {
        // A direct part a release leaves out is 0, and its truth may not list it.
        if ((truth ?? 0) !== entry.value) return null;
        counts[t] = entry.value;
      } else {
        const variable = system.variables[entry.variable];
        if (truth === undefined || !variable) return null;
        if (truth < variable.lowerB - EPSILON || truth > variable.upperB + EPSILON) return null;
        counts[t] = truth;
      }
      if ((counts[t] as number) < previous) return null;
      previous = counts[t] as number;
    }
    base.set(id, counts);
  }
  // Every release's own relations hold for its counts (they do when the truths are its own).
  for (const rows of system.ownRows) {
    for (const row of rows) {
      let sum = 0;
      row.variables.forEach((v, i) => {
        const variable = system.variables[v];
        const counts = variable && base.get(variable.groupId);
        sum +=
          (row.coefficients[i] as number) * ((counts?.[variable?.release ?? -1] as number) ?? 0);
      });
      if (sum < row.lower - EPSILON || sum > row.upper + EPSILON) return null;
    }
  }
  return base;
}

interface Move {
  shift: Shift;
  /** +1: the shift moves the batch's later count; −1: its earlier one. */
  sign: number;
}

/**
 * Whether witnesses show the batch (true size `d`, in 1..k−1) is neither exactly a number in
 * 1..k−1 (two feasible points with reasons, an integer apart) nor provably in 1..k−1 (a
 * feasible point from the values alone at 0 or at k and above). Solves shift LPs, the cheapest
 * moves first, until it is or none is left.
 */
function settle(batch: Batch, moves: Move[], lazy: (() => Move)[], k: number) {
  const settled = (): boolean => {
    const seen = { minB: batch.d, maxB: batch.d, minA: batch.d, maxA: batch.d };
    for (const { shift, sign } of moves) {
      const found = shift.seen(batch.id);
      if (!found) continue;
      const b = [batch.d + sign * found.lowB, batch.d + sign * found.highB];
      const a = [batch.d + sign * found.lowA, batch.d + sign * found.highA];
      seen.minB = Math.min(seen.minB, ...b);
      seen.maxB = Math.max(seen.maxB, ...b);
      seen.minA = Math.min(seen.minA, ...a);
      seen.maxA = Math.max(seen.maxA, ...a);
    }
    // A shift of the later release(s) and one of the earlier release(s) with a release between
    // them left at its truth are independent: together they are a feasible point too.
    if (batch.to - batch.from >= 2) {
      let up = { lowB: 0, highB: 0, lowA: 0, highA: 0 };
      let down = { lowB: 0, highB: 0, lowA: 0, highA: 0 };
      for (const { shift, sign } of moves) {
        const found = shift.seen(batch.id);
        if (!found) continue;
        const side = sign > 0 ? up : down;
        const merged = {
          lowB: Math.min(side.lowB, found.lowB),
          highB: Math.max(side.highB, found.highB),
          lowA: Math.min(side.lowA, found.lowA),
          highA: Math.max(side.highA, found.highA),
        };
        if (sign > 0) up = merged;
        else down = merged;
      }
      seen.minB = Math.min(seen.minB, batch.d + up.lowB - down.highB);
      seen.maxB = Math.max(seen.maxB, batch.d + up.highB - down.lowB);
      seen.minA = Math.min(seen.minA, batch.d + up.lowA - down.highA);
      seen.maxA = Math.max(seen.maxA, batch.d + up.highA - down.lowA);
    }
    if (seen.minB <= EPSILON || seen.maxB >= k - EPSILON) return true;
    const notExact = Math.floor(seen.maxB + EPSILON) > Math.ceil(seen.minB - EPSILON);
    return notExact && (seen.minA <= EPSILON || seen.maxA >= k - EPSILON);
  };
  const push = (from: number): boolean => {
    for (const model of ["B", "A"] as const) {
      // A larger batch first (the later count up, the earlier one down), then a smaller one.
      for (const direction of [1, -1]) {
        for (const { shift, sign } of moves.slice(from)) {
          const sense = sign * direction > 0 ? "max" : "min";
          if (shift.solve(batch.id, model, sense) && settled()) return true;
        }
      }
    }
    return false;
  };
  if (settled() || push(0)) return true;
  for (const make of lazy) {
    const move = make();
    if (!move.shift.seen(batch.id)) continue;
    moves.push(move);
    if (settled() || push(moves.length - 1)) return true;
  }
  return false;
}

interface ShiftContext {
  highs: Highs;
  system: SequenceSystem;
  base: Base;
  truths: TrueCounts[];
  /** Variables of each release. */
  byRelease: number[][];
  observe: WitnessObserver | undefined;
}

interface Bounds {
  lowerA: number;
  upperA: number;
  lowerB: number;
  upperB: number;
}

/**
 * The LPs of one shift: releases a..b, one unknown δ per group hidden in them and published in
 * none, every relation of those releases in δ (Σ coefficient × δ = 0: the truth satisfies it),
 * δ bounded so that each moved count respects its own bounds and the true counts of releases
 * a − 1 and b + 1 (pinned where those do not know the group).
 */
class Shift {
  solves = 0;
  private readonly column = new Map<string, number>();
  private readonly groups: string[] = [];
  /** Each column's extremes seen so far (the cache's entry of its group). */
  private readonly seenOf: Seen[] = [];
  private readonly bounds: Bounds[] = [];
  private readonly rows: Row[] = [];
  private componentOf: Int32Array | undefined;
  private componentColumns: number[][] = [];
  /** Each column's place among its component's columns (its column in that component's LP). */
  private position: number[] = [];
  private componentRows: Row[][] = [];
  private readonly models = new Map<string, ReturnType<typeof createModel>>();

  constructor(
    private readonly context: ShiftContext,
    private readonly a: number,
    private readonly b: number,
    private readonly witnesses: ShiftWitnesses,
  ) {
    const { system, base, truths, byRelease } = context;
    const published = new Set<string>();
    for (let u = a; u <= b; u++) {
      for (const v of byRelease[u] ?? []) {
        const variable = system.variables[v] as Variable;
        const id = variable.groupId;
        if (published.has(id)) continue;
        const counts = base.get(id) as (number | undefined)[];
        const own = counts[u] as number;
        let index = this.column.get(id);
        if (index === undefined) {
          const timeline = system.entries.get(id) as Entry[];
          let fixed = false;
          for (let w = a; w <= b && !fixed; w++)
            fixed = timeline[w] !== null && "value" in (timeline[w] as object);
          if (fixed) {
            published.add(id);
            continue;
          }
          index = this.groups.length;
          this.column.set(id, index);
          this.groups.push(id);
          // The first moved count stays at least the previous release's truth (unmoved if it has none).
          const lower =
            a > 0 ? Math.min(0, (truths[a - 1]?.get(id) ?? own) - own) : Number.NEGATIVE_INFINITY;
          this.bounds.push({
            lowerA: lower,
            upperA: Number.POSITIVE_INFINITY,
            lowerB: lower,
            upperB: Number.POSITIVE_INFINITY,
          });
          if (!witnesses.seen.has(id))
            witnesses.seen.set(id, { lowB: 0, highB: 0, lowA: 0, highA: 0 });
          this.seenOf.push(witnesses.seen.get(id) as Seen);
        }
        const bound = this.bounds[index] as Bounds;
        bound.lowerA = Math.max(bound.lowerA, variable.lowerA - own);
        bound.upperA = Math.min(bound.upperA, variable.upperA - own);
        bound.lowerB = Math.max(bound.lowerB, variable.lowerB - own);
        bound.upperB = Math.min(bound.upperB, variable.upperB - own);
        if (b < truths.length - 1) {
          // The last moved count stays at most the next release's truth (0 if it has none).
          const upper = Math.max(0, (truths[b + 1]?.get(id) ?? own) - own);
          bound.upperA = Math.min(bound.upperA, upper);
          bound.upperB = Math.min(bound.upperB, upper);
        }
      }
    }
    const seenRows = new Set<string>();
    for (let u = a; u <= b; u++) {
      for (const row of system.ownRows[u] ?? []) {
        const terms = new Map<number, number>();
        row.variables.forEach((v, i) => {
          const index = this.column.get(system.variables[v]?.groupId as string);
          if (index !== undefined)
            terms.set(index, (terms.get(index) ?? 0) + (row.coefficients[i] as number));
        });
        const kept = [...terms].filter(([, coefficient]) => coefficient !== 0);
        if (kept.length === 0) continue;
        kept.sort((x, y) => x[0] - y[0]);
        const key = kept.join(";");
        if (seenRows.has(key)) continue;
        seenRows.add(key);
        this.rows.push({
          variables: kept.map(([index]) => index),
          coefficients: kept.map(([, coefficient]) => coefficient),
          lower: 0,
          upper: 0,
        });
      }
    }
  }

  /** The shifts seen so far for a group, or undefined when this shift cannot move it. */
  seen(groupId: string): Seen | undefined {
    return this.column.has(groupId) ? this.witnesses.seen.get(groupId) : undefined;
  }

  /** Pushes one extreme of a group's δ; false when it was already at its optimum. */
  solve(groupId: string, model: "A" | "B", sense: "min" | "max"): boolean {
    const index = this.column.get(groupId);
    if (index === undefined) return false;
    const flag =
      model === "B" ? (sense === "max" ? MAX_B : MIN_B) : sense === "max" ? MAX_A : MIN_A;
    const done = this.witnesses.done.get(groupId) ?? 0;
    if (done & flag) return false;
    this.witnesses.done.set(groupId, done | flag);
    const component = this.components()[index] as number;
    const members = this.componentColumns[component] as number[];
    const seen = this.witnesses.seen.get(groupId) as Seen;
    const bound = (column: number) => {
      const found = this.bounds[column] as Bounds;
      return model === "B"
        ? { lower: found.lowerB, upper: found.upperB }
        : { lower: found.lowerA, upper: found.upperA };
    };
    // A point already reached its bound: no LP can push it further (on the 60-unit benchmark's
    // ten interims, 11,733 of the first audit's 20,015 shift LPs).
    const { lower, upper } = bound(index);
    const reached =
      sense === "max"
        ? (model === "B" ? seen.highB : seen.highA) >= upper - EPSILON
        : (model === "B" ? seen.lowB : seen.lowA) <= lower + EPSILON;
    if (reached) return false;
    if ((this.componentRows[component] as Row[]).length === 0) {
      // No relation: its bounds are its extremes.
      this.record(model, [index], [sense === "max" ? upper : lower]);
      return true;
    }
    const key = `${component}:${model}`;
    let built = this.models.get(key);
    if (!built) {
      built = createModel(
        this.context.highs,
        members.map(bound),
        new Map(members.map((column, i) => [column, i])),
        this.componentRows[component] as Row[],
      );
      this.models.set(key, built);
    }
    this.solves++;
    const status = runObjective(
      this.context.highs,
      built.lp,
      members.length,
      [{ column: this.position[index] as number, sign: 1 }],
      sense,
    );
    if (status === "unbounded") {
      if (model === "B") seen.highB = Number.POSITIVE_INFINITY;
      seen.highA = Number.POSITIVE_INFINITY;
      return true;
    }
    this.record(model, members, built.lp.getSolution().colValue);
    return true;
  }

  /** Records a point: `values[i]` is the shift of column `columns[i]`. */
  private record(model: "A" | "B", columns: readonly number[], values: ArrayLike<number>): void {
    for (let i = 0; i < columns.length; i++) {
      const value = values[i] as number;
      const seen = this.seenOf[columns[i] as number] as Seen;
      if (model === "B") {
        seen.lowB = Math.min(seen.lowB, value);
        seen.highB = Math.max(seen.highB, value);
      }
      seen.lowA = Math.min(seen.lowA, value);
      seen.highA = Math.max(seen.highA, value);
    }
    const { observe, system, base } = this.context;
    if (!observe) return;
    const points = new Map<number, Map<string, number>>();
    for (let u = this.a; u <= this.b; u++) {
      const point = new Map<string, number>();
      columns.forEach((index, i) => {
        const id = this.groups[index] as string;
        const entry = system.entries.get(id)?.[u];
        if (entry && "variable" in entry)
          point.set(id, ((base.get(id) as number[])[u] as number) + (values[i] as number));
      });
      points.set(u, point);
    }
    observe(model, points);
  }

  private components(): Int32Array {
    if (this.componentOf) return this.componentOf;
    const { find, join } = disjointSets(this.groups.length);
    for (const row of this.rows) for (const v of row.variables) join(row.variables[0] as number, v);
    const index = new Map<number, number>();
    const componentOf = new Int32Array(this.groups.length);
    for (let column = 0; column < this.groups.length; column++) {
      const root = find(column);
      if (!index.has(root)) {
        index.set(root, this.componentColumns.length);
        this.componentColumns.push([]);
        this.componentRows.push([]);
      }
      const component = index.get(root) as number;
      componentOf[column] = component;
      const members = this.componentColumns[component] as number[];
      this.position[column] = members.length;
      members.push(column);
    }
    for (const row of this.rows)
      this.componentRows[componentOf[row.variables[0] as number] as number]?.push(row);
    this.componentOf = componentOf;
    return componentOf;
  }

  /** Frees the solver models (the witnesses stay in the cache). */
  finish(): void {
    for (const { lp } of this.models.values()) lp.dispose();
    this.models.clear();
  }
}
