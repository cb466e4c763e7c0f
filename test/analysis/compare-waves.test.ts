import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ChangeTest,
  type ComparedWave,
  compareWaves,
  type GroupComparison,
  type ItemComparison,
} from "../../analysis/compare-waves";
import type {
  Figure,
  HiddenReason,
  Release,
  ReleaseFilter,
  ReleaseGroup,
  ReleaseItem,
} from "../../analysis/release-types";
import type { ItemSpec } from "../../analysis/types";
import { holmAdjust, studentCritical } from "../../analysis/wave-statistics";

// ---------------------------------------------------------------------------------------------
// Independent reference values: the p-values below come from numerical integration of the
// normal and Student densities (Simpson's rule), not from the special functions under test.

function simpson(f: (x: number) => number, a: number, b: number, intervals = 4000): number {
  const h = (b - a) / intervals;
  let sum = f(a) + f(b);
  for (let i = 1; i < intervals; i++) sum += (i % 2 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

function normalTwoSidedByIntegration(z: number): number {
  const density = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  return 1 - 2 * simpson(density, 0, Math.abs(z));
}

/** Two-sided Student p by integrating the unnormalised density over x = tan θ. */
function studentTwoSidedByIntegration(t: number, df: number): number {
  const kernel = (theta: number) => {
    const x = Math.tan(theta);
    return (1 + (x * x) / df) ** (-(df + 1) / 2) / Math.cos(theta) ** 2;
  };
  const whole = simpson(kernel, 0, Math.PI / 2 - 1e-9, 20000);
  return 1 - simpson(kernel, 0, Math.atan(Math.abs(t)), 20000) / whole;
}

/** Welch's statistic and Satterthwaite's df straight from the textbook formulas, on raw answers. */
function welchByHand(a: number[], b: number[]) {
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = (xs: number[]) => {
    const m = mean(xs);
    return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
  };
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  const t = (mean(b) - mean(a)) / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return { change: mean(b) - mean(a), t, df };
}

/** Raw answers 1..5 from counts per scale point. */
const answersOf = (counts: number[]) =>
  counts.flatMap((count, index) => new Array<number>(count).fill(index + 1));

// ---------------------------------------------------------------------------------------------
// Synthetic releases, shaped as analysis/publish-items.ts shapes them.

const SCALE_ITEM = (key: string, points = [1, 2, 3, 4, 5]): ItemSpec => ({
  kind: "single",
  key,
  path: [key],
  options: points,
  scale: { numeric: true, favourable: points.slice(-2) },
  breakdown: false,
  sensitive: false,
});
const CHOICE_ITEM = (key: string, options = ["yes", "no"]): ItemSpec => ({
  kind: "single",
  key,
  path: [key],
  options,
  breakdown: false,
  sensitive: true,
});
const GENDER: ItemSpec = {
  kind: "single",
  key: "gender",
  path: ["gender"],
  options: ["woman", "man", "prefer_not_to_say"],
  breakdown: true,
  sensitive: true,
};

/** A scale item from counts per point (1..m) plus a count of "no answer". */
function scaleFigures(key: string, counts: number[], noAnswer = 0, n?: number): ReleaseItem {
  const total = n ?? counts.reduce((s, c) => s + c, 0) + noAnswer;
  const answered = counts.reduce((s, c) => s + c, 0);
  const sum = counts.reduce((s, c, i) => s + c * (i + 1), 0);
  const top = counts.slice(-2).reduce((s, c) => s + c, 0);
  return {
    key,
    kind: "single",
    options: [
      ...counts.map((count, i) => ({ value: String(i + 1), count, share: count / total })),
      { value: null, count: noAnswer, share: noAnswer / total },
    ],
    mean: answered > 0 ? sum / answered : null,
    favourable: answered > 0 ? top / answered : null,
  };
}

function choiceFigures(key: string, counts: Record<string, number>, noAnswer = 0): ReleaseItem {
  const total = Object.values(counts).reduce((s, c) => s + c, 0) + noAnswer;
  return {
    key,
    kind: "single",
    options: [
      ...Object.entries(counts).map(([value, count]) => ({ value, count, share: count / total })),
      { value: null, count: noAnswer, share: noAnswer / total },
    ],
  };
}

function group(
  unitId: string,
  n: Figure,
  items: ReleaseItem[],
  filters: ReleaseFilter[] = [],
): ReleaseGroup {
  const id = [unitId, "all", ...filters.map((f) => `${f.dimension}=${f.value ?? ""}`)].join("/");
  return { id, unitId, part: "all", filters, n, items: "hidden" in n ? [] : items };
}

function release(groups: ReleaseGroup[], units = ["org", "A", "B"]): Release {
  return {
    k: 5,
    units: units.map((id, index) => ({ id, parentId: index === 0 ? null : "org" })),
    dimensions: [],
    crosses: [],
    knownHeadcounts: {},
    groups,
    comments: [],
    audit: {
      cells: groups.length,
      organisationOnly: false,
      hiddenPrimary: 0,
      hiddenSecondary: 0,
      hiddenUnanimity: 0,
      lpSolves: 0,
      rounds: 0,
      itemCells: 0,
      itemsHidden: 0,
      answersHidden: 0,
      itemRounds: 0,
    },
  };
}

const wave = (id: string, r: Release, items: ItemSpec[], extra: Partial<ComparedWave> = {}) => ({
  id,
  release: r,
  items,
  ...extra,
});

function find(result: { groups: GroupComparison[] }, unitCode: string, key: string) {
  const g = result.groups.find((c) => c.unitCode === unitCode && c.filters.length === 0);
  const item = g?.items.find((candidate) => candidate.key === key);
  if (!g || !item) throw new Error(`no comparison for ${unitCode} ${key}`);
  return { group: g, item };
}

function tested(test: ChangeTest | undefined) {
  if (!test || test.verdict === "too-few-answers") throw new Error("expected a test");
  return test;
}

function compared(item: ItemComparison, step = 0) {
  const found = item.steps[step];
  if (!found?.compared) throw new Error(`step ${step} of ${item.key} was not compared`);
  return found;
}

// ---------------------------------------------------------------------------------------------

describe("statistics against independently computed values", () => {
  it("two-proportion z-test: 40% → 60% favourable of 100 each", () => {
    const before = [10, 20, 30, 25, 15];
    const after = [5, 10, 25, 35, 25];
    const result = compareWaves([
      wave("w1", release([group("org", { value: 100 }, [scaleFigures("q", before)])]), [
        SCALE_ITEM("q"),
      ]),
      wave("w2", release([group("org", { value: 100 }, [scaleFigures("q", after)])]), [
        SCALE_ITEM("q"),
      ]),
    ]);
    const { item } = find(result, "org", "q");
    const favourable = tested(compared(item).favourable);
    // Pooled share 0.5: z = 0.2 / √(0.25 · 2/100) = 2√2; Wald se = √(2 · 0.24/100).
    expect(favourable.change).toBeCloseTo(0.2, 12);
    expect(favourable.statistic).toBeCloseTo(2 * Math.SQRT2, 10);
    expect(favourable.p).toBeCloseTo(normalTwoSidedByIntegration(2 * Math.SQRT2), 9);
    expect(favourable.p).toBeCloseTo(0.004677735, 8);
    const wald = 1.959963984540054 * Math.sqrt(0.0048);
    expect(favourable.ci[0]).toBeCloseTo(0.2 - wald, 10);
    expect(favourable.ci[1]).toBeCloseTo(0.2 + wald, 10);

    const mean = tested(compared(item).mean);
    const hand = welchByHand(answersOf(before), answersOf(after));
    expect(mean.change).toBeCloseTo(0.5, 12);
    expect(mean.statistic).toBeCloseTo(hand.t, 10);
    expect(mean.df).toBeCloseTo(hand.df, 8);
    expect(mean.p).toBeCloseTo(studentTwoSidedByIntegration(hand.t, hand.df), 8);
    // Two tests in the group's family: Holm doubles the smaller p, the larger keeps its own.
    const [pf, pm] = [favourable.p, mean.p];
    expect(Math.max(favourable.pAdjusted, mean.pAdjusted)).toBeCloseTo(
      Math.max(2 * Math.min(pf, pm), Math.max(pf, pm)),
      12,
    );
    expect(favourable.verdict).toBe("clearly-better");
    expect(mean.verdict).toBe("clearly-better");
  });

  it("Welch's interval and p for small, unequal groups (df far from n)", () => {
    const before = [0, 1, 2, 6, 3];
    const after = [4, 6, 5, 3, 2, 0].slice(0, 5);
    const result = compareWaves([
      wave("w1", release([group("org", { value: 12 }, [scaleFigures("q", before)])]), [
        SCALE_ITEM("q"),
      ]),
      wave("w2", release([group("org", { value: 20 }, [scaleFigures("q", after)])]), [
        SCALE_ITEM("q"),
      ]),
    ]);
    const mean = tested(compared(find(result, "org", "q").item).mean);
    const hand = welchByHand(answersOf(before), answersOf(after));
    expect(mean.statistic).toBeCloseTo(hand.t, 10);
    expect(mean.df).toBeCloseTo(hand.df, 8);
    expect(mean.p).toBeCloseTo(studentTwoSidedByIntegration(hand.t, hand.df), 7);
    // The interval half-width is t(0.975, df) · se: its ends give p = 0.05 exactly.
    const se = Math.abs(hand.change / hand.t);
    const half = (mean.ci[1] - mean.ci[0]) / 2;
    expect(studentTwoSidedByIntegration(half / se, hand.df)).toBeCloseTo(0.05, 6);
    expect(mean.verdict).toBe("clearly-worse");
  });

  it("t quantiles for the intervals match the printed tables (t 0.975)", () => {
    const table: [number, number][] = [
      [1, 12.7062],
      [2, 4.3027],
      [5, 2.5706],
      [10, 2.2281],
      [30, 2.0423],
      [120, 1.9799],
    ];
    for (const [df, t] of table) expect(studentCritical(df)).toBeCloseTo(t, 4);
  });

  it("Holm's adjustment by hand", () => {
    // Sorted 0.005 ×4 = 0.02, 0.01 ×3 = 0.03, 0.03 ×2 = 0.06, 0.04 ×1 = 0.04 → kept at 0.06.
    expect(holmAdjust([0.01, 0.04, 0.03, 0.005])).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(holmAdjust([])).toEqual([]);
    expect(holmAdjust([0.8, 0.2])).toEqual([0.8, 0.4]);
  });

  it("a change that is significant alone is not 'clear' among many comparisons shown at once", () => {
    // 40 → 58 favourable of 200: z ≈ 2.09, p ≈ 0.036 — below 0.05 alone, not after Holm.
    const keys = ["q1", "q2", "q3", "q4"];
    const before = [40, 60, 60, 30, 10];
    const after = [30, 52, 60, 40, 18];
    const build = (counts: number[]) =>
      release([
        group(
          "org",
          { value: 200 },
          keys.map((key, i) => scaleFigures(key, i === 0 ? counts : before)),
        ),
      ]);
    const items = keys.map((key) => SCALE_ITEM(key));
    const result = compareWaves([
      wave("w1", build(before), items),
      wave("w2", build(after), items),
    ]);
    const favourable = tested(compared(find(result, "org", "q1").item).favourable);
    expect(favourable.p).toBeGreaterThan(0.02);
    expect(favourable.p).toBeLessThan(0.05);
    expect(favourable.pAdjusted).toBeGreaterThan(0.05);
    expect(favourable.verdict).toBe("no-clear-change");
    // One question alone across the groups (family "question"): the same change is clear.
    const alone = compareWaves(
      [
        wave("w1", build(before), [items[0] as ItemSpec]),
        wave("w2", build(after), [items[0] as ItemSpec]),
      ],
      { family: "question" },
    );
    const single = tested(compared(find(alone, "org", "q1").item).favourable);
    expect(single.verdict).toBe("clearly-better");
  });
});

describe("verdicts", () => {
  const twoWaves = (
    before: ReleaseItem,
    after: ReleaseItem,
    n1: number,
    n2: number,
    spec: ItemSpec,
  ) =>
    compareWaves([
      wave("w1", release([group("org", { value: n1 }, [before])]), [spec]),
      wave("w2", release([group("org", { value: n2 }, [after])]), [spec]),
    ]);

  it("calls a drop in agreement 'clearly worse' and a choice option 'clearly lower', not 'worse'", () => {
    const scale = twoWaves(
      scaleFigures("q", [10, 10, 20, 40, 20]),
      scaleFigures("q", [30, 20, 20, 20, 10]),
      100,
      100,
      SCALE_ITEM("q"),
    );
    expect(tested(compared(find(scale, "org", "q").item).favourable).verdict).toBe("clearly-worse");
    const choice = twoWaves(
      choiceFigures("excluded", { yes: 60, no: 140 }),
      choiceFigures("excluded", { yes: 30, no: 170 }),
      200,
      200,
      CHOICE_ITEM("excluded"),
    );
    const step = compared(find(choice, "org", "excluded").item);
    expect(step.favourable).toBeUndefined();
    const yes = step.options.find((option) => option.value === "yes");
    expect(yes?.change).toBeCloseTo(-0.15, 12);
    expect(yes?.test?.verdict).toBe("clearly-lower");
  });

  it("says 'no clear change' for a small difference in large groups", () => {
    const result = twoWaves(
      scaleFigures("q", [100, 100, 200, 400, 200]),
      scaleFigures("q", [98, 102, 205, 395, 200]),
      1000,
      1000,
      SCALE_ITEM("q"),
    );
    const step = compared(find(result, "org", "q").item);
    expect(tested(step.favourable).verdict).toBe("no-clear-change");
    expect(tested(step.mean).verdict).toBe("no-clear-change");
  });

  it("says 'too few answers to tell' below 10 answers, however large the change", () => {
    const result = twoWaves(
      scaleFigures("q", [6, 0, 0, 0, 0], 3),
      scaleFigures("q", [0, 0, 0, 0, 9], 0),
      9,
      9,
      SCALE_ITEM("q"),
    );
    const step = compared(find(result, "org", "q").item);
    expect(step.favourable).toEqual({
      polarity: "agreement",
      change: 1,
      verdict: "too-few-answers",
    });
    expect(step.mean?.verdict).toBe("too-few-answers");
  });

  it("says 'too few answers to tell' when a share is too rare for the normal approximation", () => {
    const result = twoWaves(
      choiceFigures("excluded", { yes: 1, no: 99 }),
      choiceFigures("excluded", { yes: 3, no: 97 }),
      100,
      100,
      CHOICE_ITEM("excluded"),
    );
    const yes = compared(find(result, "org", "excluded").item).options.find(
      (o) => o.value === "yes",
    );
    expect(yes?.test?.verdict).toBe("too-few-answers");
  });
});

describe("what is not compared, and why", () => {
  const items = [SCALE_ITEM("q")];
  const shown = (unitId: string, n: number, counts: number[]) =>
    group(unitId, { value: n }, [scaleFigures("q", counts)]);

  it("shows no change for a group hidden in either wave, with the wave and its reason", () => {
    const first = release([
      shown("org", 120, [10, 20, 30, 40, 20]),
      group("A", { hidden: "primary" }, []),
      shown("B", 60, [5, 10, 15, 20, 10]),
    ]);
    const second = release([
      shown("org", 130, [5, 10, 30, 50, 35]),
      shown("A", 40, [2, 3, 10, 15, 10]),
      group("B", { hidden: "secondary" }, []),
    ]);
    const result = compareWaves([wave("w1", first, items), wave("w2", second, items)]);
    const a = find(result, "A", "q");
    expect(a.group.n).toEqual([{ hidden: "primary" }, { value: 40 }]);
    expect(a.item.waves[0]).toEqual({ state: "hidden", reason: "primary", of: "group" });
    expect(a.item.steps[0]).toEqual({
      from: 0,
      to: 1,
      compared: false,
      notCompared: { why: "hidden", wave: 0, reason: "primary" },
    });
    const b = find(result, "B", "q");
    expect(b.item.waves[0]?.state).toBe("shown");
    expect(b.item.steps[0]).toMatchObject({
      compared: false,
      notCompared: { why: "hidden", wave: 1, reason: "secondary" },
    });
  });

  it("shows no change for a question hidden as (nearly) unanimous in one wave", () => {
    const first = release([
      group("org", { value: 100 }, [{ key: "excluded", kind: "single", hidden: "unanimity" }]),
    ]);
    const second = release([
      group("org", { value: 100 }, [choiceFigures("excluded", { yes: 20, no: 80 })]),
    ]);
    const result = compareWaves([
      wave("w1", first, [CHOICE_ITEM("excluded")]),
      wave("w2", second, [CHOICE_ITEM("excluded")]),
    ]);
    expect(find(result, "org", "excluded").item.steps[0]).toMatchObject({
      compared: false,
      notCompared: { why: "hidden", wave: 0, reason: "unanimity" },
    });
  });

  it("does not compare a question whose scale changed (5 → 7 points) or whose options changed", () => {
    const first = release([
      group("org", { value: 100 }, [
        scaleFigures("q", [10, 20, 30, 25, 15]),
        choiceFigures("c", { yes: 40, no: 60 }),
      ]),
    ]);
    const second = release([
      group("org", { value: 100 }, [
        scaleFigures("q", [5, 5, 10, 20, 30, 20, 10]),
        choiceFigures("c", { yes: 30, no: 50, not_sure: 20 }),
      ]),
    ]);
    const result = compareWaves([
      wave("w1", first, [SCALE_ITEM("q"), CHOICE_ITEM("c")]),
      wave("w2", second, [
        SCALE_ITEM("q", [1, 2, 3, 4, 5, 6, 7]),
        CHOICE_ITEM("c", ["yes", "no", "not_sure"]),
      ]),
    ]);
    const q = find(result, "org", "q").item;
    expect(q.steps[0]).toMatchObject({ compared: false, notCompared: { why: "scale-changed" } });
    // Each wave still shows its own figures: they are in its release.
    expect(q.waves.map((figures) => figures.state)).toEqual(["shown", "shown"]);
    expect(find(result, "org", "c").item.steps[0]).toMatchObject({
      compared: false,
      notCompared: { why: "options-changed" },
    });
  });

  it("says a question or a unit is new when the earlier wave does not have it", () => {
    const result = compareWaves([
      wave("w1", release([group("org", { value: 100 }, [])], ["org"]), []),
      wave(
        "w2",
        release([shown("org", 100, [10, 20, 30, 25, 15]), shown("A", 50, [5, 10, 15, 10, 10])]),
        items,
      ),
    ]);
    expect(find(result, "org", "q").item.steps[0]).toMatchObject({
      compared: false,
      notCompared: { why: "absent", wave: 0, of: "question" },
    });
    const a = find(result, "A", "q");
    expect(a.group.n[0]).toEqual({ absent: true });
    expect(a.item.steps[0]).toMatchObject({ notCompared: { why: "absent", wave: 0, of: "group" } });
  });
});

describe("matching across waves", () => {
  it("compares a renamed question (previousName) and a renamed breakdown, by value", () => {
    const gender = (value: string): ReleaseFilter[] => [{ dimension: "gender", value }];
    const sex = (value: string): ReleaseFilter[] => [{ dimension: "sex", value }];
    const first = release([
      group("org", { value: 100 }, [scaleFigures("wellbeing", [10, 20, 30, 25, 15])]),
      group("org", { value: 60 }, [scaleFigures("wellbeing", [10, 10, 20, 10, 10])], sex("woman")),
    ]);
    const second = release([
      group("org", { value: 100 }, [scaleFigures("climate_overall", [5, 10, 25, 35, 25])]),
      group(
        "org",
        { value: 55 },
        [scaleFigures("climate_overall", [5, 5, 15, 15, 15])],
        gender("woman"),
      ),
    ]);
    const result = compareWaves([
      wave("w1", first, [SCALE_ITEM("wellbeing"), { ...GENDER, key: "sex", path: ["sex"] }]),
      wave("w2", second, [SCALE_ITEM("climate_overall"), GENDER], {
        previousNames: { climate_overall: "wellbeing", gender: "sex" },
      }),
    ]);
    const org = find(result, "org", "climate_overall").item;
    expect(org.keys).toEqual(["wellbeing", "climate_overall"]);
    expect(tested(compared(org).favourable).change).toBeCloseTo(0.2, 12);
    const women = result.groups.find((g) => g.filters[0]?.value === "woman");
    expect(women?.groupIds).toEqual(["org/all/sex=woman", "org/all/gender=woman"]);
    expect(women?.items[0]?.steps[0]?.compared).toBe(true);
  });

  it("compares a renamed unit (new code, mapped) as the same population, and keeps code matches", () => {
    const items = [SCALE_ITEM("q")];
    const first = release(
      [
        group("org", { value: 200 }, [scaleFigures("q", [20, 40, 60, 50, 30])]),
        group("u-old", { value: 80 }, [scaleFigures("q", [10, 20, 20, 20, 10])]),
        group("u-same", { value: 120 }, [scaleFigures("q", [10, 20, 40, 30, 20])]),
      ],
      ["org", "u-old", "u-same"],
    );
    const second = release(
      [
        group("org", { value: 210 }, [scaleFigures("q", [10, 30, 60, 70, 40])]),
        group("u-new", { value: 90 }, [scaleFigures("q", [5, 10, 25, 30, 20])]),
        // Another id in the later tree (re-created unit), same code: matched by code, not id.
        group("u-same-2", { value: 120 }, [scaleFigures("q", [5, 20, 35, 40, 20])]),
      ],
      ["org", "u-new", "u-same-2"],
    );
    const result = compareWaves([
      wave("w1", first, items, { unitCodes: { org: "UZ", "u-old": "HR", "u-same": "LAW" } }),
      wave("w2", second, items, {
        unitCodes: { org: "UZ", "u-new": "PEOPLE", "u-same-2": "LAW" },
        unitMap: [{ earlier: "HR", later: "PEOPLE" }],
      }),
    ]);
    const mapped = find(result, "PEOPLE", "q");
    expect(mapped.group.groupIds).toEqual(["u-old/all", "u-new/all"]);
    expect(mapped.group.population).toEqual([
      { from: 0, to: 1, earlier: ["HR"], same: true, change: "renamed" },
    ]);
    expect(mapped.item.steps[0]?.compared).toBe(true);
    const law = find(result, "LAW", "q");
    expect(law.group.groupIds).toEqual(["u-same/all", "u-same-2/all"]);
    expect(law.group.population).toEqual([
      { from: 0, to: 1, earlier: ["LAW"], same: true, change: "unchanged" },
    ]);
    expect(find(result, "UZ", "q").item.steps[0]?.compared).toBe(true);
  });

  const mergeWaves = (bHidden?: "group" | "question") => {
    const items = [SCALE_ITEM("q")];
    const bItems: ReleaseItem[] =
      bHidden === "question"
        ? [{ key: "q", kind: "single", hidden: "secondary" }]
        : [scaleFigures("q", [10, 20, 40, 30, 20])];
    const first = release(
      [
        group("org", { value: 200 }, [scaleFigures("q", [20, 40, 60, 50, 30])]),
        group("A", { value: 80 }, [scaleFigures("q", [10, 20, 20, 20, 10])]),
        group("B", bHidden === "group" ? { hidden: "primary" } : { value: 120 }, bItems),
      ],
      ["org", "A", "B"],
    );
    const second = release(
      [
        group("org", { value: 210 }, [scaleFigures("q", [10, 30, 60, 70, 40])]),
        group("AB", { value: 210 }, [scaleFigures("q", [10, 30, 60, 70, 40])]),
      ],
      ["org", "AB"],
    );
    return compareWaves([
      wave("w1", first, items),
      wave("w2", second, items, {
        unitMap: [
          { earlier: "A", later: "AB" },
          { earlier: "B", later: "AB" },
        ],
      }),
    ]);
  };

  it("compares a merged unit with the sum of its published parts", () => {
    const { group: merged, item } = find(mergeWaves(), "AB", "q");
    expect(merged.groupIds).toEqual(["A/all+B/all", "AB/all"]);
    expect(merged.n).toEqual([{ value: 200 }, { value: 210 }]);
    expect(merged.population).toEqual([
      { from: 0, to: 1, earlier: ["A", "B"], same: true, change: "merged" },
    ]);
    const before = item.waves[0];
    if (before?.state !== "shown") throw new Error("expected the sum");
    // Summed by hand: A [10,20,20,20,10] + B [10,20,40,30,20].
    expect(before.options.map((o) => o.count)).toEqual([20, 40, 60, 50, 30, 0]);
    expect(before.mean).toBeCloseTo((20 + 80 + 180 + 200 + 150) / 200, 12);
    expect(before.favourable).toBeCloseTo(80 / 200, 12);
    expect(tested(compared(item).favourable).change).toBeCloseTo(110 / 210 - 80 / 200, 12);
  });

  it("never sums a merge whose part is hidden: no figure, the part's reason", () => {
    for (const hidden of ["group", "question"] as const) {
      const { group: merged, item } = find(mergeWaves(hidden), "AB", "q");
      expect(item.waves[0]).toEqual({
        state: "hidden",
        reason: hidden === "group" ? "primary" : "secondary",
        of: hidden,
      });
      expect(JSON.stringify(item.waves[0])).not.toMatch(/\d/);
      expect(item.steps[0]).toMatchObject({ compared: false, notCompared: { why: "hidden" } });
      if (hidden === "group") expect(merged.n[0]).toEqual({ hidden: "primary" });
    }
  });

  it("labels each part of a split unit as not the same population", () => {
    const items = [SCALE_ITEM("q")];
    const first = release(
      [
        group("org", { value: 200 }, [scaleFigures("q", [20, 40, 60, 50, 30])]),
        group("AB", { value: 200 }, [scaleFigures("q", [20, 40, 60, 50, 30])]),
      ],
      ["org", "AB"],
    );
    const second = release(
      [
        group("org", { value: 200 }, [scaleFigures("q", [20, 40, 60, 50, 30])]),
        group("A", { value: 80 }, [scaleFigures("q", [10, 20, 20, 20, 10])]),
        group("B", { value: 120 }, [scaleFigures("q", [10, 20, 40, 30, 20])]),
      ],
      ["org", "A", "B"],
    );
    const result = compareWaves([
      wave("w1", first, items),
      wave("w2", second, items, {
        unitMap: [
          { earlier: "AB", later: "A" },
          { earlier: "AB", later: "B" },
        ],
      }),
    ]);
    for (const code of ["A", "B"]) {
      const { group: part, item } = find(result, code, "q");
      expect(part.population).toEqual([
        { from: 0, to: 1, earlier: ["AB"], same: false, change: "split" },
      ]);
      expect(part.groupIds[0]).toBe("AB/all");
      expect(item.steps[0]?.compared).toBe(true);
    }
    expect(find(result, "org", "q").group.population[0]?.same).toBe(true);
  });

  it("follows mappings over three waves: a rename, then a merge", () => {
    const items = [SCALE_ITEM("q")];
    const counts = [10, 20, 30, 25, 15];
    const w1 = release(
      [
        group("org", { value: 200 }, [scaleFigures("q", [20, 40, 60, 50, 30])]),
        group("HR", { value: 100 }, [scaleFigures("q", counts)]),
        group("IT", { value: 100 }, [scaleFigures("q", counts)]),
      ],
      ["org", "HR", "IT"],
    );
    const w2 = release(
      [
        group("org", { value: 200 }, [scaleFigures("q", [20, 40, 60, 50, 30])]),
        group("PEOPLE", { value: 100 }, [scaleFigures("q", counts)]),
        group("IT", { value: 100 }, [scaleFigures("q", counts)]),
      ],
      ["org", "PEOPLE", "IT"],
    );
    const w3 = release(
      [
        group("org", { value: 200 }, [scaleFigures("q", [10, 20, 60, 70, 40])]),
        group("SUPPORT", { value: 200 }, [scaleFigures("q", [10, 20, 60, 70, 40])]),
      ],
      ["org", "SUPPORT"],
    );
    const result = compareWaves([
      wave("2020", w1, items),
      wave("2021", w2, items, { unitMap: [{ earlier: "HR", later: "PEOPLE" }] }),
      wave("2026", w3, items, {
        unitMap: [
          { earlier: "PEOPLE", later: "SUPPORT" },
          { earlier: "IT", later: "SUPPORT" },
        ],
      }),
    ]);
    const { group: support, item } = find(result, "SUPPORT", "q");
    expect(support.groupIds).toEqual(["HR/all+IT/all", "PEOPLE/all+IT/all", "SUPPORT/all"]);
    expect(support.population.map((step) => [step.earlier, step.change, step.same])).toEqual([
      [["HR", "IT"], "merged", true],
      [["PEOPLE", "IT"], "merged", true],
    ]);
    expect(support.n).toEqual([{ value: 200 }, { value: 200 }, { value: 200 }]);
    expect(item.steps.map((step) => step.compared)).toEqual([true, true]);
    expect(tested(compared(item, 0).favourable).change).toBe(0);
    expect(tested(compared(item, 1).favourable).change).toBeCloseTo(110 / 200 - 80 / 200, 12);
  });

  it("marks every group absent in a wave that lacks the compared table", () => {
    const items = [SCALE_ITEM("q"), GENDER];
    const women = [{ dimension: "gender", value: "woman" }];
    const result = compareWaves([
      wave(
        "w1",
        release([group("org", { value: 100 }, [scaleFigures("q", [10, 20, 30, 25, 15])])]),
        [SCALE_ITEM("q")],
      ),
      wave(
        "w2",
        release([group("org", { value: 60 }, [scaleFigures("q", [5, 10, 15, 20, 10])], women)]),
        items,
      ),
    ]);
    const item = result.groups[0]?.items[0];
    expect(item?.waves[0]).toEqual({ state: "absent", of: "table" });
    expect(item?.steps[0]).toMatchObject({
      compared: false,
      notCompared: { why: "absent", wave: 0, of: "table" },
    });
  });

  it("follows a trend over three waves, one step per consecutive pair", () => {
    const items = [SCALE_ITEM("q")];
    const at = (counts: number[]) =>
      release([
        group("org", { value: counts.reduce((s, c) => s + c, 0) }, [scaleFigures("q", counts)]),
      ]);
    const result = compareWaves([
      wave("2020", at([30, 50, 60, 40, 20]), items),
      wave("2021", at([20, 40, 60, 60, 20]), items),
      wave("2026", at([20, 40, 60, 60, 20]), items),
    ]);
    const { item } = find(result, "org", "q");
    expect(result.waves).toEqual(["2020", "2021", "2026"]);
    expect(item.waves.map((w) => (w.state === "shown" ? w.favourable : null))).toEqual([
      60 / 200,
      80 / 200,
      80 / 200,
    ]);
    expect(item.steps.map((s) => [s.from, s.to])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(tested(compared(item, 0).favourable).change).toBeCloseTo(0.1, 12);
    expect(tested(compared(item, 1).favourable).verdict).toBe("no-clear-change");
  });

  it("compares only the groups asked for (one table at a time)", () => {
    const items = [SCALE_ITEM("q")];
    const both = release([
      group("org", { value: 100 }, [scaleFigures("q", [10, 20, 30, 25, 15])]),
      group("A", { value: 50 }, [scaleFigures("q", [5, 10, 15, 10, 10])]),
    ]);
    const result = compareWaves([wave("w1", both, items), wave("w2", both, items)], {
      only: (g) => g.unitId === "A",
    });
    expect(result.groups.map((g) => g.unitCode)).toEqual(["A"]);
  });

  it("refuses a single wave", () => {
    expect(() => compareWaves([wave("w1", release([]), [])])).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------

describe("a comparison shows nothing that neither release shows (property)", () => {
  const hiddenReason = fc.constantFrom<HiddenReason>("primary", "secondary");
  const groupArb = (unitId: string) =>
    fc.record({
      hidden: fc.option(hiddenReason, { freq: 3 }),
      scale: fc.array(fc.nat(40), { minLength: 5, maxLength: 5 }),
      noAnswer: fc.nat(5),
      choice: fc.tuple(fc.nat(60), fc.nat(60)),
      choiceHidden: fc.boolean(),
      unitId: fc.constant(unitId),
    });
  const releaseArb = fc.tuple(groupArb("org"), groupArb("A"), groupArb("B")).map((specs) =>
    release(
      specs.map((s) => {
        const n = s.scale.reduce((a, b) => a + b, 0) + s.noAnswer;
        if (s.hidden) return group(s.unitId, { hidden: s.hidden }, []);
        const choiceNoAnswer = Math.max(0, n - s.choice[0] - s.choice[1]);
        const choice: ReleaseItem = s.choiceHidden
          ? { key: "c", kind: "single", hidden: "unanimity" }
          : {
              ...choiceFigures("c", { yes: s.choice[0], no: s.choice[1] }, choiceNoAnswer),
            };
        return group(s.unitId, { value: n }, [scaleFigures("q", s.scale, s.noAnswer), choice]);
      }),
    ),
  );

  it("copies every per-wave figure from its release, and compares only where both show it", () => {
    fc.assert(
      fc.property(fc.array(releaseArb, { minLength: 2, maxLength: 3 }), (releases) => {
        const items = [SCALE_ITEM("q"), CHOICE_ITEM("c")];
        const result = compareWaves(releases.map((r, i) => wave(`w${i}`, r, items)));
        for (const comparison of result.groups) {
          comparison.groupIds.forEach((id, waveIndex) => {
            const source = releases[waveIndex]?.groups.find((g) => g.id === id);
            expect(comparison.n[waveIndex]).toEqual(source ? source.n : { absent: true });
          });
          for (const item of comparison.items) {
            item.waves.forEach((figures, waveIndex) => {
              const source = releases[waveIndex]?.groups.find(
                (g) => g.id === comparison.groupIds[waveIndex],
              );
              const published = source?.items.find((candidate) => candidate.key === item.key);
              if (figures.state !== "shown") {
                // No number at all where the release hides or lacks one.
                expect(JSON.stringify(figures)).not.toMatch(/\d/);
                if (source && "hidden" in source.n) expect(figures).toMatchObject({ of: "group" });
                else if (published && "hidden" in published)
                  expect(figures).toEqual({
                    state: "hidden",
                    reason: published.hidden,
                    of: "question",
                  });
                return;
              }
              if (!published || "hidden" in published || !source || "hidden" in source.n)
                throw new Error("a figure the release does not show");
              expect(figures.options).toEqual(published.options);
              expect(figures.n).toBe(source.n.value);
              expect(figures.mean).toBe("mean" in published ? (published.mean ?? null) : null);
              expect(figures.favourable).toBe(
                "favourable" in published ? (published.favourable ?? null) : null,
              );
            });
            for (const step of item.steps) {
              const before = item.waves[step.from];
              const after = item.waves[step.to];
              const bothShown = before?.state === "shown" && after?.state === "shown";
              expect(step.compared).toBe(bothShown);
              if (!step.compared || before?.state !== "shown" || after?.state !== "shown") continue;
              // A change is the difference of two published figures, nothing else.
              for (const option of step.options) {
                const x = before.options.find((o) => o.value === option.value)?.share as number;
                const y = after.options.find((o) => o.value === option.value)?.share as number;
                expect(option.change).toBeCloseTo(y - x, 12);
              }
              if (
                step.favourable?.change != null &&
                before.favourable !== null &&
                after.favourable !== null
              )
                expect(step.favourable.change).toBeCloseTo(
                  after.favourable - before.favourable,
                  12,
                );
              if (step.mean?.change != null && before.mean !== null && after.mean !== null)
                expect(step.mean.change).toBeCloseTo(after.mean - before.mean, 12);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a merge shows the sum of its parts' published counts, or nothing when a part is hidden", () => {
    fc.assert(
      fc.property(releaseArb, releaseArb, (earlier, later) => {
        const items = [SCALE_ITEM("q"), CHOICE_ITEM("c")];
        // The later wave's B is the merge of the earlier A and B (A is also kept by code).
        const result = compareWaves([
          wave("w0", earlier, items),
          wave("w1", later, items, {
            unitMap: [
              { earlier: "A", later: "B" },
              { earlier: "B", later: "B" },
            ],
          }),
        ]);
        const merged = result.groups.find((g) => g.unitCode === "B");
        if (!merged) return;
        const parts = ["A", "B"].map((id) => earlier.groups.find((g) => g.unitId === id));
        // A goes wholly to B and also, by its code, to A: a split, so not the same people.
        expect(merged.population[0]).toMatchObject({ earlier: ["A", "B"], same: false });
        for (const item of merged.items) {
          const figures = item.waves[0];
          const published = parts.map((part) =>
            part && "value" in part.n ? part.items.find((i) => i.key === item.key) : undefined,
          );
          const all = published.every((found) => found && !("hidden" in found));
          if (!all) {
            expect(figures?.state).not.toBe("shown");
            expect(JSON.stringify(figures)).not.toMatch(/\d/);
            continue;
          }
          if (figures?.state !== "shown") throw new Error("every part is published");
          for (const option of figures.options) {
            const sum = published.reduce(
              (total, found) =>
                total +
                (found && "options" in found
                  ? (found.options.find((o) => o.value === option.value)?.count ?? 0)
                  : 0),
              0,
            );
            expect(option.count).toBe(sum);
          }
          const n = parts.reduce((t, p) => t + (p && "value" in p.n ? p.n.value : 0), 0);
          expect(figures.n).toBe(n);
        }
      }),
      { numRuns: 200 },
    );
  });
});
