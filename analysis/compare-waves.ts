import type {
  Figure,
  HiddenReason,
  OptionFigure,
  Release,
  ReleaseFilter,
  ReleaseGroup,
  ReleaseItem,
} from "./release-types";
import type { ItemSpec } from "./types";
import { type LineageStep, type UnitMatch, unitLineage } from "./unit-lineage";
import {
  distributionMoments,
  holmAdjust,
  type RawTest,
  SIGNIFICANCE,
  twoProportionTest,
  welchTest,
} from "./wave-statistics";

/**
 * Fewest answers per wave behind a verdict: below it the normal approximations of the tests
 * are too rough to call anything, and the comparison says "too few answers to tell".
 */
export const MIN_ANSWERS_FOR_VERDICT = 10;
/** Fewest expected answers of each kind (favourable or not) per wave for the z-test. */
export const MIN_EXPECTED_FOR_PROPORTION = 5;

/** One wave as the comparison needs it: its audited release and what its questionnaire says. */
export interface ComparedWave {
  /** The campaign's slug (or any label the caller recognises). */
  id: string;
  release: Release;
  /** The analysable items of the wave's questionnaire version (`describeQuestionnaire`). */
  items: ItemSpec[];
  /** Question name in this version → its name in the previous wave's version (`previousName`). */
  previousNames?: Readonly<Record<string, string>>;
  /** Unit code per unit id of the release, the organisation itself included; ids by default. */
  unitCodes?: Readonly<Record<string, string>>;
  /** How this wave's units map to the previous wave's, where equal codes do not say it. */
  unitMap?: readonly UnitMatch[];
}

export type { UnitMatch } from "./unit-lineage";

export type Verdict =
  | "clearly-better"
  | "clearly-worse"
  | "clearly-higher"
  | "clearly-lower"
  | "no-clear-change"
  | "too-few-answers";

/**
 * One tested change. `polarity` says whether higher is better (favourable share and mean of an
 * agreement scale) or has no direction Peilpunt can know (the share of a choice option).
 */
export type ChangeTest =
  | (RawTest & {
      polarity: "agreement" | "none";
      /** p after Holm's adjustment over the comparisons shown together. */
      pAdjusted: number;
      verdict: Exclude<Verdict, "too-few-answers">;
    })
  | { polarity: "agreement" | "none"; change: number | null; verdict: "too-few-answers" };

/** A question's figures in one wave, copied from that wave's release. */
export type WaveItemFigures =
  | {
      state: "shown";
      n: number;
      /** Respondents who gave an answer (n minus "no answer"). */
      answered: number;
      mean: number | null;
      favourable: number | null;
      options: OptionFigure[];
    }
  | { state: "hidden"; reason: HiddenReason; of: "group" | "question" }
  | { state: "absent"; of: "group" | "question" | "table" };

export type NotCompared =
  | { why: "hidden"; wave: number; reason: HiddenReason }
  | { why: "absent"; wave: number; of: "group" | "question" | "table" }
  | { why: "kind-changed" | "scale-changed" | "options-changed" };

/** The change of one question between two consecutive waves. */
export type ItemStep = {
  from: number;
  to: number;
} & (
  | {
      compared: true;
      /** Top-two share among those who answered (agreement scales only). */
      favourable?: ChangeTest;
      /** Mean scale point (numeric scales only). */
      mean?: ChangeTest;
      /** Change of each option's share of the group; tested for choice questions. */
      options: { value: string | null; change: number; test?: ChangeTest }[];
    }
  | { compared: false; notCompared: NotCompared }
);

export interface ItemComparison {
  /** The item's key in the latest wave. */
  key: string;
  /** Its key in each wave (a renamed question has another), null where it did not exist. */
  keys: (string | null)[];
  kind: "single" | "multi";
  /** "scale": favourable share and mean apply; "choice": each option's share is compared. */
  measure: "scale" | "choice";
  waves: WaveItemFigures[];
  steps: ItemStep[];
}

export type WaveGroupSize = Figure | { absent: true };

export interface GroupComparison {
  /** The group as the latest wave names it. */
  unitCode: string;
  part: "all" | "direct";
  filters: ReleaseFilter[];
  /**
   * The release's group id in each wave, null where the group is not in that wave; the ids
   * joined by "+" where the side is the sum of merged units.
   */
  groupIds: (string | null)[];
  n: WaveGroupSize[];
  /**
   * Per consecutive pair of waves: the earlier side's unit codes (summed when several), how
   * the later side came from them, and whether both sides are the same population.
   */
  population: ({ from: number; to: number } & LineageStep)[];
  items: ItemComparison[];
}

