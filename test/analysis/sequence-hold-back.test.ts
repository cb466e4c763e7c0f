import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditReleaseSequence } from "../../analysis/audit-release-sequence";
import {
  buildRelease,
  createResponseMatrix,
  type ReleaseInput,
} from "../../analysis/build-release";
import {
  buildSequencedRelease,
  groupsToHoldBack,
  knownGroups,
} from "../../analysis/build-sequenced-release";
import { trueGroupCounts } from "../../analysis/true-group-counts";
import type { ResponseRow } from "../../analysis/types";
import { leastCountSequence } from "./least-count-fixture";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** Two units under the organisation, one dimension of two values; 80 respondents, 20 per cell. */
const input: ReleaseInput = {
  organisationId: "org",
  units: [
    { id: "a", parentId: null },
    { id: "b", parentId: null },
  ],
  items: [
    {
      kind: "single",
      key: "dim0",
      path: ["dim0"],
      options: ["v0", "v1"],
      breakdown: true,
      sensitive: false,
    },
  ],
  k: 5,
};
const rows: ResponseRow[] = Array.from({ length: 80 }, (_, i) => ({
  unitId: i % 2 ? "a" : "b",
  answers: { dim0: i % 4 < 2 ? "v0" : "v1" },
}));

describe("holding back groups of a candidate release", () => {
  it("frees a pinned hidden group in every relation holding it, not in one of them", () => {
    // a/all/dim0=v0 is hidden but every other group is published: it follows from its unit's
    // total (a/all − a/all/dim0=v1) and from its value's total (org − b). One more hidden
    // group in only one of the two relations leaves it pinned by the other.
    const release = buildRelease(highs, createResponseMatrix(input, rows), input);
    const pinned = release.groups.find((group) => group.id === "a/all/dim0=v0");
    if (!pinned) throw new Error("fixture: no a/all/dim0=v0");
    pinned.n = { hidden: "secondary" };
    const more = groupsToHoldBack(
      release,
      [{ kind: "exact", groupId: "a/all/dim0=v0", from: 0, to: 1 }],
      new Set(),
    );
    expect(more).toContain("b/all/dim0=v0"); // its value's total: org/all/dim0=v0 = a + b
    expect(more).toContain("a/all/dim0=v1"); // its unit's total: a/all = v0 + v1 (+ no answer)
    expect(more).not.toContain("org/all"); // the organisation's total is never held back
  });

  it("looks for a partner in the relations of the hidden members when a pinned group's own relations have none left", () => {
    // a/all/dim0=v0 is pinned with every other member of its two relations hidden already (as
    // on the benchmark, where a newcomer's group sat among groups hidden since earlier
    // releases): the pin comes through a/all and b/all/dim0=v0, whose own relations still
    // publish b/all and b/all/dim0=v1.
    const release = buildRelease(highs, createResponseMatrix(input, rows), input);
    for (const group of release.groups) {
      if (
        ["a/all/dim0=v0", "a/all", "a/all/dim0=v1", "org/all/dim0=v0", "b/all/dim0=v0"].includes(
          group.id,
        )
      )
        group.n = { hidden: "secondary" };
    }
    const more = groupsToHoldBack(
      release,
      [{ kind: "exact", groupId: "a/all/dim0=v0", from: 0, to: 1 }],
      new Set(),
    );
    expect(more).toContain("b/all"); // org/all = a/all + b/all
    expect(more).toContain("b/all/dim0=v1"); // b/all = b/all/dim0=v0 + b/all/dim0=v1
    expect(more).not.toContain("org/all");
  });

  it("prefers a partner that grew by k or more since the last shown release: it can make room", () => {
    const release = buildRelease(highs, createResponseMatrix(input, rows), input);
    const pinned = release.groups.find((group) => group.id === "a/all/dim0=v0");
    if (!pinned) throw new Error("fixture: no a/all/dim0=v0");
    pinned.n = { hidden: "secondary" };
    const finding = [{ kind: "exact" as const, groupId: "a/all/dim0=v0", from: 0, to: 1 }];
    // Its value's relation org/all/dim0=v0 = a + b: the total (40) or b (20); b is smaller.
    expect(groupsToHoldBack(release, finding, new Set())).toContain("b/all/dim0=v0");
    // If only the total grew since, b cannot move (the reader knows it never went down).
    const grown = (id: string) => (id === "org/all/dim0=v0" ? 7 : 0);
    const more = groupsToHoldBack(release, finding, new Set(), { grown });
    expect(more).toContain("org/all/dim0=v0");
    expect(more).not.toContain("b/all/dim0=v0");
  });

  it("frees a count of an earlier release pinned from above with a partner that can move down, or the relation's total", () => {
    const release = buildRelease(highs, createResponseMatrix(input, rows), input);
    // a/all/dim0=v0 of the first release is pinned: the candidate bounds its relations' members
    // from above. b/all/dim0=v0 (20) did not grow, so hidden it could not move down: in
    // org/all/dim0=v0 = a + b only the total (moving up) makes room.
    const pinned = release.groups.find((group) => group.id === "a/all/dim0=v0");
    if (!pinned) throw new Error("fixture: no a/all/dim0=v0");
    pinned.n = { hidden: "secondary" };
    const earlier = [{ kind: "exact" as const, groupId: "a/all/dim0=v0", from: 0, to: 1 }];
    const more = groupsToHoldBack(release, earlier, new Set(), { candidate: 2, grown: () => 0 });
    expect(more).toContain("org/all/dim0=v0");
    expect(more).not.toContain("b/all/dim0=v0");
    // One that grew by 3 (to 23) can move down by 3: it is chosen.
    const grown = (id: string) => (id === "b/all/dim0=v0" ? 3 : 0);
    expect(groupsToHoldBack(release, earlier, new Set(), { candidate: 2, grown })).toContain(
      "b/all/dim0=v0",
    );
    // Pinned in the candidate itself (no direction known), the smallest is chosen as before.
    const own = [{ ...earlier[0], to: 2 }] as typeof earlier;
    expect(groupsToHoldBack(release, own, new Set(), { candidate: 2, grown: () => 0 })).toContain(
      "b/all/dim0=v0",
    );
  });

  it("hides groups that grew by 1..k−1 since a shown release from the first round", () => {
    const matrix = createResponseMatrix(input, rows);
    const first = buildSequencedRelease(highs, matrix, input, []);
    // Six newcomers in unit a: four v0, two v1. Unit a and the organisation grew by 6 (may be
    // shown), their v0 and v1 groups by 4 and 2 (must not be).
    for (let i = 0; i < 6; i++)
      matrix.append({ unitId: "a", answers: { dim0: i < 4 ? "v0" : "v1" } });
    const next = buildSequencedRelease(highs, matrix, input, [first.release], {
      truths: [first.truth],
    });
    expect(next.passes).toBe(true);
    expect(next.rounds).toBe(1); // found from the true counts, not after a build and an audit
    const shown = new Map(next.release.groups.map((group) => [group.id, group.n]));
    for (const id of ["a/all/dim0=v0", "a/all/dim0=v1", "org/all/dim0=v0", "org/all/dim0=v1"])
      expect(shown.get(id)).toHaveProperty("hidden");
    expect(shown.get("org/all")).toEqual({ value: 86 });
    expect(shown.get("a/all")).toEqual({ value: 46 });
  });
});

