import type { Highs } from "highs";
import type { IntegerBounds } from "./item-bounds";
import { type LpBudget, lpClosedChecks } from "./item-lp";

/**
 * Witnesses for hidden groups nobody of the true data is in, from the size equations alone.
 * Take any solution of the size equations (every published size, every reason's bounds) and
 * let every group's change in size be people who all gave one answer a: the group's count of a
 * changes by as much as its size, every other count stays. Every answer equation then holds
 * (it is the size equation's change, on one slot), every shown count stays (shown groups keep
 * their size), and the counts stay whole and non-negative if no group loses more people than
 * gave a — a lower bound on each size. So if, with those lower bounds, the LP of the sizes lets
 * an empty group hold someone, it can hold someone who gave a (and, since it held nobody, no
 * one who gave anything else): "none of them gave a" and "all of them gave s" (s ≠ a) are open.
 * On a multiple-choice question this holds for a = "ticked none" only.
 *
 * These systems have one unknown per hidden group and do not depend on which groups the
 * question is hidden for, so each (question, answer) needs one LP batch per audit.
 */
export class SizeShifts {
  /** Per answer, the cells shown able to hold someone who gave it. */
  private readonly open = new Map<number, Set<number>>();
  private readonly asked = new Map<number, Set<number>>();

  constructor(
    private readonly highs: Highs,
    private readonly sizes: IntegerBounds,
    /** Per cell, its variable in `sizes` (−1: a published size). */
    private readonly variableOf: Int32Array,
    private readonly truthSize: (cell: number) => number,
    /** A cell's true count of one answer. */
    private readonly truthCount: (cell: number, slot: number) => number,
    private readonly budget: LpBudget,
  ) {}

  /** Which of these (empty) cells can hold someone who gave answer `slot`. */
  canHold(slot: number, cells: number[]): Set<number> {
    let open = this.open.get(slot);
    let asked = this.asked.get(slot);
    if (!open || !asked) {
      open = new Set();
      asked = new Set();
      this.open.set(slot, open);
      this.asked.set(slot, asked);
    }
    const fresh = [...new Set(cells)].filter(
      (cell) => !asked.has(cell) && (this.variableOf[cell] as number) >= 0,
    );
    if (fresh.length > 0) {
      for (const cell of fresh) asked.add(cell);
      // No group loses more people than gave this answer.
      const lows = new Float64Array(this.sizes.size).fill(Number.NEGATIVE_INFINITY);
      this.variableOf.forEach((v, cell) => {
        if (v >= 0) lows[v] = this.truthSize(cell) - this.truthCount(cell, slot);
      });
      const result = lpClosedChecks(
        this.highs,
        this.sizes.withLowsAtLeast(lows),
        fresh.map((cell) => ({
          ways: [{ variable: this.variableOf[cell] as number, up: true, value: 1, truth: 0 }],
        })),
        this.budget,
      );
      // Out of budget: everything not shown open counts as closed (then the LP stage decides).
      const closed = new Set(result.closed);
      fresh.forEach((cell, check) => {
        if (!closed.has(check)) open.add(cell);
      });
    }
    return new Set(cells.filter((cell) => open.has(cell)));
  }
}
