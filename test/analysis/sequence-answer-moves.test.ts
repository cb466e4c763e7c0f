import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { pinnedCounts } from "../../analysis/sequence-answer-pins";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

// Moved points settling checks in released tables: sequence-answers.test.ts ("moved answers").
describe("points of moved answers (pinned checks)", () => {
  it("are checked against every row before they settle anything", () => {
    // x + y = 4 (a published total), both hidden; truth x = 1, y = 3; is x pinned? A "point" with
    // x = 2, y = 3 breaks the row and must not show x open.
    const model = {
      lower: [0, 0],
      upper: [4, 4],
      rows: [{ variables: [0, 1], coefficients: [1, 1], lower: 4, upper: 4 }],
      chains: [
        { key: "x", release: 0 },
        { key: "y", release: 0 },
      ],
    };
    const subject = {
      groupId: "x",
      from: -1,
      to: 0,
      slot: 0,
      count: { vars: [0], coefs: [1], c: 0 },
    };
    const truthPoint = Float64Array.from([1, 3]);
    const broken = () => [Float64Array.from([2, 3])];
    const rejected = pinnedCounts(highs, model, [subject], truthPoint, {
      k: 3,
      lpMaxColumns: 0,
      moves: broken,
    });
    expect(rejected.byMoves).toBe(0);
    expect(rejected.unsettled).toEqual([subject]);
    const feasible = () => [Float64Array.from([2, 2])];
    const settled = pinnedCounts(highs, model, [subject], truthPoint, {
      k: 3,
      lpMaxColumns: 0,
      moves: feasible,
    });
    expect(settled.byMoves).toBe(1);
    expect(settled.unsettled).toEqual([]);
  });
});
