import type { Highs } from "highs";
import type { Release, ReleaseGroup, ReleaseItem } from "../../../analysis/release-types";
import { ColdLpExtremes } from "./item-lp-cold";
import { WitnessLp } from "./item-lp-witnesses";
import { Bounds, emptyLpStats, type LpAttackStats, type LpOracle, type Term } from "./item-system";
import { type AuditCell, releaseSystem } from "./release-system";

/**
 * The item-level attack, written apart from analysis/: from the published release alone, every
 * question's option counts of all groups form linked tables with the same equations as the
 * group sizes (hierarchy, partitions, crosses), options add up to the group's size (single
 * choice), and a multi-choice question is one ticked / not-ticked table per option. Unknown are
 * the sizes of hidden groups and the option counts of every group whose answers are not shown
 * (hidden group, or question hidden for the group). The attacker tightens every unknown's bounds
 * equation by equation over the integers (an exact method); an answer whose bounds leave no other
 * possibility is found. Given a solver, the attacker then also asks the LP relaxation (HiGHS,
 * with models written here, not the suppressor's) whether every unknown that tightening left
 * settled can reach past its threshold, rounding to whole people: cheap witness points first,
 * a whole-system LP for what they leave (item-lp-witnesses.ts), or, as the reference, a cold LP
 * per unknown (item-lp-cold.ts).
 */
export interface ItemFinding {
  groupId: string;
  item: string;
  /**
   * all: every member of a hidden small group gave this answer; none: no member did (a yes/no
   * answer or a multi-choice option, where that says the same); nearlyAll / nearlyNone: on a
   * sensitive question, all or all but one of a group whose answers are not shown; exact: a
   * non-zero option count of a published group whose question is hidden, pinned down; size: the
   * size of a hidden group pinned down through the question's tables (rule 2: no hidden number
   * can be worked out, answers included). A size finding has no option (null).
   */
  kind: "all" | "none" | "nearlyAll" | "nearlyNone" | "exact" | "size";
  option: string | null;
}

const NONE_TICKED = "(none ticked)";

export interface Question {
  key: string;
  kind: "single" | "multi";
  /** Option values in published order; the last one (null) is "no answer" / "ticked none". */
  values: (string | null)[];
}