export interface WaveComparison {
  waves: string[];
  correction: "holm";
  level: number;
  groups: GroupComparison[];
}

export interface CompareOptions {
  /**
   * Which comparisons are adjusted together (the ones a screen shows at once): all questions
   * of one group ("group", the default) or one question across all groups ("question").
   */
  family?: "group" | "question";
  /** Compare only these groups of the latest wave (one table, one unit): what a screen shows. */
  only?: (group: ReleaseGroup) => boolean;
}

/**
 * Compares two or more waves from their audited releases only: every group of the latest wave,
 * every question, each consecutive pair of waves. Figures are copied from the releases; the
 * changes and tests use nothing but published counts, so a comparison tells no more than the
 * two releases together. A group or question hidden in either wave is not compared.
 */
export function compareWaves(
  waves: readonly ComparedWave[],
  options: CompareOptions = {},
): WaveComparison {
  if (waves.length < 2) throw new RangeError("A comparison needs at least two waves.");
  const last = waves.length - 1;
  const latest = waves[last] as ComparedWave;
  const questionNames = waves.map((_, index) => questionNameIn(waves, index));
  const unitsIn = waves.map((wave) => unitIndex(wave));
  const lineageOf = unitLineage(
    waves.map((wave, index) => ({
      codes: new Set((unitsIn[index] as Map<string, string>).keys()),
      ...(wave.unitMap ? { map: wave.unitMap } : {}),
    })),
  );
  const groupsIn = waves.map((wave) => groupIndex(wave.release.groups));
  // The tables (breakdowns) each wave publishes: a wave whose questionnaire did not ask a
  // breakdown has none of its groups, and says so rather than "group absent".
  const tablesIn = waves.map(
    (wave) => new Set(wave.release.groups.map((group) => tableKey(group.filters))),
  );
  const specsIn = waves.map((wave) => specIndex(wave.items));
  const positionsIn = waves.map((wave) => itemPositions(wave.release.groups));
  const family = options.family ?? "group";
  const pending: { family: string; test: ChangeTest & { p?: number } }[] = [];
  // Each question of the latest wave with its version in every wave (renames followed).
  const compared = latest.items
    .filter((spec) => spec.kind !== "text" && !spec.breakdown)
    .map((spec) => ({
      spec: spec as Exclude<ItemSpec, { kind: "text" }>,
      specs: waves.map((_, index) => {
        const name = questionNames[index]?.(spec.path[0] as string) as string;
        return specsIn[index]?.get(pathKey([name, ...spec.path.slice(1)]));
      }),
      favourable: new Set(
        spec.kind === "single" && spec.scale ? spec.scale.favourable.map(String) : [],
      ),
    }))
    .map((entry) => ({
      ...entry,
      // Whether each consecutive pair of versions can be compared at all (same for every group).
      changed: entry.specs.slice(1).map((later, index) => {
        const earlier = entry.specs[index];
        return earlier && later ? comparability(earlier, later) : undefined;
      }),
    }));

  const groups: GroupComparison[] = [];
  for (const group of latest.release.groups) {
    if (options.only && !options.only(group)) continue;
    const unitCode = codeOf(latest, group.unitId);
    const lineage = lineageOf(unitCode);
    // Each wave's side: the groups of its units (one, or the parts of a merge), or undefined.
    const filtersIn = waves.map((_, index) =>
      group.filters.map((filter) => ({
        dimension: questionNames[index]?.(filter.dimension) ?? filter.dimension,
        value: filter.value,
      })),
    );
    const lacksTable = filtersIn.map((filters, index) => !tablesIn[index]?.has(tableKey(filters)));
    const matched = waves.map((_, index) => {
      if (lacksTable[index]) return undefined;
      const codes = lineage.sets[index] ?? [];
      if (codes.length === 0) return undefined;
      const filters = filtersIn[index] as ReleaseFilter[];
      const parts: (ReleaseGroup | undefined)[] = codes.map((code) => {
        const unitId = unitsIn[index]?.get(code);
        return unitId === undefined
          ? undefined
          : groupsIn[index]?.get(groupKey(unitId, group.part, filters));
      });
      return parts;
    });
    const items: ItemComparison[] = [];
    const itemsIn = matched.map((parts, index) =>
      parts?.map((found) =>
        found ? itemLookup(found, positionsIn[index] as Map<string, number>) : undefined,
      ),
    );
    for (const { spec, specs, favourable, changed } of compared) {
      const figures = waves.map((_, index) =>
        lacksTable[index]
          ? ({ state: "absent", of: "table" } as const)
          : sideFigures(matched[index], itemsIn[index], specs[index]),
      );
      const steps: ItemStep[] = [];
      for (let to = 1; to < waves.length; to++) {
        const step = compareStep(to - 1, to, specs[to], changed[to - 1], favourable, figures);
        steps.push(step);
        if (!step.compared) continue;
        const familyKey = family === "group" ? group.id : spec.key;
        for (const test of [
          step.favourable,
          step.mean,
          ...step.options.map((option) => option.test),
        ]) {
          if (test && test.verdict !== "too-few-answers") pending.push({ family: familyKey, test });
        }
      }
      items.push({
        key: spec.key,
        keys: specs.map((found) => found?.key ?? null),
        kind: spec.kind,
        measure: spec.kind === "single" && spec.scale ? "scale" : "choice",
        waves: figures,
        steps,
      });
    }
    groups.push({
      unitCode,
      part: group.part,
      filters: group.filters,
      groupIds: matched.map((parts) =>
        parts?.every(Boolean) ? parts.map((found) => found?.id).join("+") : null,
      ),
      n: matched.map(sideSize),
      population: lineage.steps.map((step, index) => ({ from: index, to: index + 1, ...step })),
      items,
    });
  }
  applyHolm(pending);
  return { waves: waves.map((wave) => wave.id), correction: "holm", level: SIGNIFICANCE, groups };
}

