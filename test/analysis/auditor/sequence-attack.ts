import type { Highs } from "highs";
import type { Release } from "../../../analysis/release-types";
import { determinedByEquations } from "./exact-elimination";
import { type AuditCell, type ReleaseSystem, releaseSystem } from "./release-system";

/**
 * The differencing attack, written apart from analysis/: a reader keeps every release a
 * campaign served, in order, and tries to learn about each batch of newcomers (who arrived
 * between two releases) what no single release tells: a group of 1..k−1 of them and its
 * size, their answers to a sensitive question, or the comments they wrote.
 *
 * The attacker's system: every release's own equations (rebuilt by releaseSystem) side by
 * side, and one batch cell per group and pair of releases, d = n_later − n_earlier ≥ 0.
 * Exact rational elimination, then linear programmes for ranges, with and without reasons.
 */
export interface SequenceLeak {
  kind: "batch-size" | "batch-small" | "batch-answers" | "batch-comment";
  groupId: string;
  from: number;
  to: number;
  detail: string;
}

const EPSILON = 1e-6;
const MIN_COMMENT_GROUP = 10;
const MAX_ELIMINATION = 250;

export function attackReleaseSequence(
  highs: Highs,
  releases: Release[],
  sensitiveItems: ReadonlySet<string>,
): SequenceLeak[] {
  const leaks: SequenceLeak[] = [];
  if (releases.length < 2) return leaks;
  const k = Math.max(...releases.map((release) => release.k));
  const stacked = stack(releases);
  const { system, batches } = stacked;
  const ranges = new Map<number, { b: Range; a: Range }>();
  for (const component of components(system)) {
    const wanted = component.cells.filter((cell) => batches.has(cell));
    if (wanted.length === 0) continue;
    // Exact elimination is cubic in the component; the LP below finds exact values as well.
    const exact =
      component.cells.length <= MAX_ELIMINATION ? exactInComponent(system, component) : new Map();
    // A batch seen at 0 or at k and above in any feasible point is neither a recovered size
    // nor provably small: solutions found for one batch settle many others.
    const seenB = tracker();
    const seenA = tracker();
    const settled = (seen: ReturnType<typeof tracker>, cell: number) =>
      seen.low(cell) <= EPSILON || seen.high(cell) >= k - EPSILON;
    for (const cell of wanted) {
      if (exact.has(cell)) {
        const value = exact.get(cell) as number;
        ranges.set(cell, { b: { min: value, max: value }, a: { min: value, max: value } });
        continue;
      }
      if (settled(seenB, cell)) continue;
      const b = range(highs, system, component, cell, withReasons(k), (point) => {
        seenB.observe(wanted, point);
        seenA.observe(wanted, point);
      });
      if (settled(seenB, cell)) continue;
      ranges.set(cell, { b, a: { min: 0, max: Number.POSITIVE_INFINITY } });
    }
    for (const cell of wanted) {
      const found = ranges.get(cell);
      if (!found || exact.has(cell) || settled(seenA, cell)) continue;
      found.a = range(highs, system, component, cell, valuesOnly, (point) =>
        seenA.observe(wanted, point),
      );
    }
  }
  for (const [cell, batch] of batches) {
    const value = system.cells[cell]?.value;
    const found =
      ranges.get(cell) ??
      (typeof value === "number"
        ? { b: { min: value, max: value }, a: { min: value, max: value } }
        : undefined);
    if (!found) continue;
    const { a, b } = found;
    const low = Math.ceil(b.min - EPSILON);
    const high = Math.floor(b.max + EPSILON);
    if (low === high && low >= 1 && low < k) {
      leaks.push({ kind: "batch-size", ...batch, detail: `exactly ${low} newcomers` });
    } else if (Math.ceil(a.min - EPSILON) >= 1 && Math.floor(a.max + EPSILON) < k) {
      leaks.push({
        kind: "batch-small",
        ...batch,
        detail: `${a.min}..${a.max} newcomers from the figures alone`,
      });
    }
  }
  for (let to = 1; to < releases.length; to++) {
    for (let from = 0; from < to; from++) {
      leaks.push(...batchAnswers(releases, stacked, from, to, sensitiveItems));
      leaks.push(...batchComments(releases, stacked, ranges, from, to, k));
    }
  }
  return leaks;
}

