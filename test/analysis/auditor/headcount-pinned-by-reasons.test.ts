import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildHeadcountRelease,
  type HeadcountReleaseInput,
  type HeadcountRow,
} from "../../../analysis/headcount-release";
import { auditSystem } from "./audit-release";
import { attackHeadcounts, headcountSystem } from "./headcount-attack";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const LEVELS = ["top", "middle", "higher", "intermediate", "support"];
const DIMENSIONS = [{ key: "gender", values: ["woman", "man", "x"] }];

const row = (unitId: string, level: string, woman: number, man: number, x: number) =>
  ({
    unitId,
    level,
    total: woman + man + x,
    categories: { gender: { woman, man, x } },
  }) satisfies HeadcountRow;

/**
 * Team A holds 12: 4 women, 4 men, 4 x (three groups of fewer than 5) and by level 0, 1, 5, 1,
 * 5. Once its total is hidden, the reasons alone pin it: three "fewer than 5" add up to at
 * most 12, and "fewer than 5" twice plus 5 or more twice to at least 12. Every cell of those
 * equations is hidden already, so hiding more cannot help: the suppressor hid cell after cell
 * and then threw "No publishable cell is left" (UnprotectableReleaseError), as at 1,000 units.
 */
const input: HeadcountReleaseInput = {
  k: 5,
  organisationId: "ORG",
  units: [
    { id: "ORG", parentId: null },
    { id: "T", parentId: "ORG" },
    { id: "A", parentId: "T" },
    { id: "B", parentId: "T" },
  ],
  levels: LEVELS,
  dimensions: DIMENSIONS,
  dates: [
    {
      referenceDate: "2025-12-31",
      rows: [
        row("A", "middle", 1, 0, 0),
        row("A", "higher", 3, 2, 0),
        row("A", "intermediate", 0, 1, 0),
        row("A", "support", 0, 1, 4),
        row("B", "middle", 3, 4, 0),
        row("B", "higher", 6, 7, 0),
        row("B", "intermediate", 5, 4, 0),
        row("B", "support", 20, 18, 1),
        row("T", "top", 3, 4, 0),
      ],
    },
  ],
};

function expectNothingFound(release: ReturnType<typeof buildHeadcountRelease>) {
  const findings = attackHeadcounts(release);
  for (const date of findings.dates) {
    expect(date.findings.publishedSmall).toEqual([]);
    expect(date.findings.recoverable).toEqual([]);
    expect(date.findings.narrow).toEqual([]);
  }
  expect(findings.smallChanges).toEqual([]);
}

/** The true count of a cell of the first date: its unit's subtree, or the unit's own rows. */
function truth(cell: { unitId: string; part: string; level: string | null; value: string | null }) {
  const below = (unitId: string): string[] => [
    unitId,
    ...input.units.filter((u) => u.parentId === unitId).flatMap((u) => below(u.id)),
  ];
  const units = cell.part === "direct" ? [cell.unitId] : below(cell.unitId);
  return (input.dates[0]?.rows ?? [])
    .filter((r) => units.includes(r.unitId) && (cell.level === null || r.level === cell.level))
    .reduce(
      (sum, r) =>
        sum +
        (cell.value === null
          ? r.total
          : (r.categories.gender?.[cell.value as "woman" | "man" | "x"] ?? 0)),
      0,
    );
}

describe("a headcount date the reasons alone would pin", () => {
  it("is released (relabelled, not an error) and the attacker finds nothing", () => {
    const release = buildHeadcountRelease(highs, input);
    const total = release.dates[0]?.cells.find(
      (cell) => cell.unitId === "A" && cell.level === null && cell.dimension === null,
    );
    expect(total?.n).toHaveProperty("hidden");
    expect(release.audit.hiddenProtected).toBeGreaterThan(0);
    expect(release.audit.datesHiddenWhole).toBe(0);
    expectNothingFound(release);
    // A group of 1..k−1 relabelled "protected" must still keep a range of at least k from the
    // values alone: the attacker is told it is small here, so its range is checked as a primary's.
    const system = headcountSystem(release, 0);
    const cells = release.dates[0]?.cells ?? [];
    let small = 0;
    system.cells.forEach((audited, index) => {
      const n = truth(cells[index] as (typeof cells)[number]);
      if (audited.reason === "protected" && n > 0 && n < release.k) {
        audited.reason = "primary";
        small++;
      }
    });
    expect(small).toBeGreaterThan(0);
    expect(auditSystem(system).narrow).toEqual([]);
  });

  it("is released whole hidden, not an error, when the protection itself fails", () => {
    // The last resort: any failure of the protection (here the LP solver) hides every cell of
    // the date as "protected", which is safe whatever the counts.
    const broken = {
      createModel: () => {
        throw new Error("the solver is gone");
      },
    } as unknown as Highs;
    const second = { referenceDate: "2026-12-31", rows: input.dates[0]?.rows ?? [] };
    const shown = buildHeadcountRelease(highs, input);
    const release = buildHeadcountRelease(
      broken,
      { ...input, dates: [...input.dates, second] },
      { release: shown, from: second.referenceDate },
    );
    expect(release.dates[0]).toEqual(shown.dates[0]);
    expect(release.dates[1]?.hiddenWhole).toBe(true);
    expect(release.dates[1]?.cells.every((cell) => "hidden" in cell.n)).toBe(true);
    expect(release.audit.datesHiddenWhole).toBe(1);
    expectNothingFound(release);
  });
});
