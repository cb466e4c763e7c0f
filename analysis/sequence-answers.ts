import type { Highs } from "highs";
import { type ReleaseEquations, releaseEquations } from "./release-equations";
import type { Release } from "./release-types";
import {
  type AnswerSystem,
  answerLp,
  answerSystem,
  type Cell,
  type Question,
  questionsOf,
} from "./sequence-answer-model";
import { answerMoves, isPointOf } from "./sequence-answer-moves";
import {
  type Lin,
  PinRanges,
  type PinSubject,
  pinnedCounts,
  valueAt,
} from "./sequence-answer-pins";
import {
  ColumnGroups,
  liftSizePoint,
  neighbourhoodPinPoints,
  PartLp,
  SizePoints,
  SlotSystem,
} from "./sequence-answer-points";
import {
  provenBatch,
  provenPin,
  type RelaxationOptions,
  relaxationProofs,
} from "./sequence-answer-relaxation";
import { targetedPoints } from "./sequence-answer-targeted-points";
import {
  type Entry,
  EPSILON,
  type Row,
  type SequenceSystem,
  sequenceSystem,
} from "./sequence-system";
import type { TrueCounts } from "./true-group-counts";

/**
 * The sequence audit of answer tables (issue 10): per question, every release's option counts
 * stacked as a reader who keeps them all writes them down, joined to the group sizes. Unknowns:
 * every hidden group size (with its reasons, headcounts and "never goes down", as in
 * sequence-system.ts) and every option count not published (a hidden group, or a question
 * hidden for a published group). Rows: each release's relations for the sizes and for every
 * option, a group's options add up to its size, and every option count never goes down from
 * one release to the next where the group is listed. A multiple-choice question is one ticked /
 * not-ticked table per option, as in the item audit.
 *
 * Checks, for every group and every two releases from < to (from = −1 is before the first
 * release: the group's own figures), with D the batch size and d_o its count of option o:
 * - "size": D is exactly a number 1..k−1 (the answer tables can pin a batch that the group
 *   sizes alone leave open);
 * - "all": every newcomer gave o (D − d_o ≤ 0 with D ≥ 1 proven), where D may be 1..k−1; on a
 *   sensitive question at any size, and "nearlyAll": all but one (D − d_o ≤ 1, D ≥ 2 proven);
 * - "pinned" (sequence-answer-pins.ts): a count of a published group's withheld table, or one ≥ 1
 *   of a hidden group or batch of at most k−1, pinned down.
 * Pairs ending before the candidate are checked too: a later release can unmask an earlier
 * one's hidden table (a group published again unchanged). LP relaxation (HiGHS), so every
 * finding is a deduction a reader can make; the true counts of every release, where known, are
 * one feasible point and close every check they contradict, and every LP's solution closes
 * more. Where they are known, points moved from them close most of what they leave open before
 * any LP of the question (sequence-answer-points.ts, each checked against every row and bound):
 * the answers moved with points of the sizes alone (one probability vector per component); in a
 * question of more than STAGES_MIN_COLUMNS counts also one option moved with the sizes (LPs in
 * the sizes alone, in increments), then the counts of the groups around the open checks moved,
 * every other count held at the truth (a smaller LP). None where the question's pinned checks are
 * left unsettled: it is held against the candidate as a whole whatever its batches give.
 * Without them (after a restart) every check goes to the LPs: slower, as sound. Over the LP cap,
 * where the points ran, what they leave open is proven a finding where an LP of the rows around
 * it alone (a relaxation) already finds it (sequence-answer-relaxation.ts); the rest is unsettled.
 */
export interface AnswerFinding {
  kind: "size" | "all" | "nearlyAll" | "pinned";
  /** The question's key. */
  item: string;
  /** The option all (but one) newcomers gave; of a multiple-choice question, with `ticked`. */
  option?: string | null;
  /** A multiple-choice option: whether they (all but one) ticked it, or did not. */
  ticked?: boolean;
  /** Not proven: left open by the true counts in a question too large for the LPs. */
  unsettled?: boolean;
  /** "pinned": every count of the table is pinned (publishing it tells nothing more). */
  whole?: boolean;
  groupId: string;
  /** −1: before the first release (the group's own figures in release `to`). */
  from: number;
  to: number;
}

export interface AnswerAudit {
  findings: AnswerFinding[];
  questions: number;
  checks: number;
  /** Checks the true counts settled (every check, when they are known, goes there first). */
  settledByTruth: number;
  /** Checks the truth moved along size points settled (sequence-answer-points.ts), after it. */
  settledByLift: number;
  /** Checks settled by LPs of one release's counts, the others held at the truth, after them. */
  settledByPart: number;
  partSolves: number;
  /** LPs of the size system alone that gave those points (`solves`: of the answer systems). */
  sizeSolves: number;
  solves: number;
  /** LPs of the "pinned" checks (sequence-answer-pins.ts; `solves`: of the batches). */
  pinSolves: number;
  /**
   * "Pinned" checks asked; settled by the true counts, by moved answers, dropped as pinned by
   * their own release alone (no stacked LP); the stacked LPs run (`pinSolves` adds the nested
   * single-release audits').
   */
  pins: {
    asked: number;
    byTruth: number;
    byMoves: number;
    byNear: number;
    byAlone: number;
    lps: number;
  };
  /** Open checks of questions too large for the LPs (ANSWER_LP_MAX_COLUMNS), held as findings. */
  unsettled: number;
  /**
   * Over the cap, findings proven by relaxations (sequence-answer-relaxation.ts): batch checks
   * and pinned counts (zeros of a whole pinned table too); their LPs and the parts they ran in.
   */
  relaxation: { batchChecks: number; pins: number; solves: number; parts: number };
  /**
   * Over the cap, after the relaxations: checks settled by targeted points
   * (sequence-answer-targeted-points.ts), batches and pinned counts; their LPs and parts.
   */
  targeted: { batches: number; pins: number; solves: number; parts: number };
}

/**
 * The most unknowns of one question's stacked system that the audit settles by LP. Beyond, the
 * checks the true counts and the points moved from them leave open are findings. On the 60-unit
 * benchmark a question of two releases has 16,000 unknowns and each LP takes seconds
 * (2026-12-01): far too slow per rebuild.
 */
export const ANSWER_LP_MAX_COLUMNS = 8_000;

/** A batch: the newcomers of one group between two releases. */
interface Batch {
  groupId: string;
  from: number;
  to: number;
  size: Lin;
  /** Per option: the newcomers who gave another answer (D − d_o). */
  other: Lin[];
  minD: number;
  maxD: number;
  maxOther: Float64Array;
  /** Checks still open: "size" and one per option. */
  sizeOpen: boolean;
  open: Uint8Array;
  minSolved: boolean;
  maxSolved: boolean;
}

