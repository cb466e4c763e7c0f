import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { isPointOf } from "../../analysis/sequence-answer-moves";
import { type PinSubject, pinnedCounts } from "../../analysis/sequence-answer-pins";
import { ColumnGroups, neighbourhoodPinPoints } from "../../analysis/sequence-answer-points";
import { hiddenPairRows } from "./hidden-pair-rows";

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

describe("pinned counts over the LP cap", () => {
  // Columns: sizes a, b (hidden: a 1..2 at k = 3), a yes, a no, b yes, b no; and an unrelated
  // group c (size, yes, no). The organisation's 7 (yes 3, no 4) is published: a + b = 7 and
  // their counts add up to it.
  const model = {
    lower: [1, 3, 0, 0, 0, 0, 0, 0, 0],
    upper: [2, 7, 7, 7, 7, 7, 10, 10, 10],
    rows: [
      ...hiddenPairRows(),
      { variables: [7, 8, 6], coefficients: [1, 1, -1], lower: 0, upper: 0 },
      { variables: [6], coefficients: [1], lower: 4, upper: 4 },
    ],
    chains: ["a", "b", "a\n0", "a\n1", "b\n0", "b\n1", "c", "c\n0", "c\n1"].map((key) => ({
      key,
      release: 0,
    })),
  };
  const groups = new ColumnGroups(["a", "b", "a", "a", "b", "b", "c", "c", "c"], model.rows);
  const truth = Float64Array.from([2, 5, 1, 1, 2, 3, 4, 2, 2]);
  // a's "yes" count: 1 of a group of 2 at the truth. Not pinned (0..2), but the truth alone
  // shows one value only.
  const subject: PinSubject = {
    groupId: "a",
    from: -1,
    to: 0,
    slot: 0,
    count: { vars: [2], coefs: [1], c: 0 },
    size: { vars: [0], coefs: [1], c: 0 },
  };

  it("settles a count no LP of the question may settle by a neighbourhood point", () => {
    // No LP allowed: with the truth alone, a's count is left unsettled (held against the release).
    const alone = pinnedCounts(highs, model, [subject], truth, { k: 3, lpMaxColumns: 0 });
    expect(alone.unsettled).toEqual([subject]);
    // a's and b's counts free (c held at the truth): a point with another count of a's "yes".
    const stats = { solves: 0 };
    const near = pinnedCounts(highs, model, [subject], truth, {
      k: 3,
      lpMaxColumns: 0,
      near: neighbourhoodPinPoints(highs, model, groups, stats),
    });
    expect(near.unsettled).toEqual([]);
    expect(near.byNear).toBe(1);
    expect(near.pinned).toEqual([]);
    expect(stats.solves).toBeGreaterThan(0);
    // The neighbourhood leaves the unrelated group out: smaller than the question's LP.
    expect(groups.parts(["a"])).toEqual([{ seeds: new Set(["a"]), free: [0, 2, 3, 1, 4, 5] }]);
  });

  it("uses no point that breaks a row of the question", () => {
    // a's "yes" moved to 2 without its "no" or b's counts: a's options add up to 3, not 2.
    const broken = Float64Array.from([2, 5, 2, 1, 2, 3, 4, 2, 2]);
    expect(isPointOf(model, broken)).toBe(false);
    const outcome = pinnedCounts(highs, model, [subject], truth, {
      k: 3,
      lpMaxColumns: 0,
      near: function* () {
        yield broken;
      },
    });
    expect(outcome.unsettled).toEqual([subject]);
    expect(outcome.byNear).toBe(0);
  });
});
