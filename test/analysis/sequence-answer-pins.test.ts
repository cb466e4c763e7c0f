import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { pinnedCounts } from "../../analysis/sequence-answer-pins";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

describe("pinnedCounts", () => {
  it("solves a small group's greatest size once for all its pinned options", () => {
    // A hidden group of size s with options x0 + x1 = s, each given by the releases (1 and 1):
    // both counts pinned, the group small (s = 2 < k = 3).
    const model = {
      lower: [0, 0, 0],
      upper: [10, 10, 10],
      rows: [
        { variables: [1, 2, 0], coefficients: [1, 1, -1], lower: 0, upper: 0 },
        { variables: [1], coefficients: [1], lower: 1, upper: 1 },
        { variables: [2], coefficients: [1], lower: 1, upper: 1 },
      ],
      chains: [
        { key: "s", release: 0 },
        { key: "x0", release: 0 },
        { key: "x1", release: 0 },
      ],
    };
    const size = { vars: [0], coefs: [1], c: 0 };
    const subjects = [0, 1].map((slot) => ({
      groupId: "g",
      from: -1,
      to: 0,
      slot,
      count: { vars: [slot + 1], coefs: [1], c: 0 },
      size,
    }));
    const outcome = pinnedCounts(highs, model, subjects, null, { k: 3, lpMaxColumns: 10 });
    expect(outcome.pinned.map(({ subject, value }) => [subject.slot, value])).toEqual([
      [0, 1],
      [1, 1],
    ]);
    // One push each way, each count's greatest and least, and the group's greatest size once.
    expect(outcome.solves).toBe(7);
  });
});
