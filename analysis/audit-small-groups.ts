import type { Highs } from "highs";
import {
  type Bounds,
  type ComponentLp,
  componentLp,
  EPSILON,
  type Seen,
  spread,
  widenSeen,
} from "./component-lp";
import { cycleWitnesses, type WitnessMoves } from "./cycle-witnesses";
import type { Elimination } from "./eliminate-doubletons";
import type { CheckRows } from "./point-check";

/**
 * The model-A audit of one component (values only: every small group's range at least k wide),
 * as plain data, so that it can run on another solver, in another thread, while this one audits
 * model B. Indices are the component's cells.
 */
export interface SmallGroupJob {
  /** The component's equations after elimination: the LP's columns and each cell's map. */
  reduced: Elimination;
  /** Each cell's bounds from the values alone (0 or its known lower bound, its cap). */
  bounds: Bounds[];
  /** True counts. */
  n: number[];
  k: number;
  /** The width each small group's range needs: k, or less under a cap below k. */
  need: number[];
  /** Which cells are small groups (isSmallGroup). */
  small: Uint8Array;
  /** Cells already proven wide from the values alone. */
  proven: Uint8Array;
  /** Bound tightening of the component from `bounds`. */
  tight: { lows: ArrayLike<number>; highs: ArrayLike<number> };
  /** Values seen so far per cell (each range starts at the true value). */
  seen: Seen;
  /** Batch LPs first (see `spread`); off, every open cell is asked by its own LPs. */
  sweeps: boolean;
  /** Return every solution seen (for proofs kept through publishing). */
  keepPoints: boolean;
  /**
   * The component's equations over its cells, given where cycle witnesses are worth their
   * search (the giant component): before the sweeps, small groups are shown wide by checked
   * points along cycles of the reduced equations (cycle-witnesses.ts).
   */
  checkRows?: CheckRows;
}

/** A job's questions without its LP's equations: what `auditSmallGroups` asks of an LP it is given. */
export type SmallGroupTask = Omit<SmallGroupJob, "reduced">;

/** What the model-A audit of a component found, by index into its cells. */
export interface SmallGroupFindings {
  /** Small groups whose range from the values alone is narrower than their need. */
  narrow: number[];
  /** Small groups shown to keep their need (to add to the proofs). */
  wide: number[];
  solves: number;
  /** The solutions seen, in order, when asked for. */
  points: Float64Array[];
  /** The checked cycle witness points (each moves a few cells), when asked for. */
  moves?: WitnessMoves;
}

/**
 * Audits components' small groups on other solvers while the caller audits model B (the
 * server's worker thread; `auditRanges` option `smallGroups`). The findings do not depend on
 * which solver runs them, nor on the solutions model B would have added to `seen`: a finding is
 * a property of the attacker's system, and solutions only show cells wide sooner.
 */
export interface SmallGroupSolver {
  /** Components of at least this many hidden cells are sent. */
  fromCells: number;
  /**
   * Starts a job; the function returned waits for its findings, or answers undefined when the
   * other solver could not run it (the caller then runs it itself).
   */
  start(job: SmallGroupJob): () => SmallGroupFindings | undefined;
}

/**
 * Whether a job holds a small group that only an LP can settle: not proven wide already, nor
 * shown wide by the values seen, nor narrow by its tightened bounds, nor a zero they pin at 0.
 * A job without one is settled by `auditSmallGroups` without an LP, so it is not worth sending
 * to another solver (a later round of a date: the giant component's 12,000 cells copied to the
 * other thread, and waited for, to find what the proofs kept already say).
 */
export function asksLp(job: SmallGroupTask): boolean {
  const { narrowByBounds, pinnedZero, width } = settledWithoutLp(job);
  return Array.from(job.small).some(
    (isSmall, index) =>
      isSmall === 1 &&
      !job.proven[index] &&
      !narrowByBounds(index) &&
      !pinnedZero(index) &&
      width(index) < (job.need[index] as number),
  );
}

/** What a job's data alone settles (see `auditSmallGroups`). */
function settledWithoutLp({ n, need, small, tight, seen }: SmallGroupTask) {
  return {
    width: (index: number) => {
      const range = seen[index] as { low: number; high: number };
      return range.high - range.low;
    },
    // Outer bounds narrower than needed: an attacker pins the group to fewer than k values.
    narrowByBounds: (index: number) =>
      (tight.highs[index] as number) - (tight.lows[index] as number) < (need[index] as number) &&
      (n[index] as number) > 0,
    // A zero splitting a primary group that tightening holds at 0: no finding, no proof.
    pinnedZero: (index: number) =>
      small[index] === 1 && (n[index] as number) === 0 && (tight.highs[index] as number) <= EPSILON,
  };
}

