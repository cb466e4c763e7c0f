import type { Highs } from "highs";
import { type AnswerLp, type AnswerSystem, answerLp } from "./sequence-answer-model";
import type { Lin } from "./sequence-answer-pins";
import type { ColumnGroups } from "./sequence-answer-points";
import { EPSILON, type Row } from "./sequence-system";

/**
 * Findings of the answer-table sequence audit proven over the LP cap (issue 10), from outside.
 *
 * Every check the relaxation proves here is a statement "the range of a linear form over the
 * stacked system is narrow" (sequence-answers.ts: a batch's size D and its other answers
 * D − d_o; sequence-answer-pins.ts: a count and its group's or batch's size), judged on the
 * rounded optima up(min), down(max), both monotone. The relaxation keeps only the rows whose
 * every unknown belongs to a group within `depth` steps of the check's group, every unknown in
 * its own bounds, and drops every other row: its feasible set holds the whole system's, so its
 * max is at least the whole max and its min at most the whole min. A range it shows narrow is
 * narrower still in the whole system, so the whole LP gives the same finding (same kind, group,
 * releases): `provenBatch` and `provenPin` claim one only where that holds whatever the whole
 * optima are within the relaxed ones. A relaxed range that is wide proves nothing: the check
 * stays as it was (unsettled). Nothing here settles a check.
 */

/** Steps out from a check's group whose rows the relaxation keeps (then fewer, if too large). */
export const RELAXATION_DEPTH = 3;
/** The most unknowns of one relaxed LP (a part of the open checks' groups, as the points'). */
export const RELAXATION_MAX_COLUMNS = 4_000;
/**
 * For what those leave unproven: steps out and unknowns of one more, wider pass (at most the
 * whole-question LP cap's 8,000). On the sequence bench's interim 2 (2026-12-02, ans21), two
 * hidden small groups' own counts of q0 that release 2 alone pins are proven at depth 5 only.
 */
export const RELAXATION_WIDE_DEPTH = 5;
export const RELAXATION_WIDE_MAX_COLUMNS = 8_000;

/** Steps out and unknowns of the relaxed LPs, and of the wider pass after them (false: none). */
export interface RelaxationOptions {
  depth?: number;
  limit?: number;
  wide?: { depth: number; limit: number } | false;
}

/** Bounds on a form's optima over the whole system (±∞: not bounded by the relaxation). */
export interface RelaxedBounds {
  max(expression: Lin): number;
  min(expression: Lin): number;
}

/** The LP of the rows lying wholly within `free` (every other row dropped), in increments. */
class RelaxedLp implements RelaxedBounds {
  private readonly lp: AnswerLp;
  private readonly local = new Map<number, number>();

  constructor(
    highs: Highs,
    system: Pick<AnswerSystem, "rows" | "lower" | "upper" | "chains">,
    free: readonly number[],
    private readonly stats: { solves: number },
  ) {
    free.forEach((j, i) => {
      this.local.set(j, i);
    });
    const rows: Row[] = [];
    for (const row of system.rows) {
      if (!row.variables.every((j) => this.local.has(j))) continue;
      rows.push({ ...row, variables: row.variables.map((j) => this.local.get(j) as number) });
    }
    this.lp = answerLp(highs, {
      lower: free.map((j) => system.lower[j] as number),
      upper: free.map((j) => system.upper[j] as number),
      rows,
      chains: free.map((j) => system.chains[j] as { key: string; release: number }),
    });
  }

  covers(expression: Lin): boolean {
    return expression.vars.every((j) => this.local.has(j));
  }

  private optimum(expression: Lin, sense: "min" | "max"): number {
    const unbounded = sense === "max" ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    if (expression.vars.length === 0) return expression.c;
    if (!this.covers(expression)) return unbounded;
    const vars = expression.vars.map((j) => this.local.get(j) as number);
    this.stats.solves++;
    let solved: ReturnType<AnswerLp["solve"]>;
    try {
      solved = this.lp.solve({ vars, coefs: expression.coefs }, sense);
    } catch {
      return unbounded; // no optimum: proves nothing
    }
    if (solved.status !== "optimal") return unbounded;
    let value = expression.c;
    vars.forEach((j, i) => {
      value += (expression.coefs[i] as number) * (solved.point[j] as number);
    });
    return value;
  }

  max(expression: Lin): number {
    return this.optimum(expression, "max");
  }

  min(expression: Lin): number {
    return this.optimum(expression, "min");
  }

  dispose(): void {
    this.lp.dispose();
  }
}

/**
 * Visits each item with the relaxed LP around its groups (`visit` tells whether it proved all of
 * it): the items' groups split into parts whose `depth`-step neighbourhoods fit
 * RELAXATION_MAX_COLUMNS (ColumnGroups.parts), one LP per part, and an item whose neighbourhood
 * does not fit is tried one step closer. A part's LP is a relaxation for every item whose groups
 * lie within its neighbourhood, so the items there whose own neighbourhood is too large are
 * tried in it too (kept for later parts unless it proves all of them).
 */