/** Adjusts the p-values of each family with Holm's method and sets the verdicts. */
function applyHolm(pending: { family: string; test: ChangeTest & { p?: number } }[]): void {
  const families = new Map<string, (ChangeTest & { p?: number })[]>();
  for (const { family, test } of pending) {
    const list = families.get(family) ?? [];
    list.push(test);
    families.set(family, list);
  }
  for (const tests of families.values()) {
    const adjusted = holmAdjust(tests.map((test) => test.p as number));
    tests.forEach((test, index) => {
      if (test.verdict === "too-few-answers") return;
      test.pAdjusted = adjusted[index] as number;
      test.verdict = verdictOf(test.change, test.pAdjusted, test.polarity);
    });
  }
}

function verdictOf(
  change: number,
  pAdjusted: number,
  polarity: "agreement" | "none",
): Exclude<Verdict, "too-few-answers"> {
  if (pAdjusted >= SIGNIFICANCE || change === 0) return "no-clear-change";
  if (polarity === "agreement") return change > 0 ? "clearly-better" : "clearly-worse";
  return change > 0 ? "clearly-higher" : "clearly-lower";
}

function compareStep(
  from: number,
  to: number,
  later: ItemSpec | undefined,
  changed: NotComparable | undefined,
  favourable: ReadonlySet<string>,
  figures: WaveItemFigures[],
): ItemStep {
  const before = figures[from] as WaveItemFigures;
  const after = figures[to] as WaveItemFigures;
  const missing = notShown(before, from) ?? notShown(after, to);
  if (missing) return { from, to, compared: false, notCompared: missing };
  if (changed) return { from, to, compared: false, notCompared: { why: changed } };
  if (before.state !== "shown" || after.state !== "shown") throw new Error("unreachable");

  const scale = later?.kind === "single" ? later.scale : undefined;
  const options: { value: string | null; change: number; test?: ChangeTest }[] = [];
  for (const x of before.options) {
    const y = optionOf(after, x.value);
    if (!y) continue;
    const entry: { value: string | null; change: number; test?: ChangeTest } = {
      value: x.value,
      change: y.share - x.share,
    };
    if (!scale && x.value !== null) {
      entry.test = proportionTest(x.count, before.n, y.count, after.n, "none");
    }
    options.push(entry);
  }
  if (!scale) return { from, to, compared: true, options };
  const result: ItemStep = {
    from,
    to,
    compared: true,
    options,
    favourable: proportionTest(
      favourableCount(before, favourable),
      before.answered,
      favourableCount(after, favourable),
      after.answered,
      "agreement",
    ),
  };
  if (scale.numeric) result.mean = meanTest(before, after);
  return result;
}

type Shown = Extract<WaveItemFigures, { state: "shown" }>;

function notShown(side: WaveItemFigures, wave: number): NotCompared | undefined {
  if (side.state === "hidden") return { why: "hidden", wave, reason: side.reason };
  if (side.state === "absent") return { why: "absent", wave, of: side.of };
  return undefined;
}
type NotComparable = "kind-changed" | "scale-changed" | "options-changed";

function optionOf(side: Shown, value: string | null): OptionFigure | undefined {
  for (const option of side.options) if (option.value === value) return option;
  return undefined;
}

