import { describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { comparisonAnswerSchema } from "../../server/contract/comparison-schema";
import { openDemoDatabase } from "../demo-database";
import { insertUser, signIn } from "./admin-fixture";

describe("the demo's 2020 → 2021 comparison through the API", () => {
  it("shows mean climate 3.29 → 3.50 and exclusion 14.8% → 10.3% as clear changes", async () => {
    // Both waves are closed: their final releases are built with the item audit's LP stage
    // (about a minute of CPU for the two), once per run for this file and the comparison's
    // browser test. Seeded today: the day moves only the open 2026 wave, which is not compared.
    const db = await openDemoDatabase({ releases: ["diagnose-2020", "diagnose-2021"] });
    const app = createApp({ db });
    const admin = await signIn(app, insertUser(db, "admin"));
    const response = await admin.request(
      "GET",
      "/api/admin/campaigns/diagnose-2021/results/comparison?with=diagnose-2020&table=units",
    );
    expect(response.status).toBe(200);
    const answer = comparisonAnswerSchema.parse(await response.json());
    expect(answer.campaigns.map((campaign) => campaign.slug)).toEqual([
      "diagnose-2020",
      "diagnose-2021",
    ]);
    const organisation = answer.groups.find(
      (group) => group.n.every((n) => "value" in n) && group.unitId === rootOf(answer),
    );
    if (!organisation) throw new Error("no organisation group");

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
    }

    const experienced = organisation.items.find(
      (item) => item.key === "discrimination_experienced",
    );
    const share = (wave: number) => {
      const figures = experienced?.waves[wave];
      return figures?.state === "shown"
        ? figures.options.find((option) => option.value === "yes")?.share
        : undefined;
    };
    expect(((share(0) as number) * 100).toFixed(1)).toBe("14.8");
    expect(((share(1) as number) * 100).toFixed(1)).toBe("10.3");
    const step = experienced?.steps[0];
    if (!step?.compared) throw new Error("not compared");
    expect(step.options.find((option) => option.value === "yes")?.test?.verdict).toBe(
      "clearly-lower",
    );
  }, 600_000);
});

/** The organisation's own group: the unit that is nobody's sub-unit in the comparison. */
function rootOf(answer: { groups: { unitId: string; n: unknown[] }[] }): string | undefined {
  const counts = answer.groups.map((group) => ({
    unitId: group.unitId,
    n: (group.n.at(-1) as { value?: number }).value ?? 0,
  }));
  return counts.sort((a, b) => b.n - a.n)[0]?.unitId;
}
