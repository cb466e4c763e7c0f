import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildRelease, createResponseMatrix } from "../../analysis/build-release";
import { attackItems } from "./auditor/item-attack";
import { type RandomCampaign, randomCampaign } from "./random-campaign";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

describe("respondent moves before the item audit's LP stage", () => {
  it("publish a question whose LP budget ran out on empty hidden groups", () => {
    // A campaign of 116 answers and 102 groups. With 10⁴ units of LP work per question, the
    // audit of "climate" had 113 checks the true figures leave to the LP stage, almost all
    // "everyone in this empty hidden group gave answer o" (a group of none that up to 6 or 9
    // people could be in). The LP stage ran out and the question was withheld for every group.
    // One respondent of the unit moving into the empty group, while someone elsewhere with the
    // same answer moves the other way, is a point of the attacker's system that opens each of
    // them without an LP: the question is shown, and the independent attacker derives nothing.
    const [random] = fc.sample(randomCampaign(400, ["mixed", "skewed"]), {
      seed: 18,
      numRuns: 1,
    }) as [RandomCampaign];
    const matrix = createResponseMatrix(random.input, random.rows);
    const release = buildRelease(highs, matrix, random.input, {
      itemLp: true,
      itemLpLargeFrom: 1,
      itemLpWork: 1e4,
    });
    const showing = release.groups.filter((group) =>
      group.items.some((item) => item.key === "climate" && !("hidden" in item)),
    );
    expect(release.groups.length).toBe(102);
    expect(showing.some((group) => group.unitId === "org" && group.filters.length === 0)).toBe(
      true,
    );
    expect(release.audit.itemLpWithheld).toBe(2);
    const sensitive = new Set(
      random.input.items.filter((item) => item.sensitive).map((item) => item.key),
    );
    expect(attackItems(release, sensitive, highs)).toEqual([]);
  }, 120_000);
});
