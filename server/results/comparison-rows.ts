import type { HiddenReason } from "../../analysis/release-types";
import type {
  ChangeTest,
  ComparisonAnswer,
  NotCompared,
  WaveItemFigures,
} from "../contract/comparison-schema";

/** A figure of one wave as an export writes it: a published number, or why there is none. */
export type SideFigure = { value: number } | { hidden: HiddenReason } | { absent: true } | null;

/**
 * One line of a comparison export: a group, a question, what is measured (the favourable
 * share, the mean or one answer's share) and one step between two waves. Every value is the
 * comparison answer's (itself the releases' figures and tests on them); nothing is computed here.
 */
export interface ComparisonLine {
  unitId: string;
  part: "all" | "direct";
  filters: { dimension: string; value: string | null }[];
  item: string;
  measure: "favourable" | "mean" | "option" | null;
  option: string | null;
  from: number;
  to: number;
  nFrom: SideFigure;
  nTo: SideFigure;
  valueFrom: SideFigure;
  valueTo: SideFigure;
  test: ChangeTest | null;
  notCompared: NotCompared | null;
}

function side(figures: WaveItemFigures | undefined, pick: (shown: ShownFigures) => number | null) {
  if (!figures) return null;
  if (figures.state === "hidden") return { hidden: figures.reason };
  if (figures.state === "absent") return { absent: true } as const;
  const value = pick(figures);
  return value === null ? null : { value };
}
type ShownFigures = Extract<WaveItemFigures, { state: "shown" }>;

/** The lines of a comparison, group by group, question by question, step by step. */
export function comparisonLines(answer: ComparisonAnswer): ComparisonLine[] {
  const lines: ComparisonLine[] = [];
  for (const group of answer.groups) {
    const nOf = (wave: number): SideFigure => {
      const n = group.n[wave];
      if (!n) return null;
      return "absent" in n ? { absent: true } : n;
    };
    for (const item of group.items) {
      for (const step of item.steps) {
        const base = {
          unitId: group.unitId,
          part: group.part,
          filters: group.filters,
          item: item.key,
          from: step.from,
          to: step.to,
          nFrom: nOf(step.from),
          nTo: nOf(step.to),
        };
        const before = item.waves[step.from];
        const after = item.waves[step.to];
        if (!step.compared) {
          lines.push({
            ...base,
            measure: null,
            option: null,
            valueFrom: null,
            valueTo: null,
            test: null,
            notCompared: step.notCompared,
          });
          continue;
        }
        if (step.favourable) {
          lines.push({
            ...base,
            measure: "favourable",
            option: null,
            valueFrom: side(before, (shown) => shown.favourable),
            valueTo: side(after, (shown) => shown.favourable),
            test: step.favourable,
            notCompared: null,
          });
        }
        if (step.mean) {
          lines.push({
            ...base,
            measure: "mean",
            option: null,
            valueFrom: side(before, (shown) => shown.mean),
            valueTo: side(after, (shown) => shown.mean),
            test: step.mean,
            notCompared: null,
          });
        }
        for (const option of step.options) {
          if (!option.test) continue;
          const share = (shown: ShownFigures) =>
            shown.options.find((entry) => entry.value === option.value)?.share ?? null;
          lines.push({
            ...base,
            measure: "option",
            option: option.value,
            valueFrom: side(before, share),
            valueTo: side(after, share),
            test: option.test,
            notCompared: null,
          });
        }
      }
    }
  }
  return lines;
}