interface Range {
  min: number;
  max: number;
}

interface Stacked {
  system: ReleaseSystem;
  /** Batch cell → the group and pair of releases it stands for. */
  batches: Map<number, { groupId: string; from: number; to: number }>;
  /** Release t's cell of a group id, in the stacked system. */
  cellOf: (t: number, groupId: string) => number | undefined;
  systems: ReleaseSystem[];
}

/** Every release's system side by side, plus a batch cell per group and pair of releases. */
function stack(releases: Release[]): Stacked {
  const systems = releases.map(releaseSystem);
  const cells: AuditCell[] = [];
  const equations: ReleaseSystem["equations"] = [];
  const offsets: number[] = [];
  const byId = systems.map((system) => new Map(system.cells.map((cell, i) => [cell.id, i])));
  systems.forEach((system) => {
    offsets.push(cells.length);
    const offset = cells.length;
    cells.push(...system.cells.map((cell) => ({ ...cell })));
    for (const equation of system.equations) {
      equations.push({
        cells: equation.cells.map((cell) => cell + offset),
        coefficients: equation.coefficients,
      });
    }
  });
  const cellOf = (t: number, groupId: string) => {
    const local = byId[t]?.get(groupId);
    return local === undefined ? undefined : (offsets[t] as number) + local;
  };
  const batches: Stacked["batches"] = new Map();
  const ids = new Set(releases.flatMap((release) => release.groups.map((group) => group.id)));
  for (const id of ids) {
    for (let to = 1; to < releases.length; to++) {
      for (let from = 0; from < to; from++) {
        const end = cellOf(to, id) ?? absentAsZero(releases, to, id, cells, cellOf);
        const start = cellOf(from, id) ?? absentAsZero(releases, from, id, cells, cellOf);
        if (end === undefined || start === undefined) continue;
        const batch = cells.length;
        const endValue = cells[end]?.value;
        const startValue = cells[start]?.value;
        cells.push({
          id: `batch ${id} ${from}→${to}`,
          value:
            typeof endValue === "number" && typeof startValue === "number"
              ? endValue - startValue
              : null,
          reason: null,
          cap: Number.POSITIVE_INFINITY,
          splitsPrimary: false,
        });
        equations.push({ cells: [batch, end, start], coefficients: [1, -1, 1] });
        batches.set(batch, { groupId: id, from, to });
      }
    }
  }
  return { system: { k: releases[0]?.k ?? 0, cells, equations }, batches, cellOf, systems };
}

/** A "directly in unit" group a release leaves out is empty; elsewhere nothing is known. */
function absentAsZero(
  releases: Release[],
  t: number,
  id: string,
  cells: AuditCell[],
  cellOf: (t: number, id: string) => number | undefined,
): number | undefined {
  const release = releases[t] as Release;
  if (release.audit.organisationOnly) return undefined;
  const isDirect = releases.some((other, s) => {
    const cell = cellOf(s, id);
    return cell !== undefined && other.groups.find((group) => group.id === id)?.part === "direct";
  });
  if (!isDirect) return undefined;
  cells.push({ id: `${id} absent in ${t}`, value: 0, reason: null, cap: 0, splitsPrimary: false });
  return cells.length - 1;
}

export type Bounds = (cell: AuditCell) => { min: number; max: number };

const valuesOnly: Bounds = (cell) => ({ min: 0, max: cell.cap });
/** The bounds a reader takes from the reasons: primary 1..k−1 (0 where it splits one), secondary ≥ k. */
export const withReasons =
  (k: number): Bounds =>
  (cell) => {
    if (cell.reason === "secondary") return { min: k, max: cell.cap };
    if (cell.reason === "primary")
      return { min: cell.splitsPrimary ? 0 : 1, max: Math.min(cell.cap, k - 1) };
    return { min: 0, max: cell.cap };
  };

/**
 * Least and greatest value of one cell, by HiGHS's text-format entry point (a CPLEX LP file
 * written here; the suppressor builds its models through another API and other code).
 */