export function auditAnswerSequence(
  highs: Highs,
  releases: Release[],
  {
    sensitiveItems,
    truths,
    structures = releases.map(releaseEquations),
    only,
    lpMaxColumns = ANSWER_LP_MAX_COLUMNS,
    k = Math.max(...releases.map((release) => release.k)),
    ownSmallPins = false,
    stopAt,
    everyPoint = false,
    relaxations = {},
    targeted = true,
  }: {
    sensitiveItems: ReadonlySet<string>;
    /** Audit these questions only (keys). */
    only?: ReadonlySet<string>;
    /** See ANSWER_LP_MAX_COLUMNS (tests set it low). */
    lpMaxColumns?: number;
    /** The true counts of each release (same order), with their answers, where still held. */
    truths?: (TrueCounts | undefined)[];
    structures?: ReleaseEquations[];
    /**
     * The minimum group size the checks hold to: by default the largest of the releases'. A
     * candidate's audit of the shown releases alone passes the candidate's (k can only go up).
     */
    k?: number;
    /**
     * Report hidden small groups' pinned counts that their own release alone gives too (what
     * readers of the releases know; by default they are the single-release audit's part).
     * "only": these pinned checks alone (no batch checks, no published group's table), as the
     * stacked audit asks of one release before its own LPs (auditPins).
     */
    ownSmallPins?: boolean | "only";
    /**
     * Called with each question's findings: true ends the audit there (the caller's outcome is
     * decided; the questions after it are not audited).
     */
    stopAt?: (findings: readonly AnswerFinding[]) => boolean;
    /**
     * Over the LP cap, look for the points of the pinned checks and of the batches both, even
     * where one kind leaves the question held as a whole anyway (benches: what they leave open).
     */
    everyPoint?: boolean;
    /**
     * Over the LP cap, prove what the points leave open by relaxations (`depth`: steps out from
     * a check's group, `limit`: columns of one relaxed LP, sequence-answer-relaxation.ts's by
     * default; `wide`: the wider pass after them; false: none, for benches and tests).
     */
    relaxations?: false | RelaxationOptions;
    /**
     * Over the LP cap, where the relaxations ran: each check they leave open pushed on its own
     * neighbourhood (sequence-answer-targeted-points.ts; false: none, for benches and tests).
     */
    targeted?: boolean;
  },
): AnswerAudit {
  const audit: AnswerAudit = {
    findings: [],
    questions: 0,
    checks: 0,
    settledByTruth: 0,
    settledByLift: 0,
    settledByPart: 0,
    partSolves: 0,
    sizeSolves: 0,
    solves: 0,
    pinSolves: 0,
    pins: { asked: 0, byTruth: 0, byMoves: 0, byNear: 0, byAlone: 0, lps: 0 },
    unsettled: 0,
    relaxation: { batchChecks: 0, pins: 0, solves: 0, parts: 0 },
    targeted: { batches: 0, pins: 0, solves: 0, parts: 0 },
  };
  if (releases.length === 0) return audit;
  const known =
    truths?.length === releases.length && truths.every((truth) => truth?.answers !== undefined)
      ? (truths as TrueCounts[])
      : undefined;
  const system = sequenceSystem(releases, structures);
  // Points of the sizes alone, shared by every question (the truth moved along them).
  const sizePoints = known ? new SizePoints(highs, system) : undefined;
  try {
    for (const question of questionsOf(releases)) {
      if (only && !only.has(question.key)) continue;
      audit.questions++;
      const first = audit.findings.length;
      auditQuestion(highs, releases, structures, system, question, {
        sensitive: sensitiveItems.has(question.key),
        k,
        lpMaxColumns,
        known,
        sizePoints,
        audit,
        ownSmallPins,
        everyPoint,
        relaxations,
        targeted,
      });
      if (stopAt?.(audit.findings.slice(first))) break;
    }
  } finally {
    if (sizePoints) {
      audit.sizeSolves += sizePoints.solves;
      sizePoints.dispose();
    }
  }
  return audit;
}

/** Σ sign × cell as a linear expression (published cells go to the constant). */
function linOf(terms: [number, Cell][]): Lin {
  const result: Lin = { vars: [], coefs: [], c: 0 };
  for (const [sign, cell] of terms) {
    if ("value" in cell) result.c += sign * cell.value;
    else {
      result.vars.push(cell.variable);
      result.coefs.push(sign);
    }
  }
  return result;
}

/** Rounds of pushes together at most, and the share of open batches a round must settle. */
const PUSH_ROUNDS_MAX = 10;
const PUSH_PROGRESS = 0.02;
/** Rounds of size points the truth is moved along (each: the open sizes pushed up and down). */
const LIFT_ROUNDS = 4;
/** Rounds of pushes with one slot moving (each: every slot, the open sizes up and down). */
const SLOT_ROUNDS = 12;
/**
 * The fewest counts of a question for the slot pushes and the neighbourhood LP below the cap.
 * With the cap lifted they cut a 16,000-count question of the 60-unit benchmark from 30.7 / 28.2
 * to 23.4 / 25.5 s of CPU and its single-release audits (8,000 counts) from 9.3 to 5.7 s (REPORT
 * ansscale16, 2026-12-02); smaller questions keep their whole LP alone.
 */
const STAGES_MIN_COLUMNS = 4_000;

/** A fixed pseudo-random bit per batch and round (the same at every audit of a sequence). */
function signBit(index: number, round: number): boolean {
  return ((Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(round, 0x85ebca6b)) >>> 16) % 2 === 1;
}

/** Σ of expressions (one term per occurrence). */
function sumOf(expressions: Lin[]): Lin {
  return {
    vars: expressions.flatMap((e) => e.vars),
    coefs: expressions.flatMap((e) => e.coefs),
    c: 0,
  };
}

