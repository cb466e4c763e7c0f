import type { Highs } from "highs";
import type { Release } from "../../../analysis/release-types";
import { type Question, questionsOf } from "./item-attack";
import { combine, type Linear, valueAt } from "./linear-text-model";
import { type AnswerSubject, type AnswerTables, stackAnswerTables } from "./sequence-answer-tables";

/**
 * The answer-table differencing attack, written apart from analysis/: a reader stacks every
 * served release's answer tables of a question (sequence-answer-tables.ts) and
 * asks, by linear programming (HiGHS; the relaxation, so every finding is a valid deduction),
 * what the rules forbid, about every batch of newcomers between two releases and, after the
 * fact, about every table an earlier release hid:
 * - all: everyone of a group of 1..k−1 (a batch the reader can bound so) gave this answer;
 *   none: nobody did (yes/no questions, a multi-choice option); on a sensitive question also of larger groups, and
 *   nearlyAll / nearlyNone: all or all but one (item-attack.ts's rules, applied to batches);
 * - size: a batch, or a hidden group, pinned to a size in 1..k−1;
 * - exact: an option count pinned (not 0) of a batch or hidden group of fewer than k, or of a
 *   published group whose question the release hid.
 * A finding on an earlier release's table is reported only where that release alone does not
 * give it (that is the single-release attack's part).
 */
export interface AnswerSequenceFinding {
  kind: "all" | "none" | "nearlyAll" | "nearlyNone" | "size" | "exact";
  groupId: string;
  /** The release whose hidden table is read, or the two releases a batch arrived between. */
  at: { release: number } | { from: number; to: number };
  item: string;
  option: string | null;
  /** What the reader can bound the group or batch size to. */
  size: { min: number; max: number };
}

export interface AnswerAttackStats {
  checks: number;
  /** Checks a point already found (a feasible table) shows open, without a new LP. */
  openedByPoints: number;
  lps: number;
}

const EPSILON = 1e-6;
const NONE_TICKED = "(none ticked)";

export interface AnswerAttackOptions {
  /** Filled with what the attack did. */
  stats?: AnswerAttackStats;
  /** Attack only these questions (default: every question a release shows). */
  questions?: ReadonlySet<string>;
}

export function attackAnswerSequence(
  highs: Highs,
  releases: readonly Release[],
  sensitive: ReadonlySet<string>,
  options: AnswerAttackOptions = {},
): AnswerSequenceFinding[] {
  if (releases.length < 2) return [];
  const stats = options.stats ?? { checks: 0, openedByPoints: 0, lps: 0 };
  const wanted = (key: string) => !options.questions || options.questions.has(key);
  const k = Math.max(...releases.map((release) => release.k));
  const questions = new Map<string, Question>();
  for (const release of releases)
    for (const question of questionsOf(release))
      if (wanted(question.key) && !questions.has(question.key))
        questions.set(question.key, question);
  const findings: AnswerSequenceFinding[] = [];
  for (const question of questions.values()) {
    const stacked = new Reader(highs, stackAnswerTables(releases, question, k), k, stats);
    const alone = new Map<number, Reader>();
    const readerAlone = (t: number) => {
      const found =
        alone.get(t) ??
        new Reader(highs, stackAnswerTables([releases[t] as Release], question, k), k, stats);
      alone.set(t, found);
      return found;
    };
    for (const finding of stacked.findings(question, sensitive.has(question.key))) {
      if ("release" in finding.at) {
        const t = finding.at.release;
        const single = readerAlone(t);
        const same = single.tables.subjects.find(
          (subject) => subject.groupId === finding.groupId && "release" in subject.at,
        );
        const kind =
          finding.kind === "nearlyAll"
            ? "all"
            : finding.kind === "nearlyNone"
              ? "none"
              : finding.kind;
        const again = same && single.check(kind, same, question, sensitive.has(question.key));
        if (again?.some((other) => other.option === finding.option && other.kind === finding.kind))
          continue;
      }
      findings.push(finding);
    }
  }
  return findings;
}

/** The LP questions on one stacked model, settled by points already found where they can be. */
class Reader {
  private readonly ranges = new Map<Linear, { min: number; max: number }>();

  constructor(
    private readonly highs: Highs,
    readonly tables: AnswerTables,
    private readonly k: number,
    private readonly stats: AnswerAttackStats,
  ) {}

  findings(question: Question, sensitive: boolean): AnswerSequenceFinding[] {
    const { model, subjects } = this.tables;
    // One spread point first: as many people as possible not giving each answer.
    const spread = subjects.flatMap((subject) =>
      subject.x.map(
        (count) =>
          [
            1,
            combine([
              [1, subject.n],
              [-1, count],
            ]),
          ] as const,
      ),
    );
    if (model.size > 0) this.optimum("Maximize", combine(spread));
    const kinds: AnswerSequenceFinding["kind"][] = ["all", "none", "size", "exact"];
    return kinds.flatMap((kind) =>
      subjects.flatMap((subject) => this.check(kind, subject, question, sensitive)),
    );
  }