function range(
  highs: Highs,
  system: ReleaseSystem,
  component: { cells: number[]; equations: number[] },
  target: number,
  bounds: Bounds,
  observe: (point: Record<string, unknown>) => void,
): Range {
  const rows: string[] = [];
  for (const index of component.equations) {
    const equation = system.equations[index];
    if (!equation) continue;
    let constant = 0;
    const terms = new Map<number, number>();
    equation.cells.forEach((cell, position) => {
      const coefficient = equation.coefficients[position] as number;
      const value = system.cells[cell]?.value;
      if (value === null || value === undefined)
        terms.set(cell, (terms.get(cell) ?? 0) + coefficient);
      else constant -= coefficient * value;
    });
    const text = [...terms]
      .filter(([, coefficient]) => coefficient !== 0)
      .map(
        ([cell, coefficient]) => `${coefficient < 0 ? "-" : "+"} ${Math.abs(coefficient)} c${cell}`,
      )
      .join(" ");
    if (text) rows.push(` e${index}: ${text} = ${constant}`);
  }
  const boundLines = component.cells.map((cell) => {
    const { min, max } = bounds(system.cells[cell] as AuditCell);
    return Number.isFinite(max) ? ` ${min} <= c${cell} <= ${max}` : ` c${cell} >= ${min}`;
  });
  const solve = (sense: "Minimize" | "Maximize") => {
    const problem = [
      sense,
      ` obj: c${target}`,
      "Subject To",
      ...rows,
      "Bounds",
      ...boundLines,
      "End",
    ].join("\n");
    const result = highs.solve(problem, { output_flag: false } as never);
    if (result.Status === "Unbounded") return sense === "Maximize" ? Infinity : -Infinity;
    if (result.Status !== "Optimal")
      throw new Error(`Attack: ${result.Status} around ${system.cells[target]?.id}`);
    const point: Record<string, unknown> = {};
    for (const [name, column] of Object.entries(result.Columns))
      point[name] = (column as { Primal: number }).Primal;
    observe(point);
    return result.ObjectiveValue;
  };
  return { min: solve("Minimize"), max: solve("Maximize") };
}

/** Lowest and highest value seen per cell in feasible points of the solver. */
function tracker() {
  const lows = new Map<number, number>();
  const highs = new Map<number, number>();
  return {
    low: (cell: number) => lows.get(cell) ?? Number.POSITIVE_INFINITY,
    high: (cell: number) => highs.get(cell) ?? Number.NEGATIVE_INFINITY,
    observe(cells: number[], point: Record<string, unknown>) {
      for (const cell of cells) {
        const value = Number(point[`c${cell}`] ?? 0);
        if (value < (lows.get(cell) ?? Number.POSITIVE_INFINITY)) lows.set(cell, value);
        if (value > (highs.get(cell) ?? Number.NEGATIVE_INFINITY)) highs.set(cell, value);
      }
    },
  };
}

/** Exact rational elimination on one component's equations. */
function exactInComponent(
  system: ReleaseSystem,
  component: { cells: number[]; equations: number[] },
): Map<number, number> {
  const local = new Map<number, number>();
  const cells: AuditCell[] = [];
  const equations = component.equations.map((index) => {
    const equation = system.equations[index] as ReleaseSystem["equations"][number];
    return {
      cells: equation.cells.map((cell) => {
        if (!local.has(cell)) {
          local.set(cell, cells.length);
          cells.push(system.cells[cell] as AuditCell);
        }
        return local.get(cell) as number;
      }),
      coefficients: equation.coefficients,
    };
  });
  const found = determinedByEquations({ k: system.k, cells, equations });
  const global = [...local.keys()];
  return new Map([...found].map(([cell, value]) => [global[cell] as number, value]));
}

/** Hidden cells linked by equations. */
function components(system: ReleaseSystem): { cells: number[]; equations: number[] }[] {
  const parent = new Map<number, number>();
  const find = (cell: number): number => {
    let top = cell;
    while (parent.get(top) !== top) top = parent.get(top) as number;
    parent.set(cell, top);
    return top;
  };
  system.cells.forEach((cell, index) => {
    if (cell.value === null) parent.set(index, index);
  });
  const hiddenIn = system.equations.map((equation) =>
    equation.cells.filter((cell) => system.cells[cell]?.value === null),
  );
  for (const cells of hiddenIn) {
    for (const cell of cells.slice(1)) parent.set(find(cell), find(cells[0] as number));
  }
  const groups = new Map<number, { cells: number[]; equations: number[] }>();
  for (const cell of parent.keys()) {
    const top = find(cell);
    const group = groups.get(top) ?? { cells: [], equations: [] };
    group.cells.push(cell);
    groups.set(top, group);
  }
  hiddenIn.forEach((cells, index) => {
    if (cells.length > 0) groups.get(find(cells[0] as number))?.equations.push(index);
  });
  return [...groups.values()];
}