function auditQuestion(
  highs: Highs,
  releases: Release[],
  structures: ReleaseEquations[],
  system: SequenceSystem,
  question: Question,
  {
    sensitive,
    k,
    lpMaxColumns,
    known,
    sizePoints,
    audit,
    ownSmallPins,
    everyPoint,
    relaxations,
    targeted,
  }: {
    sensitive: boolean;
    k: number;
    lpMaxColumns: number;
    known: TrueCounts[] | undefined;
    sizePoints: SizePoints | undefined;
    audit: AnswerAudit;
    ownSmallPins: boolean | "only";
    everyPoint: boolean;
    relaxations: false | RelaxationOptions;
    targeted: boolean;
  },
): void {
  const stacked = answerSystem(releases, structures, question, system);
  const { options, lower, upper, rows, chains } = stacked;
  const slots = question.values.length;
  // Per option count: the size it is part of (−1: a published size), its slot and group.
  const sizeOf = new Int32Array(lower.length).fill(-1);
  const slotOf = new Int32Array(lower.length).fill(-1);
  const groupOf: string[] = system.variables.map((variable) => variable.groupId);
  for (const [id, timeline] of options) {
    const sizes = system.entries.get(id) as Entry[];
    timeline.forEach((cells, t) => {
      const size = sizes[t];
      cells?.forEach((cell, s) => {
        if (!("variable" in cell)) return;
        sizeOf[cell.variable] = size && "variable" in size ? size.variable : -1;
        slotOf[cell.variable] = s;
        groupOf[cell.variable] = id;
      });
    });
  }
  let columnGroups: ColumnGroups | undefined;
  const groups = () => {
    columnGroups ??= new ColumnGroups(groupOf, rows);
    return columnGroups;
  };
  // The batches: every group and pair of releases (−1: nothing yet).
  const rule = sensitive ? 1 : 0;
  const batches: Batch[] = [];
  const lin = linOf;
  const none: Cell = { value: 0 };
  for (const id of system.ids) {
    const timeline = system.entries.get(id) as Entry[];
    const table = options.get(id) as (Cell[] | null)[];
    for (let to = 0; to < releases.length; to++) {
      const end = timeline[to];
      const endCells = table[to];
      if (!end || !endCells) continue;
      for (let from = -1; from < to; from++) {
        const start = from < 0 ? none : timeline[from];
        const startCells = from < 0 ? endCells.map(() => none) : table[from];
        if (!start || !startCells) continue;
        const size = lin([
          [1, end],
          [-1, start],
        ]);
        batches.push({
          groupId: id,
          from,
          to,
          size,
          other: endCells.map((cell, s) =>
            lin([
              [1, end],
              [-1, start],
              [-1, cell],
              [1, startCells[s] as Cell],
            ]),
          ),
          minD: Number.POSITIVE_INFINITY,
          maxD: Number.NEGATIVE_INFINITY,
          maxOther: new Float64Array(slots).fill(Number.NEGATIVE_INFINITY),
          sizeOpen: true,
          open: new Uint8Array(slots).fill(1),
          minSolved: false,
          maxSolved: false,
        });
      }
    }
  }
  audit.checks += batches.length * (slots + 1);
  const down = (x: number) => Math.floor(x + EPSILON);
  const up = (x: number) => Math.ceil(x - EPSILON);
  /** Closes what a feasible point (or the optima found) shows open; counts the open checks. */
  const settle = (batch: Batch) => {
    const { minD, maxD } = batch;
    if (batch.sizeOpen && (down(maxD) > up(minD) || down(maxD) >= k || up(minD) <= 0))
      batch.sizeOpen = false;
    for (let s = 0; s < slots; s++) {
      if (!batch.open[s]) continue;
      const other = down(batch.maxOther[s] as number);
      if (other > rule || up(minD) <= other || (!sensitive && down(maxD) >= k)) batch.open[s] = 0;
    }
  };
  const isOpen = (batch: Batch) => batch.sizeOpen || batch.open.some((open) => open === 1);
  const see = (point: ArrayLike<number>, batch: Batch) => {
    const size = valueAt(batch.size, point);
    if (size < batch.minD) batch.minD = size;
    if (size > batch.maxD) batch.maxD = size;
    batch.other.forEach((other, s) => {
      const value = valueAt(other, point);
      if (value > (batch.maxOther[s] as number)) batch.maxOther[s] = value;
    });
    settle(batch);
  };
  // Constant batches (both ends published): their figures are all there is.
  for (const batch of batches) if (batch.size.vars.length === 0) see([], batch);
  let open = batches.filter(isOpen);
  // The true counts: one feasible point of the reader's system.
  const point =
    known && open.length > 0 && ownSmallPins !== "only"
      ? truthPoint(system, options, known, question, lower.length, rows, lower, upper)
      : null;
  if (point) {
    const before = open.length * (slots + 1);
    for (const batch of open) see(point, batch);
    open = open.filter(isOpen);
    audit.settledByTruth += before - open.length * (slots + 1);
  }
  const pinsUnsettled = auditPins(
    highs,
    releases,
    question,
    { entries: system.entries, options, lower, upper, rows, chains },
    {
      k,
      lpMaxColumns,
      audit,
      known,
      ownSmallPins,
      // Points of moved answers settle pinned checks the pushes settle as cheaply below the cap
      // (docs/history/sequence-audit.md, anspin17: LPs 246 → 242); over it, with neighbourhood LPs after them, they
      // matter only where the truth leaves no batch check open (else the question is withheld
      // in the whole candidate anyway; on the 60-unit bench's interim 2 every question keeps
      // proven findings, docs/history/sequence-audit.md, ans18).
      // ("only": no batch check is asked.)
      moves:
        lower.length > lpMaxColumns && (open.length === 0 || everyPoint || ownSmallPins === "only"),
      relaxations,
      targeted,
      groups,
      truth: () =>
        known
          ? truthPoint(system, options, known, question, lower.length, rows, lower, upper)
          : null,
    },
  );
  if (ownSmallPins === "only") return;
  // A question whose pinned checks are left unsettled is held against the candidate as a
  // whole whatever its batch checks give (withheld in every group, else the candidate held
  // back): the points below settle batch checks only, so they are not looked for there.
  const lookForPoints = point !== null && (pinsUnsettled === 0 || everyPoint);
  if (point) {
    // The truth moved along points of the sizes alone: each closes what it shows open.
    const points = {
      sizes: system.variables.length,
      sizeOf,
      slotOf,
      slots,
      rows,
      lower,
      upper,
      chains,
    };
    for (
      let round = 0;
      lookForPoints && round < LIFT_ROUNDS && sizePoints && open.length > 0;
      round++
    ) {
      const before = open.length;
      const sizesOpen = () => open.filter((batch) => batch.sizeOpen).map((batch) => batch.size);
      for (const size of sizePoints.round(round, sizesOpen)) {
        const lifted = liftSizePoint(points, point, size);
        if (lifted) for (const batch of open) see(lifted, batch);
      }
      open = open.filter(isOpen);
      audit.settledByLift += (before - open.length) * (slots + 1);
      if (open.length === before) break;
    }
    // Then, in a question too large for its whole LP or large enough that its LPs cost seconds,
    // one slot at a time moved with the sizes, pushed in the sizes alone: first the open
    // batches' sum, then sums with fixed pseudo-random signs (siblings whose total is fixed
    // move apart).
    const large = lookForPoints && lower.length > Math.min(lpMaxColumns, STAGES_MIN_COLUMNS);
    const slotSystems: SlotSystem[] = [];
    let idle = 0;
    try {
      for (let round = 0; large && round < SLOT_ROUNDS && open.length > 0 && idle < 2; round++) {
        const before = open.length;
        for (let s = 0; s < slots && open.length > 0; s++) {
          slotSystems[s] ??= new SlotSystem(highs, system.variables, points, point, s);
          const slot = slotSystems[s] as SlotSystem;
          const objective = sumOf(
            open.map((batch, index) => {
              const sign = round === 0 || signBit(index, round) ? 1 : -1;
              return { ...batch.size, coefs: batch.size.coefs.map((c) => sign * c) };
            }),
          );
          for (const sense of ["max", "min"] as const) {
            const lifted = slot.push(objective, sense);
            if (lifted) for (const batch of open) see(lifted, batch);
          }
          open = open.filter(isOpen);
        }
        audit.settledByLift += (before - open.length) * (slots + 1);
        idle = open.length === before ? idle + 1 : 0;
      }
    } finally {
      for (const slot of slotSystems) {
        audit.sizeSolves += slot.solves;
        slot.dispose();
      }
    }
    // Then the counts of the groups around the open batches (every release, every slot), every
    // other count held at the truth: the groups sharing a row with them, and theirs.
    if (large && open.length > 0) {
      const before = open.length;
      const free = groups().neighbourhood(open.map((batch) => batch.groupId));
      const part = new PartLp(highs, points, point, lpMaxColumns === 0 ? [] : free);
      const push = (expression: Lin, sense: "min" | "max") => {
        const found = part.push(expression, sense);
        if (found) for (const batch of open) if (isOpen(batch)) see(found, batch);
      };
      try {
        for (let round = 0; round < PUSH_ROUNDS_MAX && open.length > 0; round++) {
          const was = open.length;
          push(sumOf(open.flatMap((batch) => batch.other.filter((_, s) => batch.open[s]))), "max");
          open = open.filter(isOpen);
          push(sumOf(open.map((batch) => batch.size)), "max");
          open = open.filter(isOpen);
          push(sumOf(open.map((batch) => batch.size)), "min");
          open = open.filter(isOpen);
          if (was - open.length < PUSH_PROGRESS * was) break;
        }
        for (const batch of open) {
          for (let s = 0; s < slots; s++) if (batch.open[s]) push(batch.other[s] as Lin, "max");
          if (isOpen(batch)) push(batch.size, "min");
          if (isOpen(batch)) push(batch.size, "max");
        }
        open = open.filter(isOpen);
      } finally {
        audit.partSolves += part.solves;
        part.dispose();
      }
      audit.settledByPart += (before - open.length) * (slots + 1);
    }
  }
  if (open.length === 0) return;
  if (lower.length > lpMaxColumns) {
    // Too large to settle by LP at every rebuild: relaxations around the open batches prove
    // what they can (where the points ran: elsewhere the question is held as a whole anyway);
    // what is left open is held against the candidate (withheld, or the candidate is held
    // back), never let through.
    if (relaxations && lookForPoints && open.length > 0) {
      const prove = (which: "first" | "wide") =>
        relaxationProofs(
          highs,
          stacked,
          groups(),
          open,
          (batch) => [batch.groupId],
          (batch, bounds) => {
            const proven = provenBatch({
              size: { expression: batch.size, open: batch.sizeOpen },
              options: batch.other.map((expression, s) => ({
                expression,
                open: batch.open[s] === 1,
                seen: batch.maxOther[s] as number,
              })),
              bounds,
              k,
              sensitive,
            });
            const found = proven.options.filter((kind) => kind !== null).length;
            if (!proven.size && found === 0) return false;
            audit.relaxation.batchChecks += (proven.size ? 1 : 0) + found;
            report(
              {
                ...batch,
                sizeOpen: proven.size,
                open: Uint8Array.from(proven.options, (kind) => (kind ? 1 : 0)),
                maxOther: Float64Array.from(proven.options, (kind) => (kind === "all" ? 0 : 1)),
              },
              question,
              slots,
              audit,
            );
            if (proven.size) batch.sizeOpen = false;
            proven.options.forEach((kind, s) => {
              if (kind) batch.open[s] = 0;
            });
            return !isOpen(batch);
          },
          audit.relaxation,
          relaxations,
          which,
        );
      prove("first");
      open = open.filter(isOpen);
      if (targeted && point && open.length > 0) {
        const before = open.length;
        const seen = open;
        targetedPoints(
          highs,
          stacked,
          point,
          groups(),
          open,
          {
            groupsOf: (batch) => [batch.groupId],
            forms: (batch) => [
              ...batch.other
                .filter((_, s) => batch.open[s])
                .map((expression) => ({ expression, sense: "max" as const })),
              { expression: batch.size, sense: "min" },
              { expression: batch.size, sense: "max" },
            ],
            isOpen,
            see: (found) => {
              for (const batch of seen) if (isOpen(batch)) see(found, batch);
            },
          },
          audit.targeted,
        );
        open = open.filter(isOpen);
        audit.targeted.batches += before - open.length;
      }
      if (open.length > 0) {
        prove("wide");
        open = open.filter(isOpen);
      }
    }
    audit.unsettled += open.length;
    for (const batch of open) report(batch, question, slots, audit, true);
    return;
  }
  // The LPs: one model of the whole question (in increments), its objective changed per check.
  const lp = answerLp(highs, stacked);
  const optimum = (expression: Lin, sense: "min" | "max", dual = false): number => {
    if (expression.vars.length === 0) return expression.c;
    audit.solves++;
    const { status, point } = lp.solve(expression, sense, dual);
    if (status === "unbounded")
      return sense === "max" ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    for (const batch of open) if (isOpen(batch)) see(point, batch);
    return valueAt(expression, point);
  };
  // A push (many costs at once) solves faster by the dual simplex: 1.8× less CPU on a question
  // of 16,000 unknowns (2026-12-02, seqlp15 in docs/history/sequence-audit.md); runObjective leaves the primal simplex set
  // for the single-check LPs after it.
  const push = (expression: Lin, sense: "min" | "max") => optimum(expression, sense, true);
  // Pushed together first, while a round settles at least 2% of the open batches: the
  // newcomers spread over other answers, and as many and as few of them.
  try {
    for (let round = 0; round < PUSH_ROUNDS_MAX && open.length > 0; round++) {
      const before = open.length;
      push(sumOf(open.flatMap((batch) => batch.other.filter((_, s) => batch.open[s]))), "max");
      open = open.filter(isOpen);
      if (open.length > 0) push(sumOf(open.map((batch) => batch.size)), "max");
      open = open.filter(isOpen);
      if (open.length > 0) push(sumOf(open.map((batch) => batch.size)), "min");
      open = open.filter(isOpen);
      if (before - open.length < PUSH_PROGRESS * before) break;
    }
    for (const batch of open) {
      // Each open option's most "other" newcomers, then the fewest and most newcomers: with these
      // optima, whatever is still open is a finding.
      for (let s = 0; s < slots; s++) {
        if (!batch.open[s]) continue;
        const other = optimum(batch.other[s] as Lin, "max");
        if (other > (batch.maxOther[s] as number)) batch.maxOther[s] = other;
        settle(batch);
      }
      if (isOpen(batch)) {
        batch.minD = Math.min(batch.minD, optimum(batch.size, "min"));
        batch.minSolved = true;
        settle(batch);
      }
      if (batch.sizeOpen || (!sensitive && isOpen(batch))) {
        batch.maxD = Math.max(batch.maxD, optimum(batch.size, "max"));
        batch.maxSolved = true;
        settle(batch);
      }
    }
  } finally {
    lp.dispose();
  }

  for (const batch of open) report(batch, question, slots, audit);
}

