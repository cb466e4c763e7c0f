import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildRelease,
  createResponseMatrix,
  type SuppressionStrategy,
} from "../../../analysis/build-release";
import type { Release, ReleaseGroup } from "../../../analysis/release-types";
import { type RandomCampaign, randomCampaign } from "../random-campaign";
import { auditRelease } from "./audit-release";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const build = ({ input, rows }: RandomCampaign, strategy?: SuppressionStrategy) =>
  buildRelease(highs, createResponseMatrix(input, rows), input, { strategy });

const clean = (release: Release) => {
  const findings = auditRelease(release);
  return (
    findings.publishedSmall.length === 0 &&
    findings.recoverable.length === 0 &&
    findings.narrow.length === 0 &&
    !findings.organisationOnlyBroken
  );
};

/** A bare release with only counting groups, written by hand. */
function handRelease(
  k: number,
  units: { id: string; parentId: string | null }[],
  dimension: { key: string; values: string[] } | null,
  groups: [unitId: string, value: string | null | undefined, n: number | "primary" | "secondary"][],
): Release {
  return {
    k,
    units,
    dimensions: dimension ? [dimension] : [],
    crosses: [],
    knownHeadcounts: {},
    groups: groups.map(
      ([unitId, value, n]): ReleaseGroup => ({
        id: `${unitId}/${value ?? "all"}`,
        unitId,
        part: "all",
        filters: value === undefined || !dimension ? [] : [{ dimension: dimension.key, value }],
        n: typeof n === "number" ? { value: n } : { hidden: n },
        items: [],
      }),
    ),
    comments: [],
    audit: {
      cells: groups.length,
      organisationOnly: false,
      hiddenPrimary: 0,
      hiddenSecondary: 0,
      hiddenUnanimity: 0,
      lpSolves: 0,
      rounds: 0,
      itemCells: 0,
      itemsHidden: 0,
      answersHidden: 0,
      itemRounds: 0,
    },
  };
}

