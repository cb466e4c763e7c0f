import type { Highs } from "highs";
import type { Release, ReleaseGroup, ReleaseItem } from "../../../analysis/release-types";
import { type AuditCell, releaseSystem } from "./release-system";

/**
 * The item-level attack, written apart from analysis/: from the published release alone, every
 * question's option counts of all groups form linked tables with the same equations as the
 * group sizes (hierarchy, partitions, crosses), options add up to the group's size (single
 * choice), and a multi-choice question is one ticked / not-ticked table per option. Unknown are
 * the sizes of hidden groups and the option counts of every group whose answers are not shown
 * (hidden group, or question hidden for the group). The attacker tightens every unknown's bounds
 * equation by equation over the integers (an exact method); an answer whose bounds leave no other
 * possibility is found. Given a solver, the attacker then also solves the LP relaxation (HiGHS
 * through CPLEX LP text written here, not the suppressor's models) for the largest or least value
 * of every unknown that tightening left open, rounding to whole people.
 */
export interface ItemFinding {
  groupId: string;
  item: string;
  /**
   * all: every member of a hidden small group gave this answer; none: no member did (a yes/no
   * answer or a multi-choice option, where that says the same); nearlyAll / nearlyNone: on a
   * sensitive question, all or all but one of a group whose answers are not shown; exact: a
   * non-zero option count of a published group whose question is hidden, pinned down.
   */
  kind: "all" | "none" | "nearlyAll" | "nearlyNone" | "exact";
  option: string | null;
}

const NONE_TICKED = "(none ticked)";

interface Question {
  key: string;
  kind: "single" | "multi";
  /** Option values in published order; the last one (null) is "no answer" / "ticked none". */
  values: (string | null)[];
}

/** Every question the release shows somewhere, with its option values. */
function questionsOf(release: Release): Question[] {
  const found = new Map<string, Question>();
  for (const group of release.groups) {
    for (const item of group.items) {
      if (found.has(item.key) || !("options" in item)) continue;
      found.set(item.key, {
        key: item.key,
        kind: item.kind,
        values: item.options.map((option) => option.value),
      });
    }
  }
  return [...found.values()];
}

/** Runs the attack on every question; `sensitive` lists the questions under the unanimity rule. */
export function attackItems(
  release: Release,
  sensitive: ReadonlySet<string>,
  highs?: Highs,
): ItemFinding[] {
  if (release.audit.organisationOnly) return [];
  const system = releaseSystem(release);
  const findings: ItemFinding[] = [];
  const containers = containersOf(release);
  for (const question of questionsOf(release)) {
    findings.push(
      ...attackQuestion(release, system, question, sensitive.has(question.key), containers, highs),
    );
  }
  return findings;
}

function shownItem(
  group: ReleaseGroup,
  key: string,
): Extract<ReleaseItem, { options: unknown }> | undefined {
  if (!("value" in group.n)) return undefined;
  const item = group.items.find((candidate) => candidate.key === key);
  return item && "options" in item ? item : undefined;
}

