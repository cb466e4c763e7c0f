import type { Highs } from "highs";
import { type AnswerSystem, answerLp } from "./sequence-answer-model";
import { isPointOf, type MovedPoints } from "./sequence-answer-moves";
import { EPSILON } from "./sequence-system";

/**
 * The "pinned" checks of the answer-table sequence audit (issue 10), as the single-release item
 * audit's rule "a withheld table is not pinned" and the rule of no figures for fewer than k:
 * from every release shown so far, stacked (sequence-answers.ts), a reader must not pin down
 * - any option count of a published group whose question a release withholds (stacked, a group
 *   whose parts stayed unchanged gives its table away through an earlier release: one unit, its
 *   organisation table withheld, yet the published breakdown plus the unchanged rest);
 * - an option count ≥ 1 of a hidden group or of a batch of newcomers that is at most k − 1.
 *
 * A count is open (not pinned) once two feasible points give it whole values at least 1 apart
 * (rounded inwards, as a reader rounds the LP relaxation's range): the true counts are one
 * point, every LP solution another; points near the truth the caller gives (moved answers,
 * then neighbourhood LPs over the cap) more. Pushes first (every open count weighted ±1, up and
 * down), then each count still open: its greatest, then its least value; a pinned count of a
 * hidden group or batch, last, the greatest size (unless a point already shows k or more).
 */
export interface Lin {
  vars: number[];
  coefs: number[];
  c: number;
}

export interface PinSubject {
  groupId: string;
  /** −1: the group's own table in release `to`; else the batch between the two releases. */
  from: number;
  to: number;
  slot: number;
  count: Lin;
  /** A hidden group's or a batch's size; absent for a published group's withheld table. */
  size?: Lin;
}

export interface PinOutcome {
  /** Pinned counts: every one of published groups' tables (zeros too), ≥ 1 of the rest. */
  pinned: { subject: PinSubject; value: number }[];
  /** Subjects left open because the model is over the LP cap (no LP run). */
  unsettled: PinSubject[];
  solves: number;
  /**
   * Subjects asked (what the truth shows aside), settled by the truth, by moved points, and
   * dropped before any LP as pinned by their own release alone (`givenAlone`).
   */
  asked: number;
  byTruth: number;
  byMoves: number;
  /** Settled by points of a neighbourhood LP (`near`), after the moves. */
  byNear: number;
  byAlone: number;
}

/** Rounds of pushes together at most, and the share of open counts a round must settle. */
const PUSH_ROUNDS_MAX = 4;
const PUSH_PROGRESS = 0.05;

/** The value of a combination of unknowns at a point. */
export const valueAt = (expression: Lin, point: ArrayLike<number>) => {
  let sum = expression.c;
  for (let i = 0; i < expression.vars.length; i++)
    sum += (expression.coefs[i] as number) * (point[expression.vars[i] as number] as number);
  return sum;
};