/** Answer counts of a sensitive question in a group, where the release shows them. */
function answers(release: Release, groupId: string, item: string) {
  const group = release.groups.find((candidate) => candidate.id === groupId);
  if (!group || !("value" in group.n)) return null;
  const shown = group.items.find((candidate) => candidate.key === item);
  if (!shown || !("options" in shown)) return null;
  return {
    n: group.n.value,
    counts: new Map(shown.options.map((option) => [String(option.value), option.count])),
  };
}

/**
 * The newcomers' answers: in a group showing a question in both releases, and in what is left
 * of a relation's total once its parts showing the question are taken away.
 */
function batchAnswers(
  releases: Release[],
  stacked: Stacked,
  from: number,
  to: number,
  sensitiveItems: ReadonlySet<string>,
): SequenceLeak[] {
  const leaks: SequenceLeak[] = [];
  const earlier = releases[from] as Release;
  const later = releases[to] as Release;
  const change = (id: string, item: string) => {
    const end = answers(later, id, item);
    const start = answers(earlier, id, item);
    if (!end || !start) return null;
    return {
      n: end.n - start.n,
      counts: [...end.counts].map(([value, count]) => count - (start.counts.get(value) ?? 0)),
    };
  };
  const telling = (n: number, counts: number[]) => n > 0 && Math.max(...counts) >= n - 1;
  const system = stacked.systems[to] as ReleaseSystem;
  for (const item of sensitiveItems) {
    for (const group of later.groups) {
      const batch = change(group.id, item);
      if (batch && telling(batch.n, batch.counts)) {
        leaks.push({
          kind: "batch-answers",
          groupId: group.id,
          from,
          to,
          detail: `${item}: ${batch.counts.join("/")} of ${batch.n}`,
        });
      }
    }
    for (const equation of system.equations) {
      const [total, ...parts] = equation.cells.map((cell) => system.cells[cell]?.id ?? "");
      const whole = change(total as string, item);
      if (!whole) continue;
      let n = whole.n;
      const counts = whole.counts.slice();
      let subtracted = false;
      for (const part of parts) {
        const batch = change(part, item);
        if (!batch) continue;
        subtracted = true;
        n -= batch.n;
        batch.counts.forEach((count, slot) => {
          counts[slot] = (counts[slot] as number) - count;
        });
      }
      if (subtracted && n < whole.n && telling(n, counts)) {
        leaks.push({
          kind: "batch-answers",
          groupId: `${total} minus parts`,
          from,
          to,
          detail: `${item}: ${counts.join("/")} of ${n}`,
        });
      }
    }
  }
  return leaks;
}

/**
 * A comment that appears in a unit between two releases was written by one of the unit's
 * newcomers. If the reader can bound their number below max(k, 10), the author is among few.
 */
