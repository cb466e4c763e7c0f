import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildRelease,
  createResponseMatrix,
  type ReleaseInput,
} from "../../analysis/build-release";
import type { CellModel } from "../../analysis/cell-model";
import {
  type HeadcountDateCells,
  headcountCellsExposingSurveys,
  MAX_SURVEY_ROUNDS,
  protectForShownSurveys,
} from "../../analysis/headcount-survey-caps";
import type { Release } from "../../analysis/release-types";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** A survey of two units under the organisation: `small` and `full` respondents. */
function survey(small: number, full: number, openLink = false): Release {
  const input: ReleaseInput = {
    organisationId: "ORG",
    units: [
      { id: "small", parentId: null },
      { id: "full", parentId: null },
    ],
    items: [
      {
        kind: "single",
        key: "q",
        path: ["q"],
        options: ["a", "b"],
        breakdown: false,
        sensitive: false,
      },
    ],
    k: 5,
    openLink,
  };
  const rows = [
    ...Array.from({ length: small }, () => ({ unitId: "small", answers: { q: "a" } })),
    ...Array.from({ length: full }, () => ({ unitId: "full", answers: { q: "b" } })),
  ];
  return buildRelease(highs, createResponseMatrix(input, rows), input);
}

/** Staff totals only: the organisation (0) = small (1) + full (2); `hidden` as given. */
function staffDate(
  small: number,
  full: number,
  hidden: CellModel["hidden"] = [],
): HeadcountDateCells {
  const n = [small + full, small, full];
  return {
    model: {
      k: 5,
      n,
      hidden: n.map((_, cell) => hidden[cell] ?? null),
      equations: [{ total: 0, parts: [1, 2] }],
      upper: n.map(() => Number.POSITIVE_INFINITY),
      cost: n,
    },
    describe: ["ORG", "small", "full"].map((unitId) => ({
      unitId,
      part: "all" as const,
      level: null,
      dimension: null,
    })),
  };
}

describe("headcount cells exposing a survey release shown before them", () => {
  it("names the published staff total that pins a hidden group: everyone of `full` answered", () => {
    const shown = survey(4, 10);
    const found = headcountCellsExposingSurveys(highs, staffDate(10, 10), [shown]);
    expect(found).toMatchObject({ hide: [2], stuck: false });
  });

  it("names nothing when the staff leave room (fewer than all answered) or nothing is hidden", () => {
    expect(headcountCellsExposingSurveys(highs, staffDate(10, 20), [survey(4, 10)]).hide).toEqual(
      [],
    );
    expect(headcountCellsExposingSurveys(highs, staffDate(10, 10), [survey(6, 10)]).hide).toEqual(
      [],
    );
  });

  it("skips an organisation-only release (an open link): it has no group a cap could pin", () => {
    const found = headcountCellsExposingSurveys(highs, staffDate(10, 10), [survey(4, 10, true)]);
    expect(found).toEqual({ hide: [], stuck: false, lpSolves: 0 });
  });

  it("follows a hidden staff total through the tables: the organisation minus the other unit", () => {
    // full's total hidden, but the organisation's 20 and small's 10 published give it exactly.
    const found = headcountCellsExposingSurveys(
      highs,
      staffDate(10, 10, [null, null, "secondary"]),
      [survey(4, 10)],
    );
    expect(found.hide.length).toBe(1);
    expect([0, 1]).toContain(found.hide[0]);
  });

  it("hides the totals a release contradicts (staff who joined after the date answered), without hiding the date whole", () => {
    // 10 answered in `full`, whose staff at the date was 8: no point of the reader's system.
    const found = headcountCellsExposingSurveys(highs, staffDate(10, 8), [survey(4, 10)]);
    expect(found).toMatchObject({ hide: [1, 2], stuck: false });
    // Both hidden, the organisation's 18 leaves them room: nothing is pinned any more.
    const hidden = staffDate(10, 8, [null, "secondary", "secondary"]);
    expect(headcountCellsExposingSurveys(highs, hidden, [survey(4, 10)])).toMatchObject({
      hide: [],
      stuck: false,
    });
  });

  it("hides the date whole when hiding cell by cell does not settle", () => {
    const asked: { keep: number[]; whole: boolean }[] = [];
    const result = protectForShownSurveys(
      highs,
      staffDate(10, 10).describe,
      [survey(4, 10)],
      (keepHidden, whole) => {
        asked.push({ keep: [...keepHidden], whole });
        // A protection that never hides what it is asked to: the exposure never ends.
        return { model: staffDate(10, 10).model, ...(whole ? { hiddenWhole: true } : {}) };
      },
      () => {},
    );
    expect(result.hiddenWhole).toBe(true);
    expect(asked.length).toBe(MAX_SURVEY_ROUNDS + 2);
    expect(asked.at(-1)).toEqual({ keep: [2], whole: true });
  });
});