describe("independent auditor", () => {
  it("finds the unit that a primary-only rule leaves as parent minus published siblings", () => {
    const release = handRelease(
      5,
      [
        { id: "org", parentId: null },
        { id: "a", parentId: "org" },
        { id: "b", parentId: "org" },
      ],
      null,
      [
        ["org", undefined, 23],
        ["a", undefined, 20],
        ["b", undefined, "primary"],
      ],
    );
    expect(auditRelease(release).recoverable).toEqual([{ groupId: "b/all", value: 3 }]);
  });

  it("finds the bridge cell of a table with two hidden cells in every row and column", () => {
    // Rows are units under the organisation, columns the values of one dimension.
    const values = [
      [2, 3, 10, 10],
      [3, 2, 2, 10],
      [10, 10, 3, 2],
      [10, 10, 2, 3],
    ];
    const columns = ["c0", "c1", "c2", "c3"];
    const units = [
      { id: "org", parentId: null },
      ...values.map((_, r) => ({ id: `r${r}`, parentId: "org" })),
    ];
    const rowTotal = (r: number) => (values[r] as number[]).reduce((a, b) => a + b, 0);
    const colTotal = (c: number) => values.reduce((sum, row) => sum + (row[c] as number), 0);
    const groups: [string, string | null | undefined, number | "primary"][] = [
      ["org", undefined, values.flat().reduce((a, b) => a + b, 0)],
      ...columns.map((column, c): [string, string, number] => ["org", column, colTotal(c)]),
      ["org", null, 0],
      ...values.flatMap((row, r): [string, string | null | undefined, number | "primary"][] => [
        [`r${r}`, undefined, rowTotal(r)],
        ...row.map((value, c): [string, string, number | "primary"] => [
          `r${r}`,
          columns[c] as string,
          value < 5 ? "primary" : value,
        ]),
        [`r${r}`, null, 0],
      ]),
    ];
    const release = handRelease(
      5,
      units,
      { key: "d", values: [...columns, null] as never },
      groups,
    );
    expect(auditRelease(release).recoverable).toContainEqual({ groupId: "r1/c2", value: 2 });
  });

  it("sees what the reasons give away: a total of k + 1 split into a primary and a secondary", () => {
    const release = handRelease(
      5,
      [
        { id: "org", parentId: null },
        { id: "a", parentId: "org" },
        { id: "b", parentId: "org" },
        { id: "c", parentId: "org" },
      ],
      null,
      [
        ["org", undefined, 26],
        ["a", undefined, "primary"],
        ["b", undefined, "secondary"],
        ["c", undefined, 20],
      ],
    );
    const findings = auditRelease(release);
    expect(findings.recoverable.map((found) => found.groupId).sort()).toEqual(["a/all", "b/all"]);
  });

  it("passes a release whose hidden cells keep wide ranges", () => {
    const release = handRelease(
      5,
      [
        { id: "org", parentId: null },
        { id: "a", parentId: "org" },
        { id: "b", parentId: "org" },
        { id: "c", parentId: "org" },
      ],
      null,
      [
        ["org", undefined, 60],
        ["a", undefined, "primary"],
        ["b", undefined, "secondary"],
        ["c", undefined, 20],
      ],
    );
    expect(clean(release)).toBe(true);
  });

  it("catches leaks of the naive rules on random campaigns (proof that it can fail)", () => {
    const samples = fc.sample(randomCampaign(400), { numRuns: 30, seed: 7 });
    const leaking = (strategy: SuppressionStrategy) =>
      samples.filter((campaign) => !clean(build(campaign, strategy))).length;
    expect(leaking("primary-only")).toBeGreaterThan(0);
    expect(leaking("next-smallest")).toBeGreaterThan(0);
  });

  it("audits an organisation-only release without inventing relations for the tables it leaves out", () => {
    // Found by the random property below (one respondent, k = 3, a known headcount): the auditor
    // read "organisation = sum of its units" with every unit missing as "organisation = 0".
    const items: RandomCampaign["input"]["items"] = [
      {
        kind: "single",
        key: "dim0",
        path: ["dim0"],
        options: ["v0", "v1"],
        breakdown: true,
        sensitive: true,
      },
      { kind: "text", key: "comment", path: ["comment"], breakdown: false, sensitive: false },
    ];
    const built = build({
      input: {
        organisationId: "org",
        units: [{ id: "u0", parentId: null }],
        items,
        k: 3,
        crosses: [],
        knownHeadcounts: { u0: 2 },
      },
      rows: [{ unitId: "u0", answers: { dim0: "v1" } }],
    } as RandomCampaign);
    // The fallback form of the same release: the organisation as a whole only.
    const release: Release = {
      ...built,
      groups: built.groups.filter((group) => group.id === "org/all"),
      audit: { ...built.audit, organisationOnly: true },
    };
    expect(release.groups.map((group) => group.n)).toEqual([{ hidden: "primary" }]);
    expect(auditRelease(release)).toEqual({
      publishedSmall: [],
      recoverable: [],
      narrow: [],
      organisationOnlyBroken: false,
    });
  });

  // 25 full releases with the item-level audit. The seed is fixed because this auditor's time is
  // heavy-tailed (most campaigns take under a second, one in a few hundred over 15 s; an unseeded
  // CI run once took 227 s): PEILPUNT_FC_SEED explores other campaigns.
  it("finds nothing in the audited releases of random campaigns", { timeout: 240_000 }, () => {
    fc.assert(
      fc.property(randomCampaign(2000), (campaign) => {
        const findings = auditRelease(build(campaign));
        expect(findings).toEqual({
          publishedSmall: [],
          recoverable: [],
          narrow: [],
          organisationOnlyBroken: false,
        });
      }),
      { numRuns: 25, seed: Number(process.env.PEILPUNT_FC_SEED ?? 2026) },
    );
  });
});
