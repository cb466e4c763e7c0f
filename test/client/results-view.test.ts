import { describe, expect, it } from "vitest";
import { headlines } from "../../client/admin/results/campaign-overview";
import { rowsForView } from "../../client/admin/results/release-view";
import { groupedComments } from "../../client/admin/results/results-comments";
import type { ReleaseGroup } from "../../server/contract/release-schema";

const option = (value: string | null, count: number, n: number) => ({
  value,
  count,
  share: count / n,
});

describe("the results overview", () => {
  it("ranks statements by agreement and says the top answer's share among those who answered", () => {
    const n = 1800;
    const group: ReleaseGroup = {
      id: "g",
      unitId: "org",
      part: "all",
      filters: [],
      n: { value: n },
      items: [
        {
          key: "matters",
          kind: "single",
          options: [
            option("1", 27, n),
            option("2", 53, n),
            option("3", 103, n),
            option("4", 757, n),
            option("5", 860, n),
            option(null, 0, n),
          ],
          mean: 4.3,
          favourable: 1617 / 1800,
        },
        {
          key: "think",
          kind: "single",
          options: [option("1", 300, n), option("5", 100, n), option(null, 1400, n)],
          mean: 2,
          favourable: 0.25,
        },
        { key: "sensitive", kind: "single", hidden: "unanimity" },
        { key: "seen", kind: "multi", options: [option("yes", 10, n)] },
      ],
    };
    const ranked = headlines(group);
    expect(ranked.map((entry) => entry.key)).toEqual(["matters", "think"]);
    expect(ranked[0]?.top).toBeCloseTo(860 / 1800, 12);
    // "Strongly" among those who answered: 100 of 400, not 100 of 1,800.
    expect(ranked[1]?.top).toBe(0.25);
    expect(headlines(undefined)).toEqual([]);
  });
});

describe("the results table", () => {
  it("lists the 'no answer' group after every real answer", () => {
    const group = (value: string | null): ReleaseGroup => ({
      id: String(value),
      unitId: "u",
      part: "all",
      filters: [{ dimension: "gender", value }],
      n: { value: 10 },
      items: [],
    });
    const rows = rowsForView({
      choice: {
        table: { id: "dimension:gender", dimensions: ["gender"] },
        unitId: "u",
        part: "all",
      },
      groups: [group(null), group("man"), group("woman")],
      unitGroups: [],
      tree: [],
      // The release lists "no answer" first; the screen must not.
      dimensionValues: () => [null, "woman", "man"],
      texts: {
        everyone: "all",
        wholeUnit: (unit) => unit,
        directlyIn: (unit) => unit,
        unitName: (id) => id,
        value: (_, value) => value ?? "no answer",
      },
    });
    expect(rows.map((row) => row.label)).toEqual(["woman", "man", "no answer"]);
  });
});

describe("comments", () => {
  it("groups identical comments with their count, the most frequent first", () => {
    expect(groupedComments(["b", "a", "b", "c", "b", "a"])).toEqual([
      { text: "b", count: 3 },
      { text: "a", count: 2 },
      { text: "c", count: 1 },
    ]);
    expect(groupedComments([])).toEqual([]);
  });
});