  /** The findings of one kind on one subject (nearlyAll / nearlyNone come with all / none). */
  check(
    kind: AnswerSequenceFinding["kind"],
    subject: AnswerSubject,
    question: Question,
    sensitive: boolean,
  ): AnswerSequenceFinding[] {
    const found = (
      found: AnswerSequenceFinding["kind"],
      s: number | null,
    ): AnswerSequenceFinding => ({
      kind: found,
      groupId: subject.groupId,
      at: subject.at,
      item: question.key,
      option:
        s === null
          ? null
          : question.kind === "multi" && s === question.values.length - 1
            ? NONE_TICKED
            : (question.values[s] ?? null),
      size: this.range(subject.n),
    });
    if (kind === "size") return this.sizePinned(subject) ? [found("size", null)] : [];
    const slots = question.values.map((_, s) => s);
    if (kind === "exact")
      return slots.filter((s) => this.exact(subject, s)).map((s) => found("exact", s));
    // "none" only where it says something "all" does not: a yes/no question (and no answer),
    // a multi-choice option ("ticked none" excluded).
    const binary = question.kind === "single" && question.values.length === 3;
    if (kind === "none" && !binary && question.kind !== "multi") return [];
    const result: AnswerSequenceFinding[] = [];
    for (const s of kind === "none" ? slots.slice(0, -1) : slots) {
      const count = subject.x[s] as Linear;
      const others = combine([
        [1, subject.n],
        [-1, count],
      ]);
      const term = kind === "all" ? others : count;
      const shows = (table: { n: number; x: number[] }, rule: number) =>
        (kind === "all" ? table.n - (table.x[s] ?? 0) : (table.x[s] ?? 0)) <= rule;
      const rule = sensitive ? 1 : 0;
      if (subject.containers.some((table) => shows(table, rule))) continue;
      const most = this.unanimity(subject, term, rule, sensitive);
      if (most === null) continue;
      const nearly = kind === "all" ? "nearlyAll" : "nearlyNone";
      result.push(found(most === 0 ? kind : nearly, s));
    }
    return result;
  }

  /**
   * At most `most` of the subject outside (all) or inside (none) the answer, with the subject
   * forced to hold more than that: `most` when it breaks the rules (0 for a group of 1..k−1,
   * also larger ones on a sensitive question; 1 on a sensitive question for k or more), else null.
   */
  private unanimity(subject: AnswerSubject, term: Linear, rule: number, sensitive: boolean) {
    this.stats.checks++;
    const open = (p: Float64Array) =>
      valueAt(term, p) >= rule + 1 - EPSILON ||
      valueAt(subject.n, p) <= EPSILON ||
      (!sensitive && valueAt(subject.n, p) >= this.k - EPSILON);
    if (this.settledByPoints(open)) return null;
    const most = Math.floor(this.optimum("Maximize", term) + EPSILON);
    if (most > rule) return null;
    const { min, max } = this.range(subject.n);
    if (min <= most) return null;
    const small = max <= this.k - 1;
    if (most === 0) return sensitive || small ? 0 : null;
    return sensitive && !small ? 1 : null;
  }

  private sizePinned(subject: AnswerSubject): boolean {
    if (subject.sizeKnown && "release" in subject.at) return false;
    this.stats.checks++;
    const pinned = this.pinned(subject.n, this.k - 1);
    return pinned !== null && pinned <= this.k - 1;
  }

  private exact(subject: AnswerSubject, s: number): boolean {
    const count = subject.x[s] as Linear;
    if (count.terms.size === 0 && "release" in subject.at) return false;
    const published = subject.sizeKnown && "release" in subject.at;
    this.stats.checks++;
    if (!published && this.settledByPoints((p) => valueAt(subject.n, p) >= this.k - EPSILON))
      return false;
    const pinned = this.pinned(count, Number.POSITIVE_INFINITY);
    if (pinned === null || pinned < 1) return false;
    return published || this.range(subject.n).max <= this.k - 1;
  }

  /** The whole value in 1..most an expression is pinned to, or null. */
  private pinned(expression: Linear, most: number): number | null {
    if (expression.terms.size === 0) {
      const value = expression.constant;
      return value >= 1 && value <= most ? value : null;
    }
    const seen = this.tables.model.points.map((p) => valueAt(expression, p));
    if (seen.length > 0) {
      // The least value is at most the least seen, the greatest at least the greatest seen.
      const low = Math.ceil(Math.min(...seen) - EPSILON);
      const high = Math.floor(Math.max(...seen) + EPSILON);
      if (high > low || low < 1 || high > most) {
        this.stats.openedByPoints++;
        return null;
      }
    }
    const { min, max } = this.range(expression);
    return min === max && min >= 1 && min <= most ? min : null;
  }

  /** Whole-number range: least and greatest value rounded inwards. */
  private range(expression: Linear): { min: number; max: number } {
    if (expression.terms.size === 0) return { min: expression.constant, max: expression.constant };
    const known = this.ranges.get(expression);
    if (known) return known;
    const found = {
      min: Math.ceil(this.optimum("Minimize", expression) - EPSILON),
      max: Math.floor(this.optimum("Maximize", expression) + EPSILON),
    };
    this.ranges.set(expression, found);
    return found;
  }

  private settledByPoints(open: (p: Float64Array) => boolean): boolean {
    if (!this.tables.model.points.some(open)) return false;
    this.stats.openedByPoints++;
    return true;
  }

  private optimum(sense: "Minimize" | "Maximize", objective: Linear): number {
    const before = this.tables.model.solves;
    const value = this.tables.model.optimum(this.highs, sense, objective);
    this.stats.lps += this.tables.model.solves - before;
    return value;
  }
}