export function pinnedCounts(
  highs: Highs,
  model: Pick<AnswerSystem, "lower" | "upper" | "rows" | "chains">,
  subjects: PinSubject[],
  truth: Float64Array | null,
  {
    k,
    lpMaxColumns,
    moves,
    near,
    givenAlone,
  }: {
    k: number;
    lpMaxColumns: number;
    /** Points near the truth (sequence-answer-moves.ts), each checked here before it is used. */
    moves?: MovedPoints;
    /** More points, asked after the moves (neighbourhood LPs), each checked here as well. */
    near?: MovedPoints;
    /**
     * Of the subjects still open before each count's own LPs, those the caller drops as pinned by their own
     * release alone (proven in that release's system, whose range holds the stacked one: pinned
     * there, pinned here, and dropped after anyway); neither pinned nor unsettled here.
     */
    givenAlone?: (open: PinSubject[]) => ReadonlySet<PinSubject>;
  },
): PinOutcome {
  const outcome: PinOutcome = {
    pinned: [],
    unsettled: [],
    solves: 0,
    asked: 0,
    byTruth: 0,
    byMoves: 0,
    byNear: 0,
    byAlone: 0,
  };
  // What the true counts show cannot be a finding: a small subject with no one on the option,
  // or one of k or more.
  const asked = truth
    ? subjects.filter(
        ({ size, count }) =>
          !size || (valueAt(count, truth) >= 1 - EPSILON && valueAt(size, truth) <= k - EPSILON),
      )
    : subjects;
  outcome.asked = asked.length;
  if (asked.length === 0) return outcome;
  const ranges = new PinRanges(asked, k);
  const isOpen = (i: number) => ranges.isOpen(i);
  let open = asked.map((_, i) => i);
  const see = (point: ArrayLike<number>) => {
    ranges.see(point, open);
    open = open.filter(isOpen);
  };
  if (truth) see(truth);
  outcome.byTruth = asked.length - open.length;
  const tryPoints = (points: MovedPoints | undefined, settled: "byMoves" | "byNear") => {
    if (!truth || !points) return;
    for (const point of points(truth, () => open.map((i) => asked[i] as PinSubject))) {
      if (open.length === 0) break;
      if (!isPointOf(model, point)) continue;
      const before = open.length;
      see(point);
      outcome[settled] += before - open.length;
    }
  };
  tryPoints(moves, "byMoves");
  tryPoints(near, "byNear");
  /** Drops what the caller's `givenAlone` returns (asked once, after the points or pushes). */
  const dropGivenAlone = () => {
    if (!givenAlone || open.length === 0) return;
    const given = givenAlone(open.map((i) => asked[i] as PinSubject));
    const before = open.length;
    open = open.filter((i) => !given.has(asked[i] as PinSubject));
    outcome.byAlone = before - open.length;
  };
  const columns = model.lower.length;
  if (columns > lpMaxColumns) {
    dropGivenAlone();
    // No LP: one point proves nothing open; held against the release by the caller.
    outcome.unsettled = open.map((i) => asked[i] as PinSubject);
    return outcome;
  }
  const lp = answerLp(highs, model);
  const extreme = (
    terms: { expression: Lin; sign: number }[],
    sense: "min" | "max",
    dual = false,
  ) => {
    outcome.solves++;
    // Every count and size has finite bounds (a count at most its size): never unbounded.
    const { point } = lp.solve(
      {
        vars: terms.flatMap(({ expression }) => expression.vars),
        coefs: terms.flatMap(({ expression, sign }) => expression.coefs.map((c) => sign * c)),
      },
      sense,
      dual,
    );
    see(point);
    return valueAt(terms[0]?.expression as Lin, point);
  };
  const small = new Set<number>();
  try {
    for (let round = 0; round < PUSH_ROUNDS_MAX && open.length > 0; round++) {
      const before = open.length;
      const terms = open.map((i) => ({
        expression: (asked[i] as PinSubject).count,
        sign: (i + round) % 2 === 0 ? 1 : -1,
      }));
      // Pushes by the dual simplex, as sequence-answers.ts's (runObjective sets primal after).
      extreme(terms, "max", true);
      if (open.length > 0) extreme(terms, "min", true);
      if (before - open.length < PUSH_PROGRESS * before) break;
    }
    // Before each count's own LPs (the pushes leave few open: fewer single-release audits).
    dropGivenAlone();
    // A group's or batch's greatest size, solved once for all its options (one size expression).
    const greatest = new Map<Lin, number>();
    const sizeMax = (size: Lin) => {
      let value = greatest.get(size);
      if (value === undefined) {
        value = extreme([{ expression: size, sign: 1 }], "max");
        greatest.set(size, value);
      }
      return value;
    };
    for (const i of open.slice()) {
      const { count, size } = asked[i] as PinSubject;
      if (isOpen(i)) extreme([{ expression: count, sign: 1 }], "max");
      if (isOpen(i)) extreme([{ expression: count, sign: 1 }], "min");
      if (isOpen(i) && size && sizeMax(size) <= k - 1 + EPSILON) small.add(i);
    }
  } finally {
    lp.dispose();
  }
  for (const i of open) {
    const subject = asked[i] as PinSubject;
    const value = Math.ceil(ranges.least(i) - EPSILON);
    if (!subject.size || (small.has(i) && value >= 1)) outcome.pinned.push({ subject, value });
  }
  return outcome;
}

/**
 * The values feasible points showed for each subject's count, and whether one showed its size at
 * k or more: a subject stays open (pinned so far) while its whole values, rounded inwards as a
 * reader rounds the LP range, are at most one apart and no point showed it large.
 */
export class PinRanges {
  private readonly low: Float64Array;
  private readonly high: Float64Array;
  private readonly large: Uint8Array;

  constructor(
    private readonly subjects: readonly PinSubject[],
    private readonly k: number,
  ) {
    this.low = new Float64Array(subjects.length).fill(Number.POSITIVE_INFINITY);
    this.high = new Float64Array(subjects.length).fill(Number.NEGATIVE_INFINITY);
    this.large = new Uint8Array(subjects.length);
  }

  /** Widens the subjects at `indices` (by their place in `subjects`) by one point. */
  see(point: ArrayLike<number>, indices: Iterable<number>): void {
    for (const i of indices) {
      const { count, size } = this.subjects[i] as PinSubject;
      const value = valueAt(count, point);
      if (value < (this.low[i] as number)) this.low[i] = value;
      if (value > (this.high[i] as number)) this.high[i] = value;
      if (size && valueAt(size, point) >= this.k - EPSILON) this.large[i] = 1;
    }
  }

  isOpen(i: number): boolean {
    return (
      this.large[i] === 0 &&
      Math.floor((this.high[i] as number) + EPSILON) <= Math.ceil((this.low[i] as number) - EPSILON)
    );
  }

  /** The least value a point showed for subject `i`'s count. */
  least(i: number): number {
    return this.low[i] as number;
  }
}