export function relaxationProofs<T>(
  highs: Highs,
  system: Pick<AnswerSystem, "rows" | "lower" | "upper" | "chains">,
  groups: ColumnGroups,
  items: readonly T[],
  groupsOf: (item: T) => readonly string[],
  visit: (item: T, bounds: RelaxedBounds) => boolean,
  stats: { solves: number; parts: number },
  {
    depth = RELAXATION_DEPTH,
    limit = RELAXATION_MAX_COLUMNS,
    wide = { depth: RELAXATION_WIDE_DEPTH, limit: RELAXATION_WIDE_MAX_COLUMNS },
  }: RelaxationOptions = {},
  /** "first": the passes at `depth` and closer alone; "wide": the wider pass alone. */
  which: "first" | "wide" | "both" = "both",
): void {
  let left = [...items];
  const passes: { d: number; limit: number }[] = [];
  if (which !== "wide") for (let d = depth; d >= 0; d--) passes.push({ d, limit });
  // Wider, deepest first, down to one step past the first passes.
  if (wide && which !== "first")
    for (let d = wide.depth; d > depth; d--) passes.push({ d, limit: wide.limit });
  for (const { d, limit } of passes) {
    if (left.length === 0) break;
    for (const part of groups.parts(new Set(left.flatMap(groupsOf)), d, limit)) {
      const near = new Set(part.free.map((j) => groups.of(j)));
      const inside = (ids: readonly string[], set: ReadonlySet<string>) =>
        ids.every((id) => set.has(id));
      const mine = left.filter((item) => inside(groupsOf(item), part.seeds));
      const beside = left.filter(
        (item) => !inside(groupsOf(item), part.seeds) && inside(groupsOf(item), near),
      );
      if (mine.length === 0 && beside.length === 0) continue;
      stats.parts++;
      const done = new Set(mine);
      const lp = new RelaxedLp(highs, system, part.free, stats);
      try {
        for (const item of mine) visit(item, lp);
        for (const item of beside) if (visit(item, lp)) done.add(item);
      } finally {
        lp.dispose();
      }
      left = left.filter((item) => !done.has(item));
    }
  }
}

const down = (x: number) => Math.floor(x + EPSILON);
const up = (x: number) => Math.ceil(x - EPSILON);

/**
 * A batch's open checks the relaxed optima prove findings (sequence-answers.ts's rules on the
 * whole optima: "size" where D lies in one whole number 1..k−1; per option, "all" / "nearlyAll"
 * where at most `rule` newcomers gave another answer, fewer than D's least, and, unless
 * sensitive, D stays under k). The relaxed optima bound the whole ones (minD ≤, maxD and other ≥),
 * and each rule holds for every value within them. An option's kind needs the whole optimum's
 * rounding: "all" where the relaxed one rounds to 0 (the whole one is between 0 and it),
 * "nearlyAll" where a point of the whole system (`seen`) already shows as many; else unproven.
 */
export function provenBatch({
  size,
  options,
  bounds,
  k,
  sensitive,
}: {
  /** D, and whether its check is open. */
  size: { expression: Lin; open: boolean };
  /** Per option: D − d_o, whether its check is open, its greatest value at a point seen. */
  options: { expression: Lin; open: boolean; seen: number }[];
  bounds: RelaxedBounds;
  k: number;
  sensitive: boolean;
}): { size: boolean; options: ("all" | "nearlyAll" | null)[] } {
  const rule = sensitive ? 1 : 0;
  let minD: number | undefined;
  let maxD: number | undefined;
  const least = () => {
    minD ??= bounds.min(size.expression);
    return minD;
  };
  const most = () => {
    maxD ??= bounds.max(size.expression);
    return maxD;
  };
  const proven = {
    size: false,
    options: options.map((): "all" | "nearlyAll" | null => null),
  };
  options.forEach(({ expression, open, seen }, s) => {
    if (!open) return;
    const other = down(bounds.max(expression));
    if (other > rule || up(least()) <= other) return;
    if (!sensitive && down(most()) >= k) return;
    if (other <= 0) proven.options[s] = "all";
    else if (down(seen) >= other) proven.options[s] = "nearlyAll";
  });
  if (size.open && up(least()) >= 1) {
    const high = down(most());
    proven.size = high < k && high <= up(least());
  }
  return proven;
}

/**
 * A "pinned" check (sequence-answer-pins.ts) the relaxed optima decide: the count's range holds
 * one whole number at most (its value the rounded least), and a small subject's size stays under
 * k. "finding": pinned at 1 or more (the whole least is between the relaxed one and the truth's
 * value); "zero": pinned at 0 where a point of the whole system shows 0 (not a finding, but it
 * counts towards a whole table pinned); null: unproven.
 */
export function provenPin({
  count,
  size,
  bounds,
  k,
  seen,
}: {
  count: Lin;
  size?: Lin;
  bounds: RelaxedBounds;
  k: number;
  /** The count's least value at a point of the whole system (the truth), if any. */
  seen: number | undefined;
}): "finding" | "zero" | null {
  const low = up(bounds.min(count));
  if (down(bounds.max(count)) > low) return null;
  if (size && bounds.max(size) > k - 1 + EPSILON) return null;
  if (low >= 1) return "finding";
  return seen !== undefined && up(seen) <= 0 ? "zero" : null;
}