function attackQuestion(
  release: Release,
  system: ReturnType<typeof releaseSystem>,
  question: Question,
  sensitive: boolean,
  containers: number[][],
  highs: Highs | undefined,
): ItemFinding[] {
  const k = release.k;
  const slots = question.values.length;
  const answerSlots = slots - 1; // the options, without "no answer" / "ticked none"
  const binary = question.kind === "single" && answerSlots === 2;
  const groups = release.groups;
  const shown = groups.map((group) => shownItem(group, question.key));
  const box = new Bounds();
  const knownSize = (g: number) => (system.cells[g] as AuditCell).value;
  const unknown = (g: number) => shown[g] === undefined && knownSize(g) !== 0;
  // One variable per hidden size, per unknown option count (x) and per unknown "all but this
  // answer" count (u = n − x); published figures are constants.
  const size = groups.map((_, g): Term => {
    const value = knownSize(g);
    if (value !== null) return value;
    const cell = system.cells[g] as AuditCell;
    const min =
      cell.reason === "secondary" ? k : cell.reason === "primary" && !cell.splitsPrimary ? 1 : 0;
    const max = cell.reason === "primary" ? Math.min(cell.cap, k - 1) : cell.cap;
    return box.variable(min, max);
  });
  const x = groups.map((_, g) =>
    Array.from({ length: slots }, (_, s): Term => {
      if (knownSize(g) === 0) return 0;
      const item = shown[g];
      return item ? (item.options[s]?.count ?? 0) : box.variable(0, Number.POSITIVE_INFINITY);
    }),
  );
  const u = groups.map((_, g) =>
    Array.from({ length: slots }, (_, s): Term => {
      const count = x[g]?.[s] as Term;
      const n = size[g] as Term;
      if (typeof count === "number" && typeof n === "number") return n - count;
      return box.variable(0, Number.POSITIVE_INFINITY);
    }),
  );
  for (const equation of system.equations) {
    const of = (terms: Term[]) =>
      box.equal(
        equation.cells.map((cell, position) => [
          equation.coefficients[position] as number,
          terms[cell] as Term,
        ]),
        0,
      );
    of(size);
    for (let s = 0; s < slots; s++) {
      of(x.map((row) => row[s] as Term));
      of(u.map((row) => row[s] as Term));
    }
  }
  groups.forEach((_, g) => {
    if (!unknown(g)) return;
    const n = size[g] as Term;
    const xs = x[g] as Term[];
    for (let s = 0; s < slots; s++) {
      box.equal(
        [
          [1, xs[s] as Term],
          [1, (u[g] as Term[])[s] as Term],
          [-1, n],
        ],
        0,
      );
    }
    if (question.kind === "single") {
      box.equal([...xs.map((term): [number, Term] => [1, term]), [-1, n]], 0);
      return;
    }
    // Ticking "none" excludes every option; everyone ticked none or at least one option.
    const none = xs[slots - 1] as Term;
    for (let o = 0; o < slots - 1; o++) {
      box.equal(
        [
          [1, xs[o] as Term],
          [1, none],
          [1, box.variable(0, Number.POSITIVE_INFINITY)],
          [-1, n],
        ],
        0,
      );
    }
    box.equal(
      [
        ...xs.map((term): [number, Term] => [1, term]),
        [-1, box.variable(0, Number.POSITIVE_INFINITY)],
        [-1, n],
      ],
      0,
    );
  });
  box.propagate();
  const lp = highs ? new LpExtremes(highs, box) : null;

  const containerShows = (g: number, s: number, test: (count: number, n: number) => boolean) =>
    (containers[g] ?? []).some((h) => {
      const item = shown[h];
      const n = knownSize(h);
      return item !== undefined && n !== null && test(item.options[s]?.count ?? 0, n);
    });
  const findings: ItemFinding[] = [];
  groups.forEach((group, g) => {
    if (!unknown(g)) return;
    const cell = system.cells[g] as AuditCell;
    const small = cell.value === null && cell.reason !== "secondary";
    const rule = small ? 0 : sensitive ? 1 : -1;
    const canHoldSomeone = box.high(size[g] as Term) >= 1;
    const option = (s: number) =>
      question.kind === "multi" && s === slots - 1 ? NONE_TICKED : (question.values[s] ?? null);
    const report = (kind: ItemFinding["kind"], s: number) =>
      findings.push({ groupId: group.id, item: question.key, kind, option: option(s) });
    for (let s = 0; s < slots; s++) {
      const xs = x[g]?.[s] as Term;
      const us = u[g]?.[s] as Term;
      // At most `rule` for certain: by tightening, or because no LP solution reaches rule + 1.
      const atMost = (term: Term) =>
        box.high(term) <= rule || (lp !== null && !lp.reaches(term, rule + 1));
      const holdsSomeone = () => lp === null || lp.reaches(size[g] as Term, 1);
      if (rule >= 0 && canHoldSomeone) {
        if (
          !containerShows(g, s, (count, n) => n - count <= rule) &&
          atMost(us) &&
          holdsSomeone()
        ) {
          report(rule === 0 ? "all" : "nearlyAll", s);
        }
        const noneSide = s < answerSlots && (binary || question.kind === "multi");
        if (
          noneSide &&
          !containerShows(g, s, (count) => count <= rule) &&
          atMost(xs) &&
          holdsSomeone()
        ) {
          report(rule === 0 ? "none" : "nearlyNone", s);
        }
      }
      if (cell.value !== null && box.low(xs) > 0) {
        const pinned = typeof xs === "number" || box.low(xs) === box.high(xs) || lp?.pinned(xs);
        if (pinned) report("exact", s);
      }
    }
  });
  return findings;
}

const EPSILON = 1e-6;

/**
 * Largest and least values by LP over the attacker's system (its equations, with the bounds
 * tightening found). Every solution the solver returns is kept: a value already seen beyond what
 * is asked needs no solve of its own.
 */
class LpExtremes {
  private readonly seenLow: Float64Array;
  private readonly seenHigh: Float64Array;
  private readonly solved = new Map<string, number>();
  private readonly rows: string[];
  private readonly boundLines: string[];