/** Every question the release shows somewhere, with its option values. */
export function questionsOf(release: Release): Question[] {
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

export interface ItemAttackOptions {
  /** The LP half: witnesses first (default), or the reference cold LP per unknown. */
  lp?: "witnesses" | "cold";
  /** Filled with what the LP half did. */
  stats?: LpAttackStats;
  /** Neighbourhood sizes of the witness search (tests use small ones to exercise them). */
  neighbourhoods?: number[];
}

/**
 * Runs the attack on every question; `sensitive` lists the questions under the unanimity rule.
 * Without `highs`, bound tightening only.
 */
export function attackItems(
  release: Release,
  sensitive: ReadonlySet<string>,
  highs?: Highs,
  options: ItemAttackOptions = {},
): ItemFinding[] {
  if (release.audit.organisationOnly) return [];
  const system = releaseSystem(release);
  const findings: ItemFinding[] = [];
  const containers = containersOf(release);
  const stats = options.stats ?? emptyLpStats();
  const oracle = (box: Bounds): LpOracle | null => {
    if (!highs) return null;
    return options.lp === "cold"
      ? new ColdLpExtremes(highs, box.system(), stats)
      : new WitnessLp(highs, box.system(), stats, options.neighbourhoods);
  };
  for (const question of questionsOf(release)) {
    findings.push(
      ...attackQuestion(release, system, question, sensitive.has(question.key), containers, {
        oracle,
        stats,
      }),
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
  lpOf: { oracle: (box: Bounds) => LpOracle | null; stats: LpAttackStats },
): ItemFinding[] {
  const k = release.k;
  const slots = question.values.length;
  const groups = release.groups;
  const shown = groups.map((group) => shownItem(group, question.key));
  const box = new Bounds();
  const knownSize = (g: number) => (system.cells[g] as AuditCell).value;
  const unknown = (g: number) => shown[g] === undefined && knownSize(g) !== 0;
  // One variable per hidden size, per unknown option count (x) and per unknown "all but this
  // answer" count (u = n − x); published figures are constants.
  const sizeIn = (bounds: Bounds) =>
    groups.map((_, g): Term => {
      const value = knownSize(g);
      if (value !== null) return value;
      const cell = system.cells[g] as AuditCell;
      const min =
        cell.reason === "secondary" ? k : cell.reason === "primary" && !cell.splitsPrimary ? 1 : 0;
      const max = cell.reason === "primary" ? Math.min(cell.cap, k - 1) : cell.cap;
      return bounds.variable(min, max);
    });
  const size = sizeIn(box);
  // The sizes as the size equations alone bound them: what they pin is the group-size audit's.
  const sizesAlone = new Bounds();
  const sizeAlone = sizeIn(sizesAlone);
  for (const equation of system.equations)
    sizesAlone.equal(
      equation.cells.map((cell, position) => [
        equation.coefficients[position] as number,
        sizeAlone[cell] as Term,
      ]),
      0,
    );
  sizesAlone.propagate();
  const openAlone = sizeAlone.map(
    (term) => typeof term !== "number" && sizesAlone.low(term) < sizesAlone.high(term),
  );
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
  const lp = lpOf.oracle(box);
  try {
    return findingsOf(release, system, question, sensitive, containers, box, lp, lpOf.stats, {
      openAlone,
      size,
      x,
      u,
      shown,
    });
  } finally {
    lp?.dispose();
  }
}

/**
 * Reads the findings off the tightened bounds and the LP. The LP is asked in batches (every
 * threshold first, then whether each group that would be reported can hold someone at all), so
 * its answers come from as few solves as it can manage; the findings are those of asking one
 * question at a time.
 */
function findingsOf(
  release: Release,
  system: ReturnType<typeof releaseSystem>,
  question: Question,
  sensitive: boolean,
  containers: number[][],
  box: Bounds,
  lp: LpOracle | null,
  stats: LpAttackStats,
  terms: {
    /** Per group: a hidden size the size equations alone leave open. */
    openAlone: boolean[];
    size: Term[];
    x: Term[][];
    u: Term[][];
    shown: (Extract<ReleaseItem, { options: unknown }> | undefined)[];
  },
): ItemFinding[] {
  const { openAlone, size, x, u, shown } = terms;
  const slots = question.values.length;
  const answerSlots = slots - 1; // the options, without "no answer" / "ticked none"
  const binary = question.kind === "single" && answerSlots === 2;
  const groups = release.groups;
  const knownSize = (g: number) => (system.cells[g] as AuditCell).value;
  const unknown = (g: number) => shown[g] === undefined && knownSize(g) !== 0;
  const containerShows = (g: number, s: number, test: (count: number, n: number) => boolean) =>
    (containers[g] ?? []).some((h) => {
      const item = shown[h];
      const n = knownSize(h);
      return item !== undefined && n !== null && test(item.options[s]?.count ?? 0, n);
    });

  // What each group and answer could be reported as, once the LP has answered.
  interface Candidate {
    g: number;
    s: number;
    kind: ItemFinding["kind"];
    /** The term that must stay at most `rule` (all / none kinds); null once tightening says so. */
    atMost: { term: Term; rule: number } | null;
    /** Pinned by tightening already (exact kind), or a variable for the LP to check. */
    pinned: boolean | number;
  }
  const candidates: Candidate[] = [];
  // A hidden group's size the tables pin (small or hidden to protect one: rule 2), where the
  // size equations alone leave it open.
  groups.forEach((_, g) => {
    const n = size[g] as Term;
    const cell = system.cells[g] as AuditCell;
    if (typeof n !== "number" && cell.value === null && openAlone[g]) {
      const tight = box.low(n) === box.high(n);
      if (tight || lp !== null)
        candidates.push({
          g,
          s: -1,
          kind: "size",
          atMost: null,
          pinned: tight ? true : n.variable,
        });
    }
  });
  groups.forEach((_, g) => {
    if (!unknown(g)) return;
    const cell = system.cells[g] as AuditCell;
    const small = cell.value === null && cell.reason !== "secondary";
    const rule = small ? 0 : sensitive ? 1 : -1;
    const canHoldSomeone = box.high(size[g] as Term) >= 1;
    for (let s = 0; s < slots; s++) {
      const xs = x[g]?.[s] as Term;
      const us = u[g]?.[s] as Term;
      // At most `rule` for certain by tightening, or for the LP to check.
      const atMost = (term: Term) =>
        box.high(term) <= rule ? null : lp !== null ? { term, rule } : undefined;
      if (rule >= 0 && canHoldSomeone) {
        if (!containerShows(g, s, (count, n) => n - count <= rule)) {
          const check = atMost(us);
          if (check !== undefined) {
            candidates.push({
              g,
              s,
              kind: rule === 0 ? "all" : "nearlyAll",
              atMost: check,
              pinned: false,
            });
          }
        }
        const noneSide = s < answerSlots && (binary || question.kind === "multi");
        if (noneSide && !containerShows(g, s, (count) => count <= rule)) {
          const check = atMost(xs);
          if (check !== undefined) {
            candidates.push({
              g,
              s,
              kind: rule === 0 ? "none" : "nearlyNone",
              atMost: check,
              pinned: false,
            });
          }
        }
      }
      if (cell.value !== null && box.low(xs) > 0) {
        const tight = typeof xs === "number" || box.low(xs) === box.high(xs);
        if (tight || lp !== null) {
          candidates.push({
            g,
            s,
            kind: "exact",
            atMost: null,
            pinned: tight ? true : (xs as { variable: number }).variable,
          });
        }
      }
    }
  });

  // First batch: can each term reach past its rule; is each exact count pinned.
  const reachAsks: { variable: number; value: number }[] = [];
  const reachOf = new Map<Candidate, number>();
  const pinnedAsks: number[] = [];
  const pinnedOf = new Map<Candidate, number>();
  for (const candidate of candidates) {
    const check = candidate.atMost;
    if (check && typeof check.term !== "number") {
      reachOf.set(candidate, reachAsks.length);
      reachAsks.push({ variable: check.term.variable, value: check.rule + 1 });
    }
    if (typeof candidate.pinned === "number") {
      pinnedOf.set(candidate, pinnedAsks.length);
      pinnedAsks.push(candidate.pinned);
    }
  }
  const reached = lp && reachAsks.length > 0 ? lp.reaches(reachAsks) : [];
  const pinned = lp && pinnedAsks.length > 0 ? lp.pinned(pinnedAsks) : [];
  const holds = (candidate: Candidate): boolean => {
    if (candidate.kind === "exact" || candidate.kind === "size") {
      const at = pinnedOf.get(candidate);
      return at === undefined ? candidate.pinned === true : (pinned[at] as boolean);
    }
    const check = candidate.atMost;
    if (!check) return true;
    if (typeof check.term === "number") return check.term <= check.rule;
    return !(reached[reachOf.get(candidate) as number] as boolean);
  };
  const held = candidates.filter(holds);
  stats.closed += held.filter((c) => reachOf.has(c) || pinnedOf.has(c)).length;

  // Second batch: an "all" or "none" finding also needs the group to hold someone in the LP.
  const sizeAsks: { variable: number; value: number }[] = [];
  const sizeAskOf = new Map<number, number>();
  for (const candidate of held) {
    if (candidate.kind === "exact" || candidate.kind === "size" || !lp) continue;
    const n = size[candidate.g] as Term;
    if (typeof n === "number" || sizeAskOf.has(candidate.g)) continue;
    sizeAskOf.set(candidate.g, sizeAsks.length);
    sizeAsks.push({ variable: n.variable, value: 1 });
  }
  const sizeReached = lp && sizeAsks.length > 0 ? lp.reaches(sizeAsks) : [];
  const holdsSomeone = (g: number) => {
    const n = size[g] as Term;
    if (!lp) return true;
    if (typeof n === "number") return n >= 1;
    return sizeReached[sizeAskOf.get(g) as number] as boolean;
  };

  const option = (s: number) =>
    question.kind === "multi" && s === slots - 1 ? NONE_TICKED : (question.values[s] ?? null);
  return held
    .filter(
      (candidate) =>
        candidate.kind === "exact" || candidate.kind === "size" || holdsSomeone(candidate.g),
    )
    .map((candidate) => ({
      groupId: (groups[candidate.g] as ReleaseGroup).id,
      item: question.key,
      kind: candidate.kind,
      option: candidate.kind === "size" ? null : option(candidate.s),
    }));
}

/**
 * For each group, the groups that contain it and are published: the same unit (everyone, or the
 * same part) and every unit above it, with a subset of its filters.
 */
export function containersOf(release: Release): number[][] {
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
