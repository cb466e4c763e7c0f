import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Figure } from "../../analysis/release-types";
import { suppressParticipation } from "../../analysis/suppress-participation";

const value = (figure: Figure | undefined) =>
  figure && "value" in figure ? figure.value : undefined;

describe("live participation counters", () => {
  it("hides a unit under k and a sibling, so the parent minus shown units is not under k", () => {
    const units = [
      { id: "a", parentId: null },
      { id: "b", parentId: null },
      { id: "c", parentId: null },
    ];
    const result = suppressParticipation({
      organisationId: "org",
      units,
      respondentsByUnit: new Map([
        ["a", 2],
        ["b", 40],
        ["c", 9],
      ]),
      k: 5,
    });
    const byId = new Map(result.map((row) => [row.unitId, row]));
    expect(byId.get("org")?.respondents).toEqual({ value: 51 });
    expect(byId.get("a")?.respondents).toEqual({ hidden: "primary" });
    expect(byId.get("c")?.respondents).toEqual({ hidden: "secondary" });
    expect(byId.get("b")?.respondents).toEqual({ value: 40 });
  });

  it("treats respondents attached to a parent unit as a part of it", () => {
    const result = suppressParticipation({
      organisationId: "org",
      units: [
        { id: "fac", parentId: null },
        { id: "dep", parentId: "fac" },
      ],
      respondentsByUnit: new Map([
        ["fac", 3],
        ["dep", 30],
      ]),
      k: 5,
    });
    const byId = new Map(result.map((row) => [row.unitId, row]));
    expect(byId.get("fac")?.direct).toEqual({ hidden: "primary" });
    // fac (33) − dep (30) would give the 3 direct respondents: one of them must go.
    const shown = [byId.get("fac")?.respondents, byId.get("dep")?.respondents].filter(
      (figure) => value(figure) !== undefined,
    );
    expect(shown.length).toBeLessThan(2);
  });

  it("never shows a count under k nor a parent-minus-shown-children remainder under k", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(8), fc.nat(30)), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 3, max: 10 }),
        (spec, k) => {
          const units = spec.map(([parent], index) => ({
            id: `u${index}`,
            parentId: index === 0 || parent >= index ? null : `u${parent}`,
          }));
          const counts = new Map(spec.map(([, count], index) => [`u${index}`, count]));
          const result = suppressParticipation({
            organisationId: "org",
            units,
            respondentsByUnit: counts,
            k,
          });
          const byId = new Map(result.map((row) => [row.unitId, row]));
          for (const row of result) {
            const shown = value(row.respondents);
            if (shown !== undefined) expect(shown === 0 || shown >= k).toBe(true);
            if (shown === undefined) continue;
            const children = units.filter(
              (unit) => (unit.parentId ?? "org") === row.unitId && unit.id !== row.unitId,
            );
            if (children.length === 0) continue;
            const shownChildren = children
              .map((child) => value(byId.get(child.id)?.respondents))
              .filter((count): count is number => count !== undefined);
            const directShown = value(row.direct);
            const remainder = shown - shownChildren.reduce((a, b) => a + b, 0) - (directShown ?? 0);
            expect(remainder === 0 || remainder >= k).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