  constructor(
    private readonly highs: Highs,
    box: Bounds,
  ) {
    const { rows, lows, highs: ups } = box.system();
    this.seenLow = new Float64Array(lows.length).fill(Number.POSITIVE_INFINITY);
    this.seenHigh = new Float64Array(lows.length).fill(Number.NEGATIVE_INFINITY);
    this.rows = rows.map(
      (row, index) =>
        ` r${index}: ${row.vars.map((v, i) => `${(row.coefficients[i] as number) < 0 ? "-" : "+"} ${Math.abs(row.coefficients[i] as number)} v${v}`).join(" ")} = ${row.rhs}`,
    );
    this.boundLines = lows.map((low, v) =>
      Number.isFinite(ups[v] as number) ? ` ${low} <= v${v} <= ${ups[v]}` : ` v${v} >= ${low}`,
    );
    // A few spread-out points first (every variable pushed up, every variable pushed down, and
    // two fixed mixes): each one settles many "can it reach …" questions without an LP of its own.
    const all = lows.map((_, v) => v);
    if (all.length === 0) return;
    this.spread(
      all.map((v) => [v, 1]),
      true,
    );
    this.spread(
      all.map((v) => [v, 1]),
      false,
    );
    this.spread(
      all.map((v) => [v, v % 2 === 0 ? 1 : -1]),
      true,
    );
    this.spread(
      all.map((v) => [v, v % 3 === 0 ? -1 : 1]),
      true,
    );
  }

  /** Solves once for a weighted objective, only to see one more point. */
  private spread(weights: [number, number][], maximise: boolean): void {
    const objective = weights.map(([v, w]) => `${w < 0 ? "-" : "+"} ${Math.abs(w)} v${v}`);
    const problem = [
      maximise ? "Maximize" : "Minimize",
      ` obj: ${objective.join(" ")}`,
      "Subject To",
      ...this.rows,
      "Bounds",
      ...this.boundLines,
      "End",
    ].join("\n");
    const result = this.highs.solve(problem, { output_flag: false } as never);
    if (result.Status === "Optimal") this.see(result.Columns);
  }

  private see(columns: Record<string, unknown>): void {
    for (const [name, column] of Object.entries(columns)) {
      const v = Number(name.slice(1));
      const primal = (column as { Primal: number }).Primal;
      if (primal < (this.seenLow[v] as number)) this.seenLow[v] = primal;
      if (primal > (this.seenHigh[v] as number)) this.seenHigh[v] = primal;
    }
  }

  /** Whether some LP solution has the term at `value` or more (rounded as an attacker would). */
  reaches(term: Term, value: number): boolean {
    if (typeof term === "number") return term >= value;
    if ((this.seenHigh[term.variable] as number) >= value - EPSILON) return true;
    return Math.floor(this.extreme(term, true) + EPSILON) >= value;
  }

  /** Whether the LP leaves the term a single whole value. */
  pinned(term: { variable: number }): boolean {
    const apart = (high: number, low: number) =>
      Math.floor(high + EPSILON) > Math.ceil(low - EPSILON);
    const v = term.variable;
    if (apart(this.seenHigh[v] as number, this.seenLow[v] as number)) return false;
    return !apart(this.extreme(term, true), this.extreme(term, false));
  }

  /** The term's largest (or least) value over the LP relaxation. */
  private extreme(term: { variable: number }, largest: boolean): number {
    const key = `${term.variable}${largest ? "+" : "-"}`;
    const known = this.solved.get(key);
    if (known !== undefined) return known;
    const problem = [
      largest ? "Maximize" : "Minimize",
      ` obj: v${term.variable}`,
      "Subject To",
      ...this.rows,
      "Bounds",
      ...this.boundLines,
      "End",
    ].join("\n");
    const result = this.highs.solve(problem, { output_flag: false } as never);
    let value: number;
    if (result.Status === "Unbounded") value = largest ? Infinity : -Infinity;
    else if (result.Status !== "Optimal") throw new Error(`Item LP attack: ${result.Status}`);
    else {
      value = result.ObjectiveValue;
      this.see(result.Columns);
    }
    this.solved.set(key, value);
    return value;
  }
}

/** A published figure (number) or a variable index into Bounds. */
type Term = number | { variable: number };

/**
 * Integer bound tightening: each equation Σ a·v = c bounds every variable by what the others
 * allow, rounded to integers, until nothing changes. Every bound it finds is a valid deduction
 * an attacker can make; it is the exact (solver-free) half of the attack.
 */
class Bounds {
  private readonly lows: number[] = [];
  private readonly highs: number[] = [];
  private readonly rows: { vars: number[]; coefficients: number[]; rhs: number }[] = [];
  private readonly rowsOf: number[][] = [];

  variable(low: number, high: number): Term {
    this.lows.push(low);
    this.highs.push(high);
    this.rowsOf.push([]);
    return { variable: this.lows.length - 1 };
  }

  /** The equations and current bounds, for an LP over the same system. */
  system() {
    return { rows: this.rows, lows: this.lows, highs: this.highs };
  }

