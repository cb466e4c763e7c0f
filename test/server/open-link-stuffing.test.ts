import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { resultsSummarySchema, resultsTableSchema } from "../../server/contract/release-schema";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { inProcessBuilder } from "../../server/results/release-builders";
import {
  createReleaseScheduler,
  type ReleaseScheduler,
} from "../../server/results/release-scheduler";
import { insertUser, signIn } from "./admin-fixture";
import { createFixtureCampaign } from "./campaign-fixture";

// The stuffing attack of issue 17 on an open link: a unit with 3 real respondents is padded
// with 5 made-up responses so that it would be published with n = 8, then the made-up answers
// are subtracted. An open link cannot tell made-up responses apart, so by default nothing below
// the organisation as a whole is published: no unit, no background breakdown.
let db: DbConnection;
let releases: ReleaseScheduler;
let app: ReturnType<typeof createApp>;

beforeEach(() => {
  db = openDatabase(":memory:");
  releases = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
  app = createApp({ db, config: { releases, submissionsPerMinute: 10_000 } });
});
afterEach(() => releases.close());

async function answer(slug: string, unit: string, excluded: "yes" | "no", gender: string) {
  const response = await app.request(`/api/campaigns/${slug}/responses`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      answers: {
        unit,
        gender,
        excluded,
        grounds: excluded === "yes" ? ["origin"] : undefined,
      },
    }),
  });
  expect(response.status).toBe(201);
}

describe("open-link campaigns publish the organisation as a whole only", () => {
  it("replays the stuffing attack: the padded unit, and every other unit and background, stay unpublished", async () => {
    const campaign = createFixtureCampaign(db, { accessMode: "open-link" });
    const [large, small] = campaign.inScope as [string, string];
    // A unit large enough to be published on its own, and a small one with 3 real respondents.
    for (let i = 0; i < 20; i++) await answer(campaign.slug, large, "no", i % 2 ? "woman" : "man");
    for (let i = 0; i < 3; i++) await answer(campaign.slug, small, "yes", "woman");
    // The insider pads the small unit with 5 made-up responses through the open link.
    for (let i = 0; i < 5; i++) await answer(campaign.slug, small, "no", "man");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await releases.idle();

    const reader = await signIn(
      app,
      insertUser(db, "coordinator", { organisationId: campaign.organisationId }),
    );
    const summaryAnswer = await reader.request(
      "GET",
      `/api/admin/campaigns/${campaign.slug}/results`,
    );
    expect(summaryAnswer.status).toBe(200);
    const summary = resultsSummarySchema.parse(await summaryAnswer.json());
    expect(summary.audit).toMatchObject({ organisationOnly: true, openLink: true });

    const published = [];
    for (const table of summary.tables) {
      const tableAnswer = await reader.request(
        "GET",
        `/api/admin/campaigns/${campaign.slug}/results/tables/${table.id}`,
      );
      expect(tableAnswer.status).toBe(200);
      published.push(...resultsTableSchema.parse(await tableAnswer.json()).groups);
    }
    // Only the organisation as a whole, with all 28 responses, and no breakdown at all.
    expect(published.length).toBeGreaterThan(0);
    for (const group of published) {
      expect(group.unitId).toBe(campaign.organisationId);
      expect(group.filters).toEqual([]);
    }
    expect(published.some((group) => "value" in group.n && group.n.value === 28)).toBe(true);
    expect(published.some((group) => group.unitId === small || group.unitId === large)).toBe(false);
  });
});
