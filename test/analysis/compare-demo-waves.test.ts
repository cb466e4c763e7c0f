import highsLoader from "highs";
import { describe, expect, it } from "vitest";
import { buildRelease, createResponseMatrix } from "../../analysis/build-release";
import { type ComparedWave, compareWaves } from "../../analysis/compare-waves";
import { campaigns } from "../../server/db/schema";
import { loadReleaseInput } from "../../server/results/load-release-input";
import { readStoredResponses } from "../../server/results/read-stored-responses";
import { openDemoDatabase } from "../demo-database";

describe("the demo's story: diagnose-2020 → diagnose-2021", () => {
  it("shows the better climate and less exclusion as clear changes for the organisation", async () => {
    const db = await openDemoDatabase({ now: new Date("2026-11-25T10:00:00Z") });
    const highs = await highsLoader();
    const waves: ComparedWave[] = ["diagnose-2020", "diagnose-2021"].map((slug) => {
      const campaign = db
        .select()
        .from(campaigns)
        .all()
        .find((row) => row.slug === slug);
      if (!campaign) throw new Error(`no demo campaign ${slug}`);
      const { input } = loadReleaseInput(db, campaign.id);
      const rows = [...readStoredResponses(db, campaign.id)].map((stored) => stored.row);
      const release = buildRelease(highs, createResponseMatrix(input, rows), input);
      return { id: slug, release, items: input.items };
    });
    const comparison = compareWaves(waves);
    const root = waves[1]?.release.units.find((unit) => unit.parentId === null)?.id;
    const organisation = comparison.groups.find(
      (group) => group.unitCode === root && group.part === "all" && group.filters.length === 0,
    );
    if (!organisation) throw new Error("no organisation group");
    expect(organisation.n).toEqual([{ value: 2400 }, { value: 2650 }]);

    // Climate: seven agreement statements; each is clearly better, and their mean moves
    // 3.29 → 3.50 (the average of the seven published means in each wave).
    const climate = organisation.items.filter((item) => item.key.startsWith("climate."));
    expect(climate).toHaveLength(7);
    const meanOfMeans = (wave: number) =>
      climate.reduce((sum, item) => {
        const figures = item.waves[wave];
        return sum + (figures?.state === "shown" ? (figures.mean as number) : Number.NaN);
      }, 0) / climate.length;
    expect(meanOfMeans(0).toFixed(2)).toBe("3.29");
    expect(meanOfMeans(1).toFixed(2)).toBe("3.50");
    for (const item of climate) {
      const step = item.steps[0];
      if (!step?.compared) throw new Error(`${item.key} not compared`);
      expect(step.mean?.verdict).toBe("clearly-better");
      expect(step.favourable?.verdict).toBe("clearly-better");
    }

    // Exclusion: the share who experienced discrimination, 14.8% → 10.3% of respondents.
    const experienced = organisation.items.find(
      (item) => item.key === "discrimination_experienced",
    );
    const step = experienced?.steps[0];
    if (!step?.compared) throw new Error("discrimination_experienced not compared");
    const yes = step.options.find((option) => option.value === "yes");
    const share = (wave: number) => {
      const figures = experienced?.waves[wave];
      return figures?.state === "shown"
        ? figures.options.find((option) => option.value === "yes")?.share
        : undefined;
    };
    expect(((share(0) as number) * 100).toFixed(1)).toBe("14.8");
    expect(((share(1) as number) * 100).toFixed(1)).toBe("10.3");
    expect(yes?.test?.verdict).toBe("clearly-lower");

    // Small groups hidden in either wave are never compared.
    for (const group of comparison.groups) {
      for (const item of group.items) {
        for (const change of item.steps) {
          const sides = [item.waves[change.from], item.waves[change.to]];
          if (sides.some((side) => side?.state !== "shown")) expect(change.compared).toBe(false);
        }
      }
    }
  }, 180_000);
});