  low(term: Term): number {
    return typeof term === "number" ? term : (this.lows[term.variable] as number);
  }

  high(term: Term): number {
    return typeof term === "number" ? term : (this.highs[term.variable] as number);
  }

  equal(terms: [number, Term][], rhs: number): void {
    const vars: number[] = [];
    const coefficients: number[] = [];
    let constant = rhs;
    for (const [coefficient, term] of terms) {
      if (typeof term === "number") constant -= coefficient * term;
      else {
        vars.push(term.variable);
        coefficients.push(coefficient);
      }
    }
    if (vars.length === 0) return;
    const index = this.rows.length;
    this.rows.push({ vars, coefficients, rhs: constant });
    for (const v of vars) this.rowsOf[v]?.push(index);
  }

  propagate(): void {
    const queued = new Uint8Array(this.rows.length).fill(1);
    const queue = this.rows.map((_, index) => index);
    let budget = 200 * Math.max(1, this.rows.length);
    for (let head = 0; head < queue.length && budget-- > 0; head++) {
      const index = queue[head] as number;
      queued[index] = 0;
      const row = this.rows[index] as (typeof this.rows)[number];
      let minSum = 0;
      let maxSum = 0;
      let minInf = 0;
      let maxInf = 0;
      row.vars.forEach((v, i) => {
        const a = row.coefficients[i] as number;
        const lo = a > 0 ? a * (this.lows[v] as number) : a * (this.highs[v] as number);
        const hi = a > 0 ? a * (this.highs[v] as number) : a * (this.lows[v] as number);
        if (Number.isFinite(lo)) minSum += lo;
        else minInf++;
        if (Number.isFinite(hi)) maxSum += hi;
        else maxInf++;
      });
      row.vars.forEach((v, i) => {
        const a = row.coefficients[i] as number;
        const lo = a > 0 ? a * (this.lows[v] as number) : a * (this.highs[v] as number);
        const hi = a > 0 ? a * (this.highs[v] as number) : a * (this.lows[v] as number);
        // a·v = rhs − (others): others range over [minOthers, maxOthers].
        const minOthers =
          minInf - (Number.isFinite(lo) ? 0 : 1) > 0
            ? Number.NEGATIVE_INFINITY
            : minSum - (Number.isFinite(lo) ? lo : 0);
        const maxOthers =
          maxInf - (Number.isFinite(hi) ? 0 : 1) > 0
            ? Number.POSITIVE_INFINITY
            : maxSum - (Number.isFinite(hi) ? hi : 0);
        const termLow = row.rhs - maxOthers;
        const termHigh = row.rhs - minOthers;
        const newLow = a > 0 ? termLow / a : termHigh / a;
        const newHigh = a > 0 ? termHigh / a : termLow / a;
        let changed = false;
        if (Math.ceil(newLow - 1e-9) > (this.lows[v] as number)) {
          this.lows[v] = Math.ceil(newLow - 1e-9);
          changed = true;
        }
        if (Math.floor(newHigh + 1e-9) < (this.highs[v] as number)) {
          this.highs[v] = Math.floor(newHigh + 1e-9);
          changed = true;
        }
        if ((this.lows[v] as number) > (this.highs[v] as number)) {
          throw new Error("Item attack: the published figures admit no solution");
        }
        if (!changed) return;
        for (const other of this.rowsOf[v] ?? []) {
          if (!queued[other]) {
            queued[other] = 1;
            queue.push(other);
          }
        }
      });
    }
  }
}

/**
 * For each group, the groups that contain it and are published: the same unit (everyone, or the
 * same part) and every unit above it, with a subset of its filters.
 */
function containersOf(release: Release): number[][] {
  const parentOf = new Map(release.units.map((unit) => [unit.id, unit.parentId]));
  const index = new Map(
    release.groups.map((group, position) => [
      JSON.stringify([group.unitId, group.part, group.filters.map((f) => [f.dimension, f.value])]),
      position,
    ]),
  );
  return release.groups.map((group, self) => {
    const found: number[] = [];
    const subsets =
      group.filters.length === 2
        ? [[], [group.filters[0]], [group.filters[1]], group.filters]
        : group.filters.length === 1
          ? [[], group.filters]
          : [[]];
    let unit: string | null | undefined = group.unitId;
    let first = true;
    while (unit) {
      const parts = first && group.part === "direct" ? ["all", "direct"] : ["all"];
      for (const part of parts) {
        for (const filters of subsets) {
          const at = index.get(
            JSON.stringify([
              unit,
              part,
              (filters as ReleaseGroup["filters"]).map((f) => [f.dimension, f.value]),
            ]),
          );
          if (at !== undefined && at !== self) found.push(at);
        }
      }
      unit = parentOf.get(unit);
      first = false;
    }
    return found;
  });
}
