import { describe, expect, it } from "vitest";
import { largestClearChanges, measureRows } from "../../client/admin/comparison/comparison-view";
import type {
  ChangeTest,
  GroupComparison,
  ItemComparison,
} from "../../server/contract/comparison-schema";

const tested = (
  change: number,
  verdict: "clearly-better" | "no-clear-change" | "clearly-lower",
): ChangeTest => ({
  polarity: "agreement",
  change,
  ci: [change - 0.01, change + 0.01],
  statistic: 3,
  p: 0.001,
  pAdjusted: 0.002,
  verdict,
});

const shown = (favourable: number, mean: number) => ({
  state: "shown" as const,
  n: 100,
  answered: 100,
  mean,
  favourable,
  options: [],
});

describe("the comparison screen's rows", () => {
  it("shows favourable share and mean for a scale, and the reason where a wave hides the group", () => {
    const item: ItemComparison = {
      key: "climate.respected",
      keys: ["climate.respected", "climate.respected", "climate.respected"],
      kind: "single",
      measure: "scale",
      waves: [
        shown(0.5, 3.3),
        { state: "hidden", reason: "secondary", of: "group" },
        shown(0.6, 3.5),
      ],
      steps: [
        {
          from: 0,
          to: 1,
          compared: false,
          notCompared: { why: "hidden", wave: 1, reason: "secondary" },
        },
        {
          from: 1,
          to: 2,
          compared: false,
          notCompared: { why: "hidden", wave: 1, reason: "secondary" },
        },
      ],
    };
    const rows = measureRows(item);
    expect(rows.map((row) => row.measure)).toEqual(["favourable", "mean"]);
    expect(rows[0]?.values).toEqual([{ value: 0.5 }, { missing: true }, { value: 0.6 }]);
    expect(rows[0]?.steps[0]).toEqual({
      notCompared: { why: "hidden", wave: 1, reason: "secondary" },
    });
  });

  it("puts the largest clear changes first and leaves unclear ones out", () => {
    const item = (key: string, change: number, verdict: "clearly-better" | "no-clear-change") =>
      ({
        key,
        keys: [key, key],
        kind: "single",
        measure: "scale",
        waves: [shown(0.5, 3), shown(0.5 + change, 3)],
        steps: [
          { from: 0, to: 1, compared: true, favourable: tested(change, verdict), options: [] },
        ],
      }) satisfies ItemComparison;
    const group: GroupComparison = {
      unitId: "org",
      part: "all",
      filters: [],
      n: [{ value: 100 }, { value: 100 }],
      population: [{ from: 0, to: 1, same: true }],
      items: [
        item("a", 0.05, "clearly-better"),
        item("b", 0.2, "no-clear-change"),
        item("c", 0.1, "clearly-better"),
      ],
    };
    expect(largestClearChanges(group).map((entry) => entry.item)).toEqual(["c", "a"]);
  });
});
