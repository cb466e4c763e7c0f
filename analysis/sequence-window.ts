import type { Highs } from "highs";
import {
  createModel,
  type Entry,
  type Row,
  runObjective,
  type SequenceSystem,
} from "./sequence-system";
import type { TrueCounts } from "./true-group-counts";

/**
 * Witnesses of a few consecutive releases a..b moved together (each hidden count on its own),
 * every other release at its true counts: the reader's stacked system restricted to a window,
 * with the true counts of releases a − 1 and b + 1 as bounds. It settles batches for which
 * shifting whole releases is too rigid (a count that must go up in one release while its
 * neighbours' other counts make room in the next).
 */
export interface WindowWitnesses {
  previous: TrueCounts | undefined;
  next: TrueCounts | undefined;
  /** The true counts of the releases in the window, oldest first. */
  inner: TrueCounts[];
  /** "release|group id" of each column, and the points found, in that order. */
  keys: string[];
  points: { model: "A" | "B"; x: Float64Array }[];
  done: Set<string>;
  /** Batches ("model id from to") whose size the window lets grow without bound. */
  unbounded: Set<string>;
}

export interface WindowBatch {
  id: string;
  from: number;
  to: number;
  start: NonNullable<Entry>;
  end: NonNullable<Entry>;
  /** The group's published or true count in each release. */
  counts: (number | undefined)[];
}

export interface Extremes {
  minB: number;
  maxB: number;
  minA: number;
  maxA: number;
}

export class Window {
  solves = 0;
  private readonly columns: number[] = [];
  private readonly index = new Map<string, number>();
  private readonly models = new Map<string, ReturnType<typeof createModel>>();
  private readonly bounds: { lowerA: number; upperA: number; lowerB: number; upperB: number }[] =
    [];
  private readonly rows: Row[] = [];

  constructor(
    private readonly highs: Highs,
    system: SequenceSystem,
    base: Map<string, (number | undefined)[]>,
    truths: TrueCounts[],
    a: number,
    b: number,
    readonly witnesses: WindowWitnesses,
  ) {
    const keys: string[] = [];
    const local = new Map<number, number>();
    system.variables.forEach((variable, v) => {
      if (variable.release < a || variable.release > b) return;
      const own = (base.get(variable.groupId) as number[])[variable.release] as number;
      const lower = a > 0 ? Math.min(own, truths[a - 1]?.get(variable.groupId) ?? own) : 0;
      const upper =
        b < truths.length - 1
          ? Math.max(own, truths[b + 1]?.get(variable.groupId) ?? own)
          : Number.POSITIVE_INFINITY;
      local.set(v, this.columns.length);
      keys.push(`${variable.release}|${variable.groupId}`);
      this.columns.push(v);
      this.bounds.push({
        lowerA: Math.max(variable.lowerA, lower),
        upperA: Math.min(variable.upperA, upper),
        lowerB: Math.max(variable.lowerB, lower),
        upperB: Math.min(variable.upperB, upper),
      });
    });
    if (witnesses.keys.length !== keys.length || witnesses.keys.some((key, i) => key !== keys[i])) {
      witnesses.keys = keys;
      witnesses.points = [];
      witnesses.done.clear();
      witnesses.unbounded.clear();
    }
    keys.forEach((key, i) => {
      this.index.set(key, i);
    });
    const inWindow = (row: Row) => row.variables.every((v) => local.has(v));
    for (const row of [
      ...system.chainRows.filter(inWindow),
      ...system.ownRows.slice(a, b + 1).flat(),
    ]) {
      this.rows.push({ ...row, variables: row.variables.map((v) => local.get(v) as number) });
    }
  }

  /** Whether the window moves one end of the batch. */
  moves(batch: WindowBatch): boolean {
    return this.terms(batch).length > 0;
  }

  /** The batch's least and greatest size over the points found so far. */
  extremes(batch: WindowBatch, into: Extremes): void {
    const to = this.index.get(`${batch.to}|${batch.id}`);
    const from = this.index.get(`${batch.from}|${batch.id}`);
    const end = batch.counts[batch.to] as number;
    const start = batch.counts[batch.from] as number;
    if (this.witnesses.unbounded.has(`B ${batch.id} ${batch.from} ${batch.to}`))
      into.maxB = Infinity;
    if (
      this.witnesses.unbounded.has(`A ${batch.id} ${batch.from} ${batch.to}`) ||
      into.maxB === Infinity
    )
      into.maxA = Infinity;
    for (const { model, x } of this.witnesses.points) {
      const d =
        (to === undefined ? end : (x[to] as number)) -
        (from === undefined ? start : (x[from] as number));
      if (model === "B") {
        into.minB = Math.min(into.minB, d);
        into.maxB = Math.max(into.maxB, d);
      }
      into.minA = Math.min(into.minA, d);
      into.maxA = Math.max(into.maxA, d);
    }
  }

  /** Solves for the batch's least or greatest size; false when that was done already. */
  solve(batch: WindowBatch, model: "A" | "B", sense: "min" | "max"): boolean {
    const terms = this.terms(batch);
    const key = `${model}${sense} ${batch.id} ${batch.from} ${batch.to}`;
    if (terms.length === 0 || this.witnesses.done.has(key)) return false;
    this.witnesses.done.add(key);
    let built = this.models.get(model);
    if (!built) {
      built = createModel(
        this.highs,
        this.bounds.map((bound) =>
          model === "B"
            ? { lower: bound.lowerB, upper: bound.upperB }
            : { lower: bound.lowerA, upper: bound.upperA },
        ),
        new Map(this.columns.map((_, i) => [i, i])),
        this.rows,
      );
      this.models.set(model, built);
    }
    this.solves++;
    const status = runObjective(this.highs, built.lp, this.columns.length, terms, sense);
    if (status === "unbounded") {
      // The solver's point is no witness then: only this batch is known to grow without bound.
      if (sense === "max")
        this.witnesses.unbounded.add(`${model} ${batch.id} ${batch.from} ${batch.to}`);
      return true;
    }
    this.witnesses.points.push({
      model,
      x: Float64Array.from(built.lp.getSolution().colValue),
    });
    return true;
  }

  /** The window's points as counts per release (for tests that check each is feasible). */
  lastPoint(): Map<number, Map<string, number>> {
    const point = this.witnesses.points.at(-1);
    const counts = new Map<number, Map<string, number>>();
    if (!point) return counts;
    this.witnesses.keys.forEach((key, i) => {
      const bar = key.indexOf("|");
      const release = Number(key.slice(0, bar));
      const found = counts.get(release) ?? new Map<string, number>();
      found.set(key.slice(bar + 1), point.x[i] as number);
      counts.set(release, found);
    });
    return counts;
  }

  private terms(batch: WindowBatch): { column: number; sign: number }[] {
    const terms: { column: number; sign: number }[] = [];
    const to = this.index.get(`${batch.to}|${batch.id}`);
    const from = this.index.get(`${batch.from}|${batch.id}`);
    if (to !== undefined) terms.push({ column: to, sign: 1 });
    if (from !== undefined) terms.push({ column: from, sign: -1 });
    return terms;
  }

  finish(): void {
    for (const { lp } of this.models.values()) lp.dispose();
    this.models.clear();
  }
}
