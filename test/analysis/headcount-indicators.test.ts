import { describe, expect, it } from "vitest";
import { DEFAULT_TARGET_SETS, headcountIndicators } from "../../analysis/headcount-indicators";
import type { HeadcountCell, HeadcountRelease } from "../../analysis/headcount-release";

const cell = (
  level: string | null,
  dimension: string | null,
  value: string | null,
  n: HeadcountCell["n"],
): HeadcountCell => ({ unitId: "ORG", part: "all", level, dimension, value, n });

/** Three dates of one organisation, hand-written as a release would publish them. */
const release: HeadcountRelease = {
  k: 5,
  units: [{ id: "ORG", parentId: null }],
  levels: ["top", "staff"],
  dimensions: [{ key: "gender", values: ["woman", "man"] }],
  dates: [
    {
      referenceDate: "2023-12-31",
      cells: [cell("top", null, null, { value: 20 }), cell("top", "gender", "woman", { value: 6 })],
    },
    {
      referenceDate: "2024-12-31",
      cells: [
        cell("top", null, null, { value: 20 }),
        cell("top", "gender", "woman", { hidden: "secondary" }),
      ],
    },
    {
      referenceDate: "2025-12-31",
      cells: [cell("top", null, null, { value: 25 }), cell("top", "gender", "woman", { value: 9 })],
    },
  ],
  audit: {
    cells: 6,
    hiddenPrimary: 0,
    hiddenSecondary: 1,
    hiddenForChange: 1,
    hiddenProtected: 0,
    datesHiddenWhole: 0,
    lpSolves: 0,
    rounds: 0,
  },
};

describe("headcount indicators", () => {
  const womenTop = DEFAULT_TARGET_SETS["flanders-2020"].filter((spec) => spec.key === "women-top");

  it("computes share, distance to target and the people it means from published figures", () => {
    const [indicator] = headcountIndicators(release, "ORG", womenTop);
    const first = indicator?.points[0];
    expect(first).toMatchObject({ count: 6, staff: 20, share: 0.3, change: null });
    expect(first?.distance).toBeCloseTo(0.1);
    // 40% of 20 is 8 women: 2 more than the 6 there are.
    expect(first?.peopleToTarget).toBe(2);
  });

  it("shows no share where the release hides the count, and no change across a hidden date", () => {
    const [indicator] = headcountIndicators(release, "ORG", womenTop);
    expect(indicator?.points[1]).toMatchObject({ count: null, share: null, peopleToTarget: null });
    // 9 of 25 = 36%; the previous date is hidden, so no change is claimed.
    expect(indicator?.points[2]).toMatchObject({ share: 0.36, change: null, peopleToTarget: 1 });
  });

  it("offers the Flemish 2020 targets and the Brussels disability quota", () => {
    expect(DEFAULT_TARGET_SETS["flanders-2020"].map((spec) => [spec.key, spec.target])).toEqual([
      ["foreign-origin", 0.1],
      ["disability", 0.03],
      ["women-middle", 0.4],
      ["women-top", 0.4],
    ]);
    expect(DEFAULT_TARGET_SETS.brussels).toEqual([
      expect.objectContaining({ dimension: "disability", value: "yes", target: 0.02 }),
    ]);
  });
});