/**
 * "pinned" (sequence-answer-pins.ts), for every group and release (from −1) and every batch:
 * no count of a published group's withheld table, nor a count ≥ 1 of a hidden group or batch of
 * at most k − 1, is pinned. Over the LP cap, what the true counts and the points leave open is
 * an unsettled finding, also where the last release withholds the question in every group: it
 * then adds sizes only, and what they pin is a batch check for one hierarchy of groups, but that
 * is not shown for crossed dimensions (docs/history/sequence-audit.md, pinsound18).
 */
function auditPins(
  highs: Highs,
  releases: Release[],
  question: Question,
  {
    entries,
    options,
    ...model
  }: {
    entries: Map<string, Entry[]>;
  } & Pick<AnswerSystem, "options" | "lower" | "upper" | "rows" | "chains">,
  {
    k,
    lpMaxColumns,
    audit,
    truth,
    known,
    ownSmallPins,
    moves,
    relaxations,
    targeted,
    groups,
  }: {
    k: number;
    /** The question's columns by group (the neighbourhood points over the cap). */
    groups: () => ColumnGroups;
    lpMaxColumns: number;
    audit: AnswerAudit;
    /**
     * Whether to try points of moved answers (sequence-answer-moves.ts) and neighbourhood LPs
     * before the pushes: only over the cap.
     */
    moves: boolean;
    /** Where the moves run: prove by relaxations what the points leave open. */
    relaxations: false | RelaxationOptions;
    /** Where the relaxations ran: targeted points for what they leave open. */
    targeted: boolean;
    truth: () => Float64Array | null;
    known: TrueCounts[] | undefined;
    ownSmallPins: boolean | "only";
  },
): number {
  const subjects: PinSubject[] = [];
  const difference = (end: Cell, start: Cell): Lin =>
    linOf([
      [1, end],
      [-1, start],
    ]);
  const none: Cell = { value: 0 };
  for (const [groupId, timeline] of options) {
    const sizes = entries.get(groupId) as Entry[];
    timeline.forEach((cells, to) => {
      const end = sizes[to];
      if (!cells || !end) return;
      const published = "value" in end;
      if (published && end.value === 0) return;
      if (ownSmallPins === "only" && published) return;
      for (let from = -1; from < (ownSmallPins === "only" ? 0 : to); from++) {
        const start = from < 0 ? none : sizes[from];
        const before = from < 0 ? cells.map(() => none) : timeline[from];
        if (!start || !before) continue;
        const size = difference(end, start);
        cells.forEach((cell, slot) => {
          const count = difference(cell, before[slot] as Cell);
          if (count.vars.length === 0) return;
          // A published group's own table: any count; else a small group or batch.
          const whole = from < 0 && published;
          subjects.push({ groupId, from, to, slot, count, ...(whole ? {} : { size }) });
        });
      }
    });
  }
  if (subjects.length === 0) return 0;
  const finding = ({ groupId, from, to, slot }: PinSubject): AnswerFinding => ({
    kind: "pinned",
    item: question.key,
    option: question.ticked ? question.ticked.value : (question.values[slot] ?? null),
    ...(question.ticked ? { ticked: slot === 0 } : {}),
    groupId,
    from,
    to,
  });
  // A hidden small group's count that its release alone pins is the single-release item
  // audit's part (it allows it): only what the other releases add is a finding. That release's
  // system holds every row of its own in the stacked one, so its range holds the stacked range:
  // what it proves pinned is pinned stacked too, and is dropped after the pushes, before its own
  // stacked LPs (never a finding either way: givenAlone drops it after them).
  const alone = new Map<number, { proven: Set<string>; all: Set<string> }>();
  const name = (f: AnswerFinding) => JSON.stringify([f.groupId, f.option, f.ticked]);
  const ownSmall = (subject: PinSubject) =>
    ownSmallPins === false && subject.size !== undefined && subject.from < 0;
  const aloneAt = (t: number) => {
    let found = alone.get(t);
    if (!found) {
      const single = auditAnswerSequence(highs, [releases[t] as Release], {
        sensitiveItems: new Set(),
        only: new Set([question.key]),
        ownSmallPins: "only",
        k,
        lpMaxColumns,
        ...(known ? { truths: [known[t]] } : {}),
      });
      audit.pinSolves += single.solves + single.pinSolves;
      const pins = single.findings.filter((f) => f.kind === "pinned");
      found = {
        proven: new Set(pins.filter((f) => !f.unsettled).map(name)),
        all: new Set(pins.map(name)),
      };
      alone.set(t, found);
    }
    return found;
  };
  const givenAlone = (subject: PinSubject) =>
    ownSmall(subject) &&
    (releases.length === 1 || aloneAt(subject.to).all.has(name(finding(subject))));
  const overCap = model.lower.length > lpMaxColumns;
  const point = truth();
  const near = { solves: 0 };
  const outcome = pinnedCounts(highs, model, subjects, point, {
    k,
    lpMaxColumns,
    // Over the cap (`moves`): moved answers, then the counts around what they leave open in a
    // smaller LP.
    ...(point && moves
      ? {
          moves: answerMoves(releases, options, model),
          near: neighbourhoodPinPoints(highs, model, groups(), near),
        }
      : {}),
    ...(releases.length > 1
      ? {
          // Over the cap (no stacked LP follows) only where it can settle every open count.
          givenAlone: (open: PinSubject[]) =>
            new Set(
              overCap && !open.every(ownSmall)
                ? []
                : open.filter(
                    (subject) =>
                      ownSmall(subject) && aloneAt(subject.to).proven.has(name(finding(subject))),
                  ),
            ),
        }
      : {}),
  });
  audit.pins.asked += outcome.asked;
  audit.pins.byTruth += outcome.byTruth;
  audit.pins.byMoves += outcome.byMoves;
  audit.pins.byAlone += outcome.byAlone;
  audit.pins.byNear += outcome.byNear;
  audit.partSolves += near.solves;
  audit.checks += subjects.length;
  audit.pinSolves += outcome.solves;
  audit.pins.lps += outcome.solves;
  // Over the cap, where the points ran: what relaxations prove pinned joins the pinned counts.
  let unsettled = outcome.unsettled;
  if (relaxations && moves && point && unsettled.length > 0) {
    /** What relaxations prove (`which` passes) leaves `unsettled`, proven pins join the pinned. */
    const prove = (which: "first" | "wide") => {
      const proven = new Map<PinSubject, number>();
      relaxationProofs(
        highs,
        model,
        groups(),
        unsettled,
        (subject) => [subject.groupId],
        (subject, bounds) => {
          const { count, size } = subject;
          const verdict = provenPin({ count, size, bounds, k, seen: valueAt(count, point) });
          if (verdict) proven.set(subject, verdict === "finding" ? 1 : 0);
          return verdict !== null;
        },
        audit.relaxation,
        relaxations,
        which,
      );
      // A hidden small group's own count is a finding only where its release alone does not pin
      // it (givenAlone): unknown while that release's own audit leaves it unsettled.
      for (const [subject, value] of proven) {
        if (ownSmall(subject) && releases.length > 1) {
          const given = aloneAt(subject.to);
          const key = name(finding(subject));
          if (given.all.has(key) && !given.proven.has(key)) {
            proven.delete(subject);
            continue;
          }
        }
        outcome.pinned.push({ subject, value });
      }
      audit.relaxation.pins += proven.size;
      unsettled = unsettled.filter((subject) => !proven.has(subject));
    };
    prove("first");
    if (targeted && unsettled.length > 0) {
      const before = unsettled.length;
      unsettled = targetedPins(highs, model, point, groups(), unsettled, k, audit.targeted);
      audit.targeted.pins += before - unsettled.length;
    }
    // Where only hidden small groups' own counts are left, those their release alone proves
    // pinned are no finding (pinnedCounts' givenAlone, asked there only once every open count is
    // one: the single-release audits are paid only where they can settle the question).
    if (releases.length > 1 && unsettled.length > 0 && unsettled.every(ownSmall)) {
      const before = unsettled.length;
      unsettled = unsettled.filter(
        (subject) => !aloneAt(subject.to).proven.has(name(finding(subject))),
      );
      audit.pins.byAlone += before - unsettled.length;
    }
    if (unsettled.length > 0) prove("wide");
  }
  // A withheld table whose every count is pinned: publishing it tells nothing more.
  const pinned = new Map<string, number>();
  const tableOf = ({ groupId, to }: PinSubject) => `${groupId}|${to}`;
  for (const { subject } of outcome.pinned)
    if (!subject.size) pinned.set(tableOf(subject), (pinned.get(tableOf(subject)) ?? 0) + 1);
  for (const { subject, value } of outcome.pinned) {
    if (value < 1 || givenAlone(subject)) continue;
    const whole = !subject.size && pinned.get(tableOf(subject)) === question.values.length;
    audit.findings.push({ ...finding(subject), ...(whole ? { whole } : {}) });
  }
  audit.unsettled += unsettled.length;
  for (const subject of unsettled) audit.findings.push({ ...finding(subject), unsettled: true });
  return unsettled.length;
}

