import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildRelease,
  createResponseMatrix,
  type ReleaseInput,
} from "../../../analysis/build-release";
import {
  buildHeadcountRelease,
  type HeadcountRelease,
  type HeadcountReleaseInput,
} from "../../../analysis/headcount-release";
import type { Release } from "../../../analysis/release-types";
import type { ItemSpec } from "../../../analysis/types";
import { attackHeadcounts } from "./headcount-attack";
import { attackSurveyWithHeadcounts } from "./headcount-knowledge-joint";
import { arbitraryDate, input as headcountInput } from "./headcount-random-input";

// A survey release readers were shown BEFORE the headcounts of its reference date: its audit
// knew no staff totals, and it is never withdrawn. The headcount date published afterwards must
// not give an attacker holding both what the survey's audit allowed as unknown.
let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const items: ItemSpec[] = [
  {
    kind: "single",
    key: "q",
    path: ["q"],
    options: ["a", "b"],
    breakdown: false,
    sensitive: false,
  },
];

function surveyRelease(
  units: { id: string; parentId: string | null }[],
  respondents: Record<string, number>,
): Release {
  const release: ReleaseInput = {
    organisationId: "ORG",
    units,
    items,
    k: 5,
    crosses: [],
    knownHeadcounts: {},
  };
  const rows = Object.entries(respondents).flatMap(([unitId, count]) =>
    Array.from({ length: count }, (_, i) => ({ unitId, answers: { q: i % 2 ? "a" : "b" } })),
  );
  return buildRelease(highs, createResponseMatrix(release, rows), release);
}

const DATE = "2025-12-31";
const staffRow = (unitId: string, total: number) => ({
  unitId,
  level: "staff",
  total,
  categories: {
    gender: { woman: Math.ceil(total / 2), man: Math.floor(total / 2) },
  },
});
const headcounts: HeadcountReleaseInput = {
  k: 5,
  organisationId: "ORG",
  units: [
    { id: "small", parentId: null },
    { id: "full", parentId: null },
  ],
  levels: ["top", "staff"],
  dimensions: [{ key: "gender", values: ["woman", "man"] }],
  dates: [
    {
      referenceDate: DATE,
      rows: [staffRow("small", 10), staffRow("full", 10)],
    },
  ],
};

const hiddenCells = (release: HeadcountRelease) =>
  release.dates.flatMap((date) => date.cells.filter((cell) => "hidden" in cell.n)).length;

describe("headcounts published after a survey release was shown", () => {
  // Every member of "full" answered (10 of 10 staff), 4 of "small"'s 10: the survey hides both
  // units (the organisation's 14 would give one from the other), safe without headcounts.
  const shownRelease = () => surveyRelease(headcounts.units, { small: 4, full: 10 });

  it("without the check, the staff total of a fully answering unit pins the small group", () => {
    const shown = shownRelease();
    expect(shown.groups.find((group) => group.id === "small/all")?.n).toEqual({
      hidden: "primary",
    });
    const release = buildHeadcountRelease(highs, headcounts);
    expect(attackSurveyWithHeadcounts(shown, release, DATE).recoverable).toEqual([
      { groupId: "full/all", value: 10 },
      { groupId: "small/all", value: 4 },
    ]);
  });

  it("with the shown release passed in, the date hides what would pin it, and stays safe itself", () => {
    const shown = shownRelease();
    const plain = buildHeadcountRelease(highs, headcounts);
    const release = buildHeadcountRelease(highs, headcounts, undefined, {
      shownSurveys: (referenceDate) => (referenceDate === DATE ? [shown] : []),
    });
    expect(attackSurveyWithHeadcounts(shown, release, DATE)).toEqual({
      publishedSmall: [],
      recoverable: [],
      narrow: [],
    });
    const full = release.dates[0]?.cells.find(
      (cell) => cell.unitId === "full" && cell.level === null && cell.dimension === null,
    );
    expect(full?.n).toEqual({ hidden: "secondary" });
    expect(hiddenCells(release)).toBeGreaterThan(hiddenCells(plain));
    const own = attackHeadcounts(release);
    for (const date of own.dates) {
      expect(date.findings.recoverable).toEqual([]);
      expect(date.findings.narrow).toEqual([]);
      expect(date.findings.publishedSmall).toEqual([]);
    }
  });

  it("leaves the date as it was when no shown release is exposed", () => {
    const safe = surveyRelease(headcounts.units, { small: 6, full: 6 });
    const plain = buildHeadcountRelease(highs, headcounts);
    const release = buildHeadcountRelease(highs, headcounts, undefined, {
      shownSurveys: () => [safe],
    });
    expect(release.dates).toEqual(plain.dates);
  });

  it("random organisations: nothing of a shown survey release follows once the date is published", () => {
    const units = headcountInput([]).units;
    // Runs whose tables the shown release changed: the property must not hold only vacuously.
    let changed = 0;
    fc.assert(
      fc.property(
        arbitraryDate,
        // Often everyone of a unit answered: that is when its staff total caps the most.
        fc.array(fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })), {
          minLength: 5,
          maxLength: 5,
        }),
        (entries, shares) => {
          const input = headcountInput([entries]);
          const date = input.dates[0] as (typeof input.dates)[number];
          // Respondents per unit: a share of the unit's own staff (never more than its staff).
          const staff = new Map<string, number>();
          for (const row of date.rows)
            staff.set(row.unitId, (staff.get(row.unitId) ?? 0) + row.total);
          const respondents = Object.fromEntries(
            units.map((unit, index) => [
              unit.id,
              Math.round((staff.get(unit.id) ?? 0) * (shares[index] as number)),
            ]),
          );
          const shown = surveyRelease(units, respondents);
          const release = buildHeadcountRelease(highs, input, undefined, {
            shownSurveys: () => [shown],
          });
          const plain = buildHeadcountRelease(highs, input);
          if (JSON.stringify(release.dates) !== JSON.stringify(plain.dates)) changed++;
          const found = attackSurveyWithHeadcounts(shown, release, date.referenceDate);
          expect(found.recoverable).toEqual([]);
          expect(found.narrow).toEqual([]);
          const own = attackHeadcounts(release);
          for (const one of own.dates) {
            expect(one.findings.recoverable).toEqual([]);
            expect(one.findings.narrow).toEqual([]);
          }
        },
      ),
      { numRuns: 40, seed: 14 },
    );
    expect(changed).toBeGreaterThan(0);
  });
});
