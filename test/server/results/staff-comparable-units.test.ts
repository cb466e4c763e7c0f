import { describe, expect, it } from "vitest";
import { staffComparableUnits } from "../../../server/results/staff-comparable-units";

// A rate or a composition share compares respondents with staff only where both count the same
// people: same sub-units on both sides, and nobody on staff who could not answer.
const tree = [
  { id: "org", parentId: null },
  { id: "fac", parentId: "org" },
  { id: "d1", parentId: "fac" },
  { id: "d2", parentId: "fac" },
  { id: "hr", parentId: "org" },
];
const none = new Set<string>();

describe("staffComparableUnits", () => {
  it("takes every unit when the campaign covered all of them and the trees agree", () => {
    const covered = new Set(["fac", "d1", "d2", "hr"]);
    expect(
      staffComparableUnits({
        campaignUnits: tree,
        headcountUnits: tree,
        covered,
        withDirectStaff: none,
      }),
    ).toEqual(new Set(["org", "fac", "d1", "d2", "hr"]));
  });

  it("takes a parent the campaign did not offer only when nobody is on its staff directly", () => {
    const covered = new Set(["d1", "d2", "hr"]);
    const args = { campaignUnits: tree, headcountUnits: tree, covered };
    expect(staffComparableUnits({ ...args, withDirectStaff: none }).has("fac")).toBe(true);
    const direct = staffComparableUnits({ ...args, withDirectStaff: new Set(["fac"]) });
    expect(direct.has("fac")).toBe(false);
    expect(direct.has("org")).toBe(false);
    expect(direct.has("d1")).toBe(true);
  });

  it("leaves out a unit with a sub-unit left out of the campaign, and everything above it", () => {
    const covered = new Set(["fac", "d1", "hr"]);
    const campaignUnits = tree.filter((unit) => unit.id !== "d2");
    const result = staffComparableUnits({
      campaignUnits,
      headcountUnits: tree,
      covered,
      withDirectStaff: none,
    });
    expect(result).toEqual(new Set(["d1", "hr"]));
  });

  it("leaves out a unit whose sub-units moved between the campaign's opening and the headcounts", () => {
    const moved = tree.map((unit) => (unit.id === "d2" ? { ...unit, parentId: "hr" } : unit));
    const covered = new Set(["fac", "d1", "d2", "hr"]);
    const result = staffComparableUnits({
      campaignUnits: tree,
      headcountUnits: moved,
      covered,
      withDirectStaff: none,
    });
    expect(result).toEqual(new Set(["d1", "d2"]));
  });

  it("leaves out units the headcounts do not know", () => {
    const covered = new Set(["fac", "d1", "d2", "hr"]);
    const result = staffComparableUnits({
      campaignUnits: tree,
      headcountUnits: tree.filter((unit) => unit.id !== "hr"),
      covered,
      withDirectStaff: none,
    });
    expect(result).toEqual(new Set(["fac", "d1", "d2"]));
  });
});