function batchComments(
  releases: Release[],
  stacked: Stacked,
  ranges: Map<number, { b: Range; a: Range }>,
  from: number,
  to: number,
  k: number,
): SequenceLeak[] {
  const leaks: SequenceLeak[] = [];
  const earlier = releases[from] as Release;
  const later = releases[to] as Release;
  const minimum = Math.max(k, MIN_COMMENT_GROUP);
  const seenBefore = new Map<string, number>();
  for (const entry of earlier.comments.filter((e) => e.unitId === rootOf(earlier)))
    for (const text of entry.texts) seenBefore.set(text, (seenBefore.get(text) ?? 0) + 1);
  // Without organisation-wide comments earlier, a text is new if no unit showed it then.
  if (seenBefore.size === 0)
    for (const entry of earlier.comments)
      for (const text of entry.texts) seenBefore.set(text, (seenBefore.get(text) ?? 0) + 1);
  if (earlier.comments.length === 0) return leaks;
  const batchMax = (unitId: string) => {
    for (const [cell, batch] of stacked.batches) {
      if (batch.groupId === `${unitId}/all` && batch.from === from && batch.to === to) {
        const found = ranges.get(cell);
        if (found) return found.b.max;
        return stacked.system.cells[cell]?.value ?? Number.POSITIVE_INFINITY;
      }
    }
    const end = stacked.cellOf(to, `${unitId}/all`);
    const start = stacked.cellOf(from, `${unitId}/all`);
    const a = end === undefined ? null : stacked.system.cells[end]?.value;
    const b = start === undefined ? null : stacked.system.cells[start]?.value;
    return typeof a === "number" && typeof b === "number" ? a - b : Number.POSITIVE_INFINITY;
  };
  for (const entry of later.comments) {
    const remaining = new Map(seenBefore);
    const fresh = entry.texts.filter((text) => {
      const count = remaining.get(text) ?? 0;
      if (count === 0) return true;
      remaining.set(text, count - 1);
      return false;
    });
    if (fresh.length === 0) continue;
    const size = batchMax(entry.unitId);
    if (size < minimum) {
      leaks.push({
        kind: "batch-comment",
        groupId: `${entry.unitId}/all`,
        from,
        to,
        detail: `${fresh.length} new comments from at most ${size} newcomers`,
      });
    }
  }
  return leaks;
}

function rootOf(release: Release): string {
  return release.units.find((unit) => unit.parentId === null)?.id ?? "";
}

/**
 * Whether the given counts (per release, by group id; a release's published values need not be
 * listed) satisfy everything the reader writes down about the sequence: each release's
 * published values, equations, reasons (`withReasons`) or values alone, headcounts, and that
 * no batch is negative. Returns what fails, empty when the point is feasible.
 */
export function sequenceViolations(
  releases: Release[],
  counts: ReadonlyMap<string, number>[],
  model: "reasons" | "values",
  tolerance = 1e-6,
): string[] {
  const k = Math.max(...releases.map((release) => release.k));
  const { system, batches } = stack(releases);
  const bounds = model === "reasons" ? withReasons(k) : valuesOnly;
  const owner = new Map<number, number>();
  let next = 0;
  releases.forEach((release, t) => {
    for (let i = 0; i < release.groups.length; i++) owner.set(next++, t);
  });
  const value = (cell: number): number | undefined => {
    const known = system.cells[cell];
    if (!known) return undefined;
    if (known.value !== null) return known.value;
    const t = owner.get(cell);
    if (t !== undefined) return counts[t]?.get(known.id);
    const batch = batches.get(cell);
    if (!batch) return undefined;
    const end = stackValue(releases, counts, batch.to, batch.groupId);
    const start = stackValue(releases, counts, batch.from, batch.groupId);
    return end === undefined || start === undefined ? undefined : end - start;
  };
  const problems: string[] = [];
  system.cells.forEach((cell, index) => {
    if (cell.value !== null) return;
    const x = value(index);
    if (x === undefined) {
      problems.push(`${cell.id}: no value`);
      return;
    }
    const { min, max } = batches.has(index) ? { min: 0, max: Infinity } : bounds(cell);
    if (x < min - tolerance || x > max + tolerance)
      problems.push(`${cell.id}: ${x} outside ${min}..${max}`);
  });
  system.equations.forEach((equation) => {
    let sum = 0;
    equation.cells.forEach((cell, position) => {
      sum += (equation.coefficients[position] as number) * (value(cell) ?? Number.NaN);
    });
    if (!(Math.abs(sum) <= tolerance))
      problems.push(`equation of ${system.cells[equation.cells[0] as number]?.id}: ${sum}`);
  });
  return problems;
}

/** A group's count in release t: published, given, or 0 for an absent "directly in" group. */
function stackValue(
  releases: Release[],
  counts: ReadonlyMap<string, number>[],
  t: number,
  groupId: string,
): number | undefined {
  const group = releases[t]?.groups.find((candidate) => candidate.id === groupId);
  if (!group) return 0;
  return "value" in group.n ? group.n.value : counts[t]?.get(groupId);
}
