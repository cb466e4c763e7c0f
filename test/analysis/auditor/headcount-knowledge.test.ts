import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildRelease,
  createResponseMatrix,
  type ReleaseInput,
} from "../../../analysis/build-release";
import type { Release } from "../../../analysis/release-types";
import type { ItemSpec } from "../../../analysis/types";
import { auditRelease } from "./audit-release";

// Issue 14 point 4: published headcounts are attacker knowledge for the survey release. Here a
// unit whose every member answered (10 staff, 10 respondents) beside a unit of 4 respondents.
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
const rows = [
  ...Array.from({ length: 4 }, () => ({ unitId: "small", answers: { q: "a" } })),
  ...Array.from({ length: 10 }, () => ({ unitId: "full", answers: { q: "b" } })),
];
const input = (knownHeadcounts: Record<string, number>): ReleaseInput => ({
  organisationId: "org",
  units: [
    { id: "small", parentId: null },
    { id: "full", parentId: null },
  ],
  items,
  k: 5,
  crosses: [],
  knownHeadcounts,
});
const build = (known: Record<string, number>) => {
  const release = input(known);
  return buildRelease(highs, createResponseMatrix(release, rows), release);
};
const hiddenGroups = (release: Release) =>
  release.groups.filter((group) => "hidden" in group.n).map((group) => group.id);

describe("survey release with published headcounts as attacker knowledge", () => {
  it("is safe without headcounts, leaks once the headcount is known, and hides more with it", () => {
    const without = build({});
    expect(auditRelease(without).recoverable).toEqual([]);
    // The same release read by someone who holds the headcount tables: "full" has 10 staff, so
    // it holds 5..10 respondents, and the organisation's 14 pin "small" to exactly 4.
    const withKnowledge = { ...without, knownHeadcounts: { full: 10 } };
    expect(auditRelease(withKnowledge).recoverable.length).toBeGreaterThan(0);

    const protectedRelease = build({ full: 10 });
    expect(protectedRelease.knownHeadcounts).toEqual({ full: 10 });
    expect(hiddenGroups(protectedRelease).length).toBeGreaterThan(hiddenGroups(without).length);
    expect(auditRelease(protectedRelease)).toEqual({
      publishedSmall: [],
      recoverable: [],
      narrow: [],
      organisationOnlyBroken: false,
    });
  });

  it("drops a headcount its own respondents contradict (staff who joined after the date)", () => {
    const release = build({ full: 8 });
    expect(release.knownHeadcounts).toEqual({});
    expect(auditRelease(release).recoverable).toEqual([]);
  });
});