/**
 * The pinned subjects left open that targeted points (sequence-answer-targeted-points.ts) do not
 * settle: a subject is settled as in pinnedCounts (PinRanges), once the truth and the points show
 * its count at whole values at least 1 apart, or its size at k or more.
 */
function targetedPins(
  highs: Highs,
  model: Pick<AnswerSystem, "lower" | "upper" | "rows" | "chains">,
  truth: Float64Array,
  groups: ColumnGroups,
  subjects: PinSubject[],
  k: number,
  stats: { solves: number; parts: number },
): PinSubject[] {
  const ranges = new PinRanges(subjects, k);
  const indexOf = new Map(subjects.map((subject, i) => [subject, i]));
  const all = subjects.map((_, i) => i);
  const see = (point: ArrayLike<number>) => ranges.see(point, all);
  const isOpen = (subject: PinSubject) => ranges.isOpen(indexOf.get(subject) as number);
  see(truth);
  targetedPoints(
    highs,
    model,
    truth,
    groups,
    subjects,
    {
      groupsOf: (subject) => [subject.groupId],
      forms: ({ count, size }) => [
        { expression: count, sense: "max" },
        { expression: count, sense: "min" },
        ...(size ? [{ expression: size, sense: "max" as const }] : []),
      ],
      isOpen,
      see,
    },
    stats,
  );
  return subjects.filter(isOpen);
}