/** Runs one job on its own LP (what the other thread does). */
export function runSmallGroupJob(highs: Highs, job: SmallGroupJob): SmallGroupFindings {
  const lp = componentLp(highs, job.reduced, job.bounds);
  try {
    return auditSmallGroups(lp, job, job.reduced);
  } finally {
    lp.dispose();
  }
}

/**
 * Model A on `lp` (which holds the component's equations, `reduced`; its bounds are set here):
 * each small group's range must be at least its need wide. Updates `job.seen`.
 */
export function auditSmallGroups(
  lp: ComponentLp,
  job: SmallGroupTask,
  reduced?: Elimination,
): SmallGroupFindings {
  const { n, need, small, seen } = job;
  const { width, narrowByBounds, pinnedZero } = settledWithoutLp(job);
  const found: SmallGroupFindings = { narrow: [], wide: [], solves: 0, points: [] };
  const wide = Uint8Array.from(job.proven);
  const solvesBefore = lp.solves;
  const observe = () => {
    const values = lp.values();
    if (job.keepPoints) found.points.push(values);
    widenSeen(seen, values);
  };
  const prove = (index: number) => {
    wide[index] = 1;
    found.wide.push(index);
  };
  lp.setBounds(job.bounds);
  // A zero cell splitting a primary group is a finding only when it can hold 1..k−1 (its least
  // value is 0, so its greatest decides). Pinned at 0 it is no finding, but it is not proven
  // either: hiding more may widen it. Such cells are settled together, without an LP per cell
  // and round: by tightening, or by one LP maximising their sum.
  const zeroPinned = new Uint8Array(n.length);
  const openA = (index: number) =>
    small[index] === 1 &&
    !zeroPinned[index] &&
    !wide[index] &&
    !narrowByBounds(index) &&
    width(index) < (need[index] as number);
  const primaries = n.map((_, index) => index).filter((index) => small[index] === 1);
  const zeros = primaries.filter((index) => (n[index] as number) === 0);
  for (const index of zeros) {
    if (pinnedZero(index)) zeroPinned[index] = 1;
  }
  const openZeros = zeros.filter(openA);
  if (openZeros.length > 0) {
    const costs = new Float64Array(n.length);
    for (const index of openZeros) costs[index] = 1;
    if (lp.run(costs, "max")) {
      if (lp.objective() <= EPSILON) {
        for (const index of openZeros) zeroPinned[index] = 1;
      } else observe();
    }
  }
  if (reduced && job.checkRows) {
    const shown = cycleWitnesses(
      reduced,
      job.checkRows,
      { n, bounds: job.bounds, need, seen, open: openA },
      { keep: job.keepPoints },
    );
    if (shown.moves) found.moves = shown.moves;
  }
  // Solutions seen under model B are feasible under A too: they still count.
  if (job.sweeps) {
    spread(lp, {
      n,
      seen,
      bounds: job.bounds,
      open: openA,
      reach: job.k,
      need: (index) => need[index] as number,
      observe,
    });
  }
  for (const index of primaries) {
    if (wide[index] || zeroPinned[index]) continue;
    if (narrowByBounds(index)) {
      found.narrow.push(index);
      continue;
    }
    const cellNeed = need[index] as number;
    if (width(index) >= cellNeed) {
      prove(index);
      continue;
    }
    const max = lp.solve(index, "max");
    if (max !== null) observe();
    if (max === null || width(index) >= cellNeed) {
      prove(index);
      continue;
    }
    // A zero cell's least value is 0 (its lower bound, and its true value).
    const min = (n[index] as number) === 0 ? 0 : lp.solve(index, "min");
    if ((n[index] as number) > 0) observe();
    // A cell pinned at 0 is an exact zero, not a small group (see model B).
    if ((max as number) - (min as number) < cellNeed - EPSILON) {
      if ((max as number) > EPSILON) found.narrow.push(index);
    } else prove(index);
  }
  found.solves = lp.solves - solvesBefore;
  return found;
}
