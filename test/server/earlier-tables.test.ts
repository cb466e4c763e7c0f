import { desc } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Release } from "../../analysis/release-types";
import { createApp } from "../../server/app";
import { resultsTableSchema } from "../../server/contract/release-schema";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { releases } from "../../server/db/schema";
import { inProcessBuilder } from "../../server/results/release-builders";
import {
  createReleaseScheduler,
  type ReleaseScheduler,
} from "../../server/results/release-scheduler";
import { type Agent, insertUser, signIn } from "./admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

let db: DbConnection;
let scheduler: ReleaseScheduler;
let app: ReturnType<typeof createApp>;

beforeEach(() => {
  db = openDatabase(":memory:");
  scheduler = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
  app = createApp({ db, config: { releases: scheduler } });
});
afterEach(() => scheduler.close());

async function submitTwenty(campaign: FixtureCampaign) {
  for (let i = 0; i < 20; i++) {
    const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        answers: { unit: campaign.inScope[i % 2], excluded: "no", satisfaction: 1 + (i % 5) },
      }),
    });
    expect(response.status).toBe(201);
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
  await scheduler.idle();
}

const evaluatorOf = (campaign: FixtureCampaign) =>
  signIn(app, insertUser(db, "evaluator", { organisationId: campaign.organisationId }));

async function unitsTable(agent: Agent, campaign: FixtureCampaign) {
  const answer = await agent.request(
    "GET",
    `/api/admin/campaigns/${campaign.slug}/results/tables/units`,
  );
  expect(answer.status).toBe(200);
  return resultsTableSchema.parse(await answer.json());
}

/**
 * Stores a newer release as the server would after a rebuild that passed the sequence audit:
 * the one just served with one table of the organisation withheld, built later, with `k`.
 */
function storeRebuildWithheld(campaign: FixtureCampaign, k: number): string {
  const last = db.select().from(releases).orderBy(desc(releases.id)).get();
  if (!last) throw new Error("no release");
  const release = JSON.parse(last.release) as Release;
  const organisation = release.groups.find(
    (group) =>
      group.unitId === campaign.organisationId && group.part === "all" && !group.filters.length,
  );
  const index = organisation?.items.findIndex((item) => item.key === "satisfaction") ?? -1;
  if (!organisation || index < 0) throw new Error("no satisfaction table");
  organisation.items[index] = { key: "satisfaction", kind: "single", hidden: "protected" };
  const builtAt = new Date(Date.parse(last.builtAt) + 60_000).toISOString();
  db.insert(releases)
    .values({
      campaignId: campaign.campaignId,
      builtAt,
      respondents: last.respondents,
      release: JSON.stringify({ ...release, k }),
      servable: true,
      auditedAfter: last.id,
    })
    .run();
  return builtAt;
}

const satisfaction = (table: Awaited<ReturnType<typeof unitsTable>>, organisationId: string) =>
  table.groups
    .find((group) => group.unitId === organisationId && group.part === "all")
    ?.items.find((item) => item.key === "satisfaction");

/** A campaign of twenty answers whose first release an evaluator was served, with its table. */
async function firstServed() {
  const campaign = createFixtureCampaign(db);
  await submitTwenty(campaign);
  const evaluator = await evaluatorOf(campaign);
  const first = await unitsTable(evaluator, campaign);
  const shown = satisfaction(first, campaign.organisationId);
  if (!shown || !("options" in shown)) throw new Error("the first release shows the table");
  return { campaign, evaluator, first, shown };
}

describe("a table a newer release hides", () => {
  it("carries the figures the earlier served release showed, with that release's time", async () => {
    const { campaign, evaluator, first, shown } = await firstServed();
    const n = first.groups.find(
      (group) => group.unitId === campaign.organisationId && group.part === "all",
    )?.n;

    const builtAt = storeRebuildWithheld(campaign, 5);
    const second = await unitsTable(evaluator, campaign);
    expect(second.builtAt).toBe(builtAt);
    const { key: _key, kind: _kind, ...figures } = shown;
    // Still marked hidden (counted and exported as hidden), with exactly what readers had.
    expect(satisfaction(second, campaign.organisationId)).toEqual({
      key: "satisfaction",
      kind: "single",
      hidden: "protected",
      earlier: { builtAt: first.builtAt, n: n && "value" in n ? n.value : -1, ...figures },
    });
  });

  it("exports the earlier figures with their release's time and n, after the hidden mark", async () => {
    const { campaign, evaluator, first, shown } = await firstServed();
    storeRebuildWithheld(campaign, 5);
    const base = `/api/admin/campaigns/${campaign.slug}/results/tables/units`;
    const csv = await (await evaluator.request("GET", `${base}/export.csv`)).text();
    const rows = csv
      .trim()
      .split("\r\n")
      .map((line) => line.split(","));
    const header = rows[0] ?? [];
    const at = (name: string) => header.indexOf(name);
    const earlier = rows.filter((row) => row[at("figures_of")] === first.builtAt);
    expect(
      earlier.map((row) => [row[at("question")], row[at("option")], row[at("count")]]),
    ).toEqual(
      shown.options.map((option) => [
        "satisfaction",
        option.value ?? "(no answer)",
        String(option.count),
      ]),
    );
    expect(earlier.every((row) => row[at("n")] === "20")).toBe(true);
    // The release's own row for that table still says hidden.
    expect(
      rows.some(
        (row) =>
          row[at("question")] === "satisfaction" && row[at("count")] === "hidden (protected)",
      ),
    ).toBe(true);
    const forExcel = await (await evaluator.request("GET", `${base}/export-for-excel.csv`)).text();
    expect(forExcel).toContain(
      `figures of ${first.builtAt} (n = 20); the newer answers stay hidden`,
    );
  });

  it("does not bring figures back once k was raised above the earlier release's", async () => {
    const campaign = createFixtureCampaign(db);
    await submitTwenty(campaign);
    const evaluator = await evaluatorOf(campaign);
    await unitsTable(evaluator, campaign);
    storeRebuildWithheld(campaign, 6);
    expect(satisfaction(await unitsTable(evaluator, campaign), campaign.organisationId)).toEqual({
      key: "satisfaction",
      kind: "single",
      hidden: "protected",
    });
  });

  it("carries nothing from a release that was built but never served", async () => {
    const campaign = createFixtureCampaign(db);
    await submitTwenty(campaign);
    const evaluator = await evaluatorOf(campaign);
    // Nobody read the first release: the withheld rebuild is the first one served.
    storeRebuildWithheld(campaign, 5);
    expect(satisfaction(await unitsTable(evaluator, campaign), campaign.organisationId)).toEqual({
      key: "satisfaction",
      kind: "single",
      hidden: "protected",
    });
  });
});