/** The checks of a batch still open, as findings. */
function report(
  batch: Batch,
  question: Question,
  slots: number,
  audit: AnswerAudit,
  unsettled = false,
): void {
  const base = {
    item: question.key,
    groupId: batch.groupId,
    from: batch.from,
    to: batch.to,
    ...(unsettled ? { unsettled } : {}),
  };
  if (batch.sizeOpen) audit.findings.push({ kind: "size", ...base });
  for (let s = 0; s < slots; s++) {
    if (!batch.open[s]) continue;
    const other = Math.floor((batch.maxOther[s] as number) + EPSILON);
    audit.findings.push({
      kind: other <= 0 ? "all" : "nearlyAll",
      ...base,
      option: question.ticked ? question.ticked.value : (question.values[s] ?? null),
      ...(question.ticked ? { ticked: s === 0 } : {}),
    });
  }
}

/**
 * The true counts of every release as a point of the question's system (null if any is missing
 * or the point does not satisfy every row and bound: it then closes nothing).
 */
function truthPoint(
  system: SequenceSystem,
  options: Map<string, (Cell[] | null)[]>,
  known: TrueCounts[],
  question: Question,
  columns: number,
  rows: Row[],
  lower: number[],
  upper: number[],
): Float64Array | null {
  const point = new Float64Array(columns).fill(Number.NaN);
  for (const [v, variable] of system.variables.entries())
    point[v] = known[variable.release]?.get(variable.groupId) ?? Number.NaN;
  for (const [id, timeline] of options) {
    timeline.forEach((cells, t) => {
      const counts = known[t]?.answers?.get(question.key)?.get(id);
      const size = known[t]?.get(id);
      cells?.forEach((cell, s) => {
        if (!("variable" in cell)) return;
        if (!counts || size === undefined) return;
        const ticked = question.ticked
          ? (counts[question.ticked.index] as number | undefined)
          : undefined;
        point[cell.variable] = question.ticked
          ? ticked === undefined
            ? Number.NaN
            : s === 0
              ? ticked
              : size - ticked
          : (counts[s] ?? Number.NaN);
      });
    });
  }
  return isPointOf({ lower, upper, rows }, point) ? point : null;
}

