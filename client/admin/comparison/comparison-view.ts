import type {
  ChangeTest,
  GroupComparison,
  ItemComparison,
  NotCompared,
} from "../../../server/contract/comparison-schema";

/** One measured line of a question in a comparison: its value per wave and each step's test. */
export interface MeasureRow {
  /** "favourable", "mean", or an option's value (null is "no answer"). */
  measure: "favourable" | "mean" | { option: string | null };
  /** Per wave: the published value, or why there is none. */
  values: ({ value: number } | { missing: true })[];
  /** Per consecutive pair of waves. */
  steps: ({ test: ChangeTest } | { notCompared: NotCompared } | { untested: true })[];
}

/**
 * The rows a question shows: favourable share and mean for an agreement scale, each answer's
 * share for other questions. Values are the releases' own; a step carries the comparison's test
 * or the reason it was not compared.
 */
export function measureRows(item: ItemComparison): MeasureRow[] {
  const value = (wave: number, pick: (shown: Shown) => number | null | undefined) => {
    const figures = item.waves[wave];
    if (figures?.state !== "shown") return { missing: true } as const;
    const found = pick(figures);
    return found === null || found === undefined ? ({ missing: true } as const) : { value: found };
  };
  const stepOf = (pick: (step: Compared) => ChangeTest | undefined) =>
    item.steps.map((step) => {
      if (!step.compared) return { notCompared: step.notCompared };
      const test = pick(step);
      return test ? { test } : ({ untested: true } as const);
    });
  const waves = item.waves.map((_, index) => index);
  if (item.measure === "scale") {
    const rows: MeasureRow[] = [
      {
        measure: "favourable",
        values: waves.map((wave) => value(wave, (shown) => shown.favourable)),
        steps: stepOf((step) => step.favourable),
      },
    ];
    if (item.waves.some((figures) => figures.state === "shown" && figures.mean !== null)) {
      rows.push({
        measure: "mean",
        values: waves.map((wave) => value(wave, (shown) => shown.mean)),
        steps: stepOf((step) => step.mean),
      });
    }
    return rows;
  }
  const options: (string | null)[] = [];
  for (const figures of item.waves) {
    if (figures.state !== "shown") continue;
    for (const option of figures.options) {
      if (option.value !== null && !options.includes(option.value)) options.push(option.value);
    }
  }
  return options.map((option) => ({
    measure: { option },
    values: waves.map((wave) =>
      value(wave, (shown) => shown.options.find((entry) => entry.value === option)?.share),
    ),
    steps: stepOf((step) => step.options.find((entry) => entry.value === option)?.test),
  }));
}
type Shown = Extract<ItemComparison["waves"][number], { state: "shown" }>;
type Compared = Extract<ItemComparison["steps"][number], { compared: true }>;

const CLEAR = new Set(["clearly-better", "clearly-worse", "clearly-higher", "clearly-lower"]);

/** The clear changes of a group's last step, largest first (in percentage points or scale points). */
export function largestClearChanges(group: GroupComparison, limit = 5) {
  const found: { item: string; measure: MeasureRow["measure"]; test: ChangeTest }[] = [];
  for (const item of group.items) {
    for (const row of measureRows(item)) {
      const last = row.steps.at(-1);
      if (last && "test" in last && CLEAR.has(last.test.verdict)) {
        found.push({ item: item.key, measure: row.measure, test: last.test });
      }
    }
  }
  // Shares and means are not on one scale: a share's change counts in points (× 100), a mean's
  // in scale points (× 25 puts one point of a 5-point scale near 25 percentage points).
  const size = (entry: (typeof found)[number]) =>
    Math.abs(entry.test.change ?? 0) * (entry.measure === "mean" ? 25 : 100);
  return found.sort((a, b) => size(b) - size(a)).slice(0, limit);
}

/** A group's identity across answers: unit, part and filters. */
export function groupKey(group: Pick<GroupComparison, "unitId" | "part" | "filters">): string {
  return [
    group.unitId,
    group.part,
    ...group.filters.map((filter) => `${filter.dimension}=${filter.value ?? ""}`),
  ].join("|");
}