function favourableCount(side: Shown, favourable: ReadonlySet<string>): number {
  let sum = 0;
  for (const option of side.options) {
    if (option.value !== null && favourable.has(option.value)) sum += option.count;
  }
  return sum;
}

/** Answers, mean and sample variance of a numeric scale from its published counts. */
function scaleMoments(side: Shown) {
  const points: { value: number; count: number }[] = [];
  for (const option of side.options) {
    if (option.value !== null) points.push({ value: Number(option.value), count: option.count });
  }
  return distributionMoments(points);
}

/** Why two versions of a question cannot be compared, or undefined when they can. */
function comparability(a: ItemSpec, b: ItemSpec): NotComparable | undefined {
  if (a.kind !== b.kind || a.kind === "text" || b.kind === "text") return "kind-changed";
  const scaleA = a.kind === "single" ? a.scale : undefined;
  const scaleB = b.kind === "single" ? b.scale : undefined;
  const same = (x: readonly unknown[], y: readonly unknown[]) =>
    x.length === y.length && x.every((value, index) => String(value) === String(y[index]));
  if (scaleA || scaleB) {
    if (
      !scaleA ||
      !scaleB ||
      !same(a.options, b.options) ||
      !same(scaleA.favourable, scaleB.favourable) ||
      scaleA.numeric !== scaleB.numeric
    )
      return "scale-changed";
    return undefined;
  }
  const setA = new Set(a.options.map(String));
  const setB = new Set(b.options.map(String));
  if (setA.size !== setB.size || [...setA].some((value) => !setB.has(value)))
    return "options-changed";
  return undefined;
}

function proportionTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  polarity: "agreement" | "none",
): ChangeTest {
  if (n1 < MIN_ANSWERS_FOR_VERDICT || n2 < MIN_ANSWERS_FOR_VERDICT) {
    return {
      polarity,
      change: n1 > 0 && n2 > 0 ? x2 / n2 - x1 / n1 : null,
      verdict: "too-few-answers",
    };
  }
  const pooled = (x1 + x2) / (n1 + n2);
  const expected = Math.min(n1, n2) * Math.min(pooled, 1 - pooled);
  if (pooled > 0 && pooled < 1 && expected < MIN_EXPECTED_FOR_PROPORTION) {
    return { polarity, change: x2 / n2 - x1 / n1, verdict: "too-few-answers" };
  }
  return pending(twoProportionTest(x1, n1, x2, n2), polarity);
}

/** A test before Holm's adjustment sets its adjusted p and verdict. */
function pending(raw: RawTest, polarity: "agreement" | "none"): ChangeTest {
  const test: ChangeTest = {
    change: raw.change,
    ci: raw.ci,
    statistic: raw.statistic,
    p: raw.p,
    polarity,
    pAdjusted: raw.p,
    verdict: "no-clear-change",
  };
  if (raw.df !== undefined) test.df = raw.df;
  return test;
}

function meanTest(before: Shown, after: Shown): ChangeTest {
  const a = scaleMoments(before);
  const b = scaleMoments(after);
  if (a.n < MIN_ANSWERS_FOR_VERDICT || b.n < MIN_ANSWERS_FOR_VERDICT) {
    return {
      polarity: "agreement",
      change: a.n > 0 && b.n > 0 ? b.mean - a.mean : null,
      verdict: "too-few-answers",
    };
  }
  return pending(welchTest(a, b), "agreement");
}

/** A question's figures in one wave's group, or why there are none. */
/** A release writes every group's items in the same order: where each key usually is. */
function itemPositions(groups: readonly ReleaseGroup[]): Map<string, number> {
  const positions = new Map<string, number>();
  for (const group of groups) {
    group.items.forEach((item, index) => {
      if (!positions.has(item.key)) positions.set(item.key, index);
    });
  }
  return positions;
}

/** Finds an item of a group by key: at its usual position, else by a search. */
function itemLookup(group: ReleaseGroup, positions: ReadonlyMap<string, number>) {
  return (key: string): ReleaseItem | undefined => {
    const position = positions.get(key);
    const usual = position === undefined ? undefined : group.items[position];
    return usual?.key === key ? usual : group.items.find((item) => item.key === key);
  };
}

function itemFigures(
  group: ReleaseGroup | undefined,
  find: ((key: string) => ReleaseItem | undefined) | undefined,
  key: string | null,
): WaveItemFigures {
  if (!group) return { state: "absent", of: "group" };
  if ("hidden" in group.n) return { state: "hidden", reason: group.n.hidden, of: "group" };
  const item = key === null ? undefined : find?.(key);
  if (!item) return { state: "absent", of: "question" };
  if ("hidden" in item) return { state: "hidden", reason: item.hidden, of: "question" };
  const noAnswer = item.options.find((option) => option.value === null)?.count ?? 0;
  return {
    state: "shown",
    n: group.n.value,
    answered: group.n.value - noAnswer,
    mean: "mean" in item ? (item.mean ?? null) : null,
    favourable: "favourable" in item ? (item.favourable ?? null) : null,
    options: item.options,
  };
}