/**
 * Withholds, in the candidate (the last release), the tables of the questions whose stacked
 * answer tables tell about newcomers, until the answer audit finds nothing: first the question
 * at each finding's group, then at the groups sharing a relation with it, at last in the whole
 * candidate. A finding between shown releases that the shown releases alone already give (they
 * were served before this audit existed, or without their answers checked) is no news to their
 * readers and is not held against the candidate. What is left after the whole candidate
 * withholds the question (its group sizes pin a batch through earlier tables) is returned: the
 * candidate may not be served as it is. `withheld` lists "group id|question key".
 */
export function withholdAnswers(
  highs: Highs,
  shown: Release[],
  candidate: Release,
  options: {
    sensitiveItems: ReadonlySet<string>;
    truths?: (TrueCounts | undefined)[];
    /** See ANSWER_LP_MAX_COLUMNS (tests set it low). */
    lpMaxColumns?: number;
    /**
     * Each round's audit looks for every point over the LP cap (auditAnswerSequence's
     * `everyPoint`): benches, what a rebuild with the gates loosened costs and serves.
     */
    everyPoint?: boolean;
    /**
     * Audit a question on the candidate's organisation row where that is the same audit (shown
     * releases of the organisation only, see below); false: the whole candidate (tests compare).
     */
    organisationRow?: boolean;
  },
): {
  release: Release;
  left: AnswerFinding[];
  withheld: string[];
  audits: AnswerAudit[];
  /** The rounds' audits (`audits` adds the audits of the shown releases and candidate alone). */
  rounds: number;
} {
  const release: Release = structuredClone(candidate);
  const sequence = [...shown, release];
  const structures = sequence.map(releaseEquations);
  const last = sequence.length - 1;
  const { position, equations } = structures[last] as ReleaseEquations;
  const partners = new Map<string, Set<string>>();
  for (const { total, parts } of equations)
    for (const id of [total, ...parts])
      for (const other of [total, ...parts]) {
        const set = partners.get(id) ?? new Set<string>();
        set.add(other);
        partners.set(id, set);
      }
  const hide = (groupId: string, key: string): boolean => {
    const group = release.groups[position.get(groupId) ?? -1];
    const index = group?.items.findIndex((item) => item.key === key) ?? -1;
    const item = group?.items[index];
    if (!group || !item || !("options" in item)) return false;
    group.items[index] = { key: item.key, kind: item.kind, hidden: "protected" };
    withheld.push(`${groupId}|${key}`);
    return true;
  };
  const audits: AnswerAudit[] = [];
  const withheld: string[] = [];
  let only: Set<string> | undefined;
  const name = (f: AnswerFinding) =>
    JSON.stringify([f.kind, f.item, f.option, f.ticked, f.groupId, f.from, f.to]);
  // What the shown releases alone give, per question (asked only where a finding is that old).
  const known = new Map<string, Set<string>>();
  function published(t: number, groupId: string) {
    const n = sequence[t]?.groups[structures[t]?.position.get(groupId) ?? -1]?.n;
    return n && "value" in n ? n.value : undefined;
  }
  const root = release.units.find((unit) => unit.parentId === null)?.id;
  // Whether group g truly had no newcomers between release t and the candidate: from the true
  // counts, or, without them, from the organisation's published total, unchanged.
  const noNewcomers = (groupId: string, t: number) => {
    const [before, now] = [options.truths?.[t], options.truths?.[last]];
    if (before && now) {
      const n = now.get(groupId);
      return n !== undefined && n === before.get(groupId);
    }
    const organisation = published(last, `${root}/all`);
    return organisation !== undefined && organisation === published(t, `${root}/all`);
  };
  const publishedTable = (t: number, groupId: string, key: string) => {
    const group = sequence[t]?.groups[structures[t]?.position.get(groupId) ?? -1];
    const item = group?.items.find((found) => found.key === key);
    return item !== undefined && "options" in item;
  };
  // What the candidate alone gives, per question (as it stands in this round).
  const alone = new Map<string, Set<string>>();
  const givenByCandidate = (finding: AnswerFinding): boolean => {
    if (!alone.has(finding.item)) {
      const audit = auditAnswerSequence(highs, [release], {
        ownSmallPins: true,
        sensitiveItems: options.sensitiveItems,
        ...(options.truths ? { truths: options.truths.slice(last) } : {}),
        structures: structures.slice(last),
        only: new Set([finding.item]),
      });
      audits.push(audit);
      alone.set(finding.item, new Set(audit.findings.filter((f) => !f.unsettled).map(name)));
    }
    return alone.get(finding.item)?.has(name(finding)) === true;
  };
  // A count of a table release t published, in a group whose published size is the same at t
  // and in the candidate, where the candidate shows the question in no group: counts never go
  // down and add up to the same size, so it can only be the figure readers saw at t, and they
  // can tell so from published figures alone (no true count decides it). Pinned or not, proven
  // or left unsettled over the LP cap, it tells nothing new; the size checks stay.
  const sameTableAsShown = (finding: AnswerFinding): boolean => {
    if (finding.kind !== "pinned" || finding.to < last || !shownNowhere(finding.item)) return false;
    let t = last - 1;
    while (t >= 0 && !structures[t]?.position.has(finding.groupId)) t--;
    const size = published(last, finding.groupId);
    return (
      t > finding.from &&
      size !== undefined &&
      size === published(t, finding.groupId) &&
      publishedTable(t, finding.groupId, finding.item)
    );
  };
  const alreadyShown = (finding: AnswerFinding): boolean => {
    if (sameTableAsShown(finding)) return true;
    if (finding.to >= last) {
      // A group's own figures that the candidate alone gives are the single-release audit's
      // part (rule 4, as for a release with nothing before it): its readers learn them from it
      // alone, whatever was shown before. Batches (from ≥ 0) stay this audit's.
      if (finding.from < 0 && givenByCandidate({ ...finding, to: 0 })) return true;
      // The group's people are those of the last shown release that lists it: what the
      // candidate tells about them, readers of that release already knew.
      let t = last - 1;
      while (t >= 0 && !structures[t]?.position.has(finding.groupId)) t--;
      if (t <= finding.from || !noNewcomers(finding.groupId, t)) return false;
      // A table release t published, pinned now to what it showed.
      const shownTable =
        finding.kind === "pinned" && publishedTable(t, finding.groupId, finding.item);
      if (!shownTable && !alreadyShown({ ...finding, to: t })) return false;
      // A group's own figures the candidate alone does not give (above), where others arrived
      // since: the candidate's tables pin what the shown ones left open. With nobody new at all
      // (k raised, a rebuild), nothing is news.
      return finding.from >= 0 || noNewcomers(`${root}/all`, last - 1);
    }
    if (!known.has(finding.item)) {
      const audit = auditAnswerSequence(highs, shown, {
        sensitiveItems: options.sensitiveItems,
        ...(options.truths ? { truths: options.truths.slice(0, shown.length) } : {}),
        structures: structures.slice(0, shown.length),
        only: new Set([finding.item]),
        ownSmallPins: true,
        // With k raised since, what the shown releases gave is judged by the new k too.
        k: release.k,
      });
      audits.push(audit);
      // Only what the shown releases are proven to give: an unsettled check is no proof.
      known.set(
        finding.item,
        new Set(audit.findings.filter((found) => !found.unsettled).map(name)),
      );
    }
    return known.get(finding.item)?.has(name(finding)) === true;
  };
  // A table this audit withheld whose every count the reader pins anyway (with it withheld)
  // tells nothing the rest does not: it is published again, once (if that changes what the
  // reader can deduce, the next audit finds it and it stays withheld). A table the item audit
  // withheld stays so.
  const republished = new Set<string>();
  const tableOf = (finding: AnswerFinding) => `${finding.groupId}|${finding.item}`;
  const republish = (findings: AnswerFinding[]): Set<string> => {
    const whole = new Map<string, { groupId: string; item: string; options: Set<unknown> }>();
    for (const finding of findings) {
      if (finding.kind !== "pinned" || !finding.whole || finding.to !== last) continue;
      const table = tableOf(finding);
      const entry = whole.get(table) ?? {
        groupId: finding.groupId,
        item: finding.item,
        options: new Set(),
      };
      entry.options.add(finding.option);
      whole.set(table, entry);
    }
    const changed = new Set<string>();
    for (const [table, { groupId, item, options }] of whole) {
      const at = withheld.indexOf(table);
      if (at < 0 || republished.has(table)) continue;
      const index = position.get(groupId) ?? -1;
      const original = candidate.groups[index]?.items.find((found) => found.key === item);
      const group = release.groups[index];
      if (!group || !original || !("options" in original)) continue;
      // A multiple-choice question: every option's ticked / not-ticked table pinned.
      if (original.kind === "multi" && options.size < original.options.length) continue;
      group.items = group.items.map((found) =>
        found.key === item ? structuredClone(original) : found,
      );
      withheld.splice(at, 1);
      republished.add(table);
      changed.add(table);
    }
    return changed;
  };
  // An unsettled finding in a question the candidate withholds in every group holds the
  // candidate back, whatever the other questions give: nothing is left to withhold, no LP proves
  // a count of that question (so none is published again), and an unsettled finding is never
  // one the shown releases already gave. The round stops there.
  const shownNowhere = (key: string) =>
    release.groups.every((group) =>
      group.items.every((item) => item.key !== key || !("options" in item)),
    );
  const stopAt = (findings: readonly AnswerFinding[]) =>
    findings.some((finding) => finding.unsettled && shownNowhere(finding.item));
  // Shown releases that hold the organisation only (interim releases while open), and a
  // question whose organisation table each of them and the candidate publish: the shown
  // releases add only constants to the candidate's own system (the organisation's counts, tied
  // to the candidate's published ones). Stacked, the breakdowns' own figures are then exactly
  // what the candidate alone gives (excused above), and what is left is about the organisation's
  // newcomers: the question is audited on the candidate's organisation row alone, stacked.
  const { organisationRow = true, ...auditOptions } = options;
  const organisationShownOnly =
    organisationRow && shown.length > 0 && shown.every((earlier) => earlier.audit.organisationOnly);
  const organisation = `${root}/all`;
  const organisationPublishes = (t: number, key: string) => {
    const group = sequence[t]?.groups[structures[t]?.position.get(organisation) ?? -1];
    const item = group?.items.find((found) => found.key === key);
    return group !== undefined && "value" in group.n && (!item || "options" in item);
  };
  const onOrganisationRow = (key: string) =>
    organisationShownOnly && sequence.every((_, t) => organisationPublishes(t, key));
  const auditRound = (keys: Set<string>): AnswerAudit[] => {
    const own = new Set([...keys].filter(onOrganisationRow));
    const rest = new Set([...keys].filter((key) => !own.has(key)));
    const round: AnswerAudit[] = [];
    if (rest.size > 0)
      round.push(
        auditAnswerSequence(highs, sequence, { ...auditOptions, structures, stopAt, only: rest }),
      );
    if (own.size > 0) {
      const row: Release = {
        ...release,
        groups: release.groups.filter((group) => group.id === organisation),
        audit: { ...release.audit, organisationOnly: true },
      };
      round.push(
        auditAnswerSequence(highs, [...shown, row], {
          ...auditOptions,
          structures: [...structures.slice(0, last), releaseEquations(row)],
          stopAt,
          only: own,
        }),
      );
    }
    return round;
  };
  let rounds = 0;
  for (;;) {
    alone.clear();
    rounds++;
    const round = auditRound(
      only ?? new Set(questionsOf(sequence).map((question) => question.key)),
    );
    audits.push(...round);
    for (const audit of round)
      audit.findings = audit.findings.filter((finding) =>
        finding.unsettled ? !sameTableAsShown(finding) : !alreadyShown(finding),
      );
    const audit = { findings: round.flatMap((done) => done.findings) };
    if (audit.findings.length === 0) return { release, left: [], withheld, audits, rounds };
    // Published again now: its "pinned" findings are settled (anything else hides it again).
    const again = republish(audit.findings);
    let hidden = again.size;
    // A question too large for the LPs stays so: withheld in the whole candidate at once.
    for (const key of new Set(audit.findings.filter((f) => f.unsettled).map((f) => f.item)))
      for (const group of release.groups) if (hide(group.id, key)) hidden++;
    for (const finding of audit.findings) {
      if (finding.unsettled) continue;
      if (finding.kind === "pinned" && finding.to === last && again.has(tableOf(finding))) continue;
      if (hide(finding.groupId, finding.item)) {
        hidden++;
        continue;
      }
      for (const partner of partners.get(finding.groupId) ?? [])
        if (hide(partner, finding.item)) hidden++;
    }
    if (hidden === 0)
      for (const key of new Set(audit.findings.map((finding) => finding.item)))
        for (const group of release.groups) if (hide(group.id, key)) hidden++;
    if (hidden === 0) return { release, left: audit.findings, withheld, audits, rounds };
    only = new Set(audit.findings.map((finding) => finding.item));
  }
}
