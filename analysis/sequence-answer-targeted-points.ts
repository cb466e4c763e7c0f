import type { Highs } from "highs";
import { isPointOf } from "./sequence-answer-moves";
import type { Lin } from "./sequence-answer-pins";
import { type ColumnGroups, type LiftSystem, PartLp } from "./sequence-answer-points";

/**
 * Points for the checks of a question over the LP cap that every earlier stage left open (issue
 * 10: the non-findings the relaxations cannot prove, mostly hidden small groups split by one
 * filter). The pushes before them move many checks with one objective; here each check's own
 * forms are pushed one at a time (a count up, then down; a size up, then down), in a PartLp of its
 * groups' `depth`-step neighbourhood with every other column held at the truth. A point counts
 * only once it holds every row and bound of the whole system (checked here, whatever built it).
 */

/**
 * Steps out from a check's groups left free (then fewer, for a group whose neighbourhood is too
 * large). At 3, four pinned counts of q3 on the sequence bench stay open; at 5 none (2026-12-02).
 */
export const TARGETED_DEPTH = 5;
/** The most columns of one targeted LP. */
export const TARGETED_MAX_COLUMNS = 12_000;

/** What a part's LP gives: points pushing a form (null: none), its solves, its release. */
export type PointLp = Pick<PartLp, "push" | "solves" | "dispose">;

/**
 * Pushes each open item's forms in the LP of a part of the items' groups (ColumnGroups.parts:
 * `depth` steps out, at most `limit` columns; an item whose neighbourhood does not fit is tried
 * one step closer), and hands `see` every point that holds the whole system.
 */
export function targetedPoints<T>(
  highs: Highs,
  system: Pick<LiftSystem, "rows" | "lower" | "upper" | "chains">,
  truth: Float64Array,
  groups: ColumnGroups,
  items: readonly T[],
  {
    groupsOf,
    forms,
    isOpen,
    see,
  }: {
    groupsOf: (item: T) => readonly string[];
    /** The forms to push for an item while it stays open, in order. */
    forms: (item: T) => { expression: Lin; sense: "min" | "max" }[];
    isOpen: (item: T) => boolean;
    /** Told every point of the whole system found (for every item, not only the one pushed). */
    see: (point: Float64Array) => void;
  },
  stats: { solves: number; parts: number },
  {
    depth = TARGETED_DEPTH,
    limit = TARGETED_MAX_COLUMNS,
    lpOf = (free) => new PartLp(highs, system, truth, free),
  }: {
    depth?: number;
    limit?: number;
    /** The LP of a part, `free` its columns (tests give other kinds). */
    lpOf?: (free: readonly number[]) => PointLp;
  } = {},
): void {
  let left = items.filter(isOpen);
  for (let d = depth; d >= 1 && left.length > 0; d--) {
    for (const part of groups.parts(new Set(left.flatMap(groupsOf)), d, limit)) {
      const mine = left.filter((item) => groupsOf(item).every((id) => part.seeds.has(id)));
      if (!mine.some(isOpen)) continue;
      stats.parts++;
      const lp = lpOf(part.free);
      try {
        for (const item of mine)
          for (const { expression, sense } of forms(item)) {
            if (!isOpen(item)) break;
            const point = lp.push(expression, sense);
            if (point && isPointOf(system, point)) see(point);
          }
      } finally {
        stats.solves += lp.solves;
        lp.dispose();
      }
      const tried = new Set(mine);
      left = left.filter((item) => !tried.has(item) && isOpen(item));
    }
    left = left.filter(isOpen);
  }
}