/**
 * A wave's side of a group: one release group's figures, or for a merge the sum of its parts'
 * published counts. A sum is shown only when every part is published (group and question): a
 * hidden part is never filled in, so the sum is always computable from the release alone.
 */
function sideFigures(
  parts: (ReleaseGroup | undefined)[] | undefined,
  finds: (((key: string) => ReleaseItem | undefined) | undefined)[] | undefined,
  spec: ItemSpec | undefined,
): WaveItemFigures {
  if (!parts || parts.length === 0) return { state: "absent", of: "group" };
  const key = spec?.key ?? null;
  const each = parts.map((part, index) => itemFigures(part, finds?.[index], key));
  if (each.length === 1) return each[0] as WaveItemFigures;
  for (const state of ["absent", "hidden"] as const) {
    for (const of of ["group", "question"] as const) {
      const found = each.find((figures) => figures.state === state && figures.of === of);
      if (found) return found;
    }
  }
  return sumFigures(each as Shown[], spec);
}

/** The figures of a merged group: counts added per answer, shares and mean from the sums. */
function sumFigures(parts: Shown[], spec: ItemSpec | undefined): Shown {
  let n = 0;
  const counts = new Map<string | null, number>();
  for (const part of parts) {
    n += part.n;
    for (const option of part.options) {
      counts.set(option.value, (counts.get(option.value) ?? 0) + option.count);
    }
  }
  const options: OptionFigure[] = [...counts].map(([value, count]) => ({
    value,
    count,
    share: n > 0 ? count / n : 0,
  }));
  const answered = n - (counts.get(null) ?? 0);
  const scale = spec?.kind === "single" ? spec.scale : undefined;
  let mean: number | null = null;
  let favourable: number | null = null;
  if (scale && answered > 0) {
    const top = new Set(scale.favourable.map(String));
    let sum = 0;
    let high = 0;
    for (const option of options) {
      if (option.value === null) continue;
      sum += Number(option.value) * option.count;
      if (top.has(option.value)) high += option.count;
    }
    mean = scale.numeric ? sum / answered : null;
    favourable = high / answered;
  }
  return { state: "shown", n, answered, mean, favourable, options };
}

/** A side's group size: the sum of its parts' published sizes, hidden if any part is. */
function sideSize(parts: (ReleaseGroup | undefined)[] | undefined): WaveGroupSize {
  if (!parts || parts.length === 0 || parts.some((part) => !part)) return { absent: true };
  let total = 0;
  for (const part of parts as ReleaseGroup[]) {
    if ("hidden" in part.n) return { hidden: part.n.hidden };
    total += part.n.value;
  }
  return { value: total };
}

/** Maps a question name of the latest wave to its name in wave `index`, through renames. */
function questionNameIn(waves: readonly ComparedWave[], index: number): (name: string) => string {
  return (name) => {
    let current = name;
    for (let wave = waves.length - 1; wave > index; wave--) {
      current = waves[wave]?.previousNames?.[current] ?? current;
    }
    return current;
  };
}

function codeOf(wave: ComparedWave, unitId: string): string {
  return wave.unitCodes?.[unitId] ?? unitId;
}

/** Unit code → unit id in one wave's release. */
function unitIndex(wave: ComparedWave): Map<string, string> {
  return new Map(wave.release.units.map((unit) => [codeOf(wave, unit.id), unit.id]));
}

function tableKey(filters: readonly ReleaseFilter[]): string {
  return filters.map((filter) => filter.dimension).join("\u0000");
}

function groupKey(unitId: string, part: string, filters: readonly ReleaseFilter[]): string {
  return JSON.stringify([
    unitId,
    part,
    ...filters.map((filter) => [filter.dimension, filter.value]),
  ]);
}

function groupIndex(groups: readonly ReleaseGroup[]): Map<string, ReleaseGroup> {
  return new Map(groups.map((group) => [groupKey(group.unitId, group.part, group.filters), group]));
}

function pathKey(path: readonly string[]): string {
  return JSON.stringify(path);
}

function specIndex(items: readonly ItemSpec[]): Map<string, ItemSpec> {
  return new Map(items.map((item) => [pathKey(item.path), item]));
}