describe("groups the reader already knows are not counted on as protection", () => {
  /** Units a, b and c; 20 per unit and value in a and b, nobody in c at the first release. */
  const threeUnits: ReleaseInput = {
    ...input,
    units: [...input.units, { id: "c", parentId: null }],
  };
  const people = (unitId: string, value: string, count: number): ResponseRow[] =>
    Array.from({ length: count }, () => ({ unitId, answers: { dim0: value } }));
  const firstRows = [
    ...people("a", "v0", 20),
    ...people("a", "v1", 20),
    ...people("b", "v0", 20),
    ...people("b", "v1", 20),
  ];
  // Then five newcomers in a (three v0, two v1) and one in c: c/all goes from 0 to 1.
  const newcomers = [...people("a", "v0", 3), ...people("a", "v1", 2), ...people("c", "v0", 1)];

  it("knows a group unchanged since a shown release published it, or whose parts' least values sum to it", () => {
    const matrix = createResponseMatrix(threeUnits, firstRows);
    const first = buildSequencedRelease(highs, matrix, threeUnits, []);
    for (const row of newcomers) matrix.append(row);
    const truth = trueGroupCounts(matrix, threeUnits);
    const known = knownGroups([first.release], truth);
    expect(known).toContain("b/all");
    expect(known).toContain("b/all/dim0=v0");
    expect(known).not.toContain("a/all"); // grew by 5
    expect(known).not.toContain("c/all"); // 0 is never counted: nothing to hide
    // A total hidden in the shown release is known through its published parts.
    const hiddenTotal = structuredClone(first.release);
    for (const group of hiddenTotal.groups)
      if (group.id === "b/all") group.n = { hidden: "secondary" };
    expect(knownGroups([hiddenTotal], truth)).toContain("b/all");
  });

  it("protects a newcomer's group with a group that grew, where the old protection took an unchanged one that pins the newcomer", () => {
    const matrix = createResponseMatrix(threeUnits, firstRows);
    const first = buildSequencedRelease(highs, matrix, threeUnits, []);
    for (const row of newcomers) matrix.append(row);
    const shown = [first.release];
    // The old protection: c/all (1, hidden as primary) needs a complementary cell in
    // org = a + b + c, and the cheapest is b/all, which did not change since it was
    // published. A reader knows b/all ≥ 40, so c/all = org − a − b ≤ 1: the newcomer is pinned.
    const changed = new Set(
      first.release.groups.flatMap((group) => {
        if (!("value" in group.n) || group.id === "org/all") return [];
        const d = (trueGroupCounts(matrix, threeUnits).get(group.id) ?? 0) - group.n.value;
        return d >= 1 && d < threeUnits.k ? [group.id] : [];
      }),
    );
    const old = buildRelease(highs, matrix, threeUnits, { alsoHide: changed });
    expect(old.groups.find((group) => group.id === "b/all")?.n).toEqual({ hidden: "secondary" });
    const oldAudit = auditReleaseSequence(highs, [...shown, old], {
      sensitiveItems: new Set(),
      minCommentGroup: 10,
    });
    expect(oldAudit.findings).toContainEqual(
      expect.objectContaining({ kind: "exact", groupId: "c/all", from: 0, to: 1 }),
    );
    // Now: b/all is known, so a/all (grown by 5) protects c/all, and the first round is served.
    const next = buildSequencedRelease(highs, matrix, threeUnits, shown, {
      truths: [first.truth],
      stackedUpTo: 0,
    });
    expect(next.passes).toBe(true);
    expect(next.rounds).toBe(1);
    const figures = new Map(next.release.groups.map((group) => [group.id, group.n]));
    expect(figures.get("b/all")).toEqual({ value: 40 });
    expect(figures.get("a/all")).toHaveProperty("hidden");
    expect(figures.get("c/all")).toHaveProperty("hidden");
    // The stacked system (every unknown of both releases, no true counts) agrees.
    const stacked = auditReleaseSequence(highs, [...shown, next.release], {
      sensitiveItems: new Set(),
      minCommentGroup: 10,
    });
    expect(stacked.method).toBe("stacked");
    expect(stacked.findings).toEqual([]);
  });
});

describe("the candidate's protection knows the least count a reader allows", () => {
  it("serves in the first round a release whose protection, blind to those least counts, pins an earlier count", () => {
    // Ten newcomers in one department after the first release.
    const { shown, served: last, blind } = leastCountSequence(highs);
    expect(shown).toHaveLength(1);
    const rules = { sensitiveItems: new Set<string>(), minCommentGroup: 10 };
    expect(auditReleaseSequence(highs, [...shown, blind], rules).findings).not.toEqual([]);
    // With them the first round is served, and the stacked system agrees.
    expect(last.passes).toBe(true);
    expect(last.rounds).toBe(1);
    const stacked = auditReleaseSequence(highs, [...shown, last.release], rules);
    expect(stacked.method).toBe("stacked");
    expect(stacked.findings).toEqual([]);
  });
});
