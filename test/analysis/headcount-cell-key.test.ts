import { describe, expect, it } from "vitest";
import { headcountCellKey } from "../../analysis/headcount-release";

describe("headcountCellKey", () => {
  // The key links a cell across dates (the two-date rule): two cells sharing one would compare
  // a cell with another cell's earlier count.
  it("gives different cells different keys, whatever their ids hold", () => {
    const cells = [
      { unitId: "a", part: "all", level: null, dimension: null, value: null },
      { unitId: "a", part: "direct", level: null, dimension: null, value: null },
      { unitId: "a", part: "all", level: "top", dimension: null, value: null },
      { unitId: "a", part: "all", level: null, dimension: "top", value: null },
      { unitId: "a", part: "all", level: null, dimension: "gender", value: "x" },
      { unitId: "a", part: "all", level: "-1:", dimension: null, value: null },
      { unitId: "a1:", part: "all", level: null, dimension: null, value: null },
      { unitId: "a-1:", part: "all", level: null, dimension: null, value: null },
      { unitId: "1:aall", part: "all", level: null, dimension: null, value: null },
      { unitId: "", part: "all", level: "a", dimension: null, value: null },
    ] as const;
    const keys = new Set(cells.map((cell) => headcountCellKey(cell)));
    expect(keys.size).toBe(cells.length);
    expect(headcountCellKey({ ...cells[4] })).toBe(headcountCellKey(cells[4]));
  });
});
