import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { resultsSummarySchema, resultsTableSchema } from "../../server/contract/release-schema";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { campaigns, releases } from "../../server/db/schema";
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

async function submit(campaign: FixtureCampaign, unit: string, gender: string, excluded = "no") {
  const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ answers: { unit, gender, excluded, satisfaction: 3 } }),
  });
  expect(response.status).toBe(201);
}

/** Lets the debounce timer fire, then waits for every build it started. */
async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 5));
  await scheduler.idle();
}

const reader = (campaign: FixtureCampaign, role: "admin" | "coordinator" | "evaluator") =>
  signIn(
    app,
    insertUser(db, role, role === "admin" ? {} : { organisationId: campaign.organisationId }),
  );

/** Every number a reader gets: the summary and every table, as served. */
async function everything(agent: Agent, campaign: FixtureCampaign) {
  const base = `/api/admin/campaigns/${campaign.slug}/results`;
  const summary = await agent.request("GET", base);
  expect(summary.status).toBe(200);
  const parsed = resultsSummarySchema.parse(await summary.json());
  const tables = [];
  for (const table of parsed.tables) {
    const answer = await agent.request("GET", `${base}/tables/${encodeURIComponent(table.id)}`);
    expect(answer.status).toBe(200);
    tables.push(resultsTableSchema.parse(await answer.json()).groups);
  }
  return { summary: parsed, tables };
}

describe("phased access (the default)", () => {
  it("shows interim results to admins only while open, and to everyone in scope at close", async () => {
    const campaign = createFixtureCampaign(db, { interimResultRoles: "" });
    const [a, b] = campaign.inScope as [string, string];
    for (let i = 0; i < 12; i++) await submit(campaign, i % 2 ? a : b, i % 3 ? "woman" : "man");
    await settle();
    const evaluator = await reader(campaign, "evaluator");
    const coordinator = await reader(campaign, "coordinator");
    const admin = await reader(campaign, "admin");
    const path = `/api/admin/campaigns/${campaign.slug}/results`;
    for (const agent of [evaluator, coordinator]) {
      const refused = await agent.request("GET", path);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { type: string }).type).toMatch(/results-at-close$/);
    }
    // Refusing showed nothing: no release counts as shown yet.
    expect(
      db
        .select()
        .from(releases)
        .all()
        .every((row) => row.firstServedAt === null),
    ).toBe(true);
    const interim = await admin.request("GET", path);
    expect(interim.status).toBe(200);
    expect(resultsSummarySchema.parse(await interim.json()).interim).toBe(true);

    db.update(campaigns)
      .set({ status: "closed" })
      .where(eq(campaigns.id, campaign.campaignId))
      .run();
    await scheduler.rebuild(campaign.campaignId);
    const final = await evaluator.request("GET", path);
    expect(final.status).toBe(200);
    expect(resultsSummarySchema.parse(await final.json()).interim).toBe(false);
  });

  it("lets a campaign name roles for live interim results", async () => {
    const campaign = createFixtureCampaign(db, { interimResultRoles: "evaluator" });
    for (let i = 0; i < 6; i++) await submit(campaign, campaign.inScope[0] as string, "woman");
    await settle();
    const evaluator = await reader(campaign, "evaluator");
    const coordinator = await reader(campaign, "coordinator");
    const path = `/api/admin/campaigns/${campaign.slug}/results`;
    expect((await evaluator.request("GET", path)).status).toBe(200);
    expect((await coordinator.request("GET", path)).status).toBe(403);
  });
});

describe("serving a sequence of releases", () => {
  it("changes no figure after one new response, and moves once k or more arrived", async () => {
    const campaign = createFixtureCampaign(db, { interimResultRoles: "evaluator" });
    const [a, b] = campaign.inScope as [string, string];
    for (let i = 0; i < 20; i++) await submit(campaign, i % 2 ? a : b, i % 3 ? "woman" : "man");
    await settle();
    const evaluator = await reader(campaign, "evaluator");
    const before = await everything(evaluator, campaign);

    await submit(campaign, a, "woman");
    await settle();
    const afterOne = await everything(evaluator, campaign);
    // The rebuilt release was held back: the reader gets exactly what they had, same date.
    expect(afterOne).toEqual(before);
    expect(afterOne.summary.interim).toBe(true);
    expect(db.select().from(releases).all().length).toBeGreaterThanOrEqual(2);

    for (let i = 0; i < 12; i++) await submit(campaign, a, "woman");
    await settle();
    const afterMany = await everything(evaluator, campaign);
    expect(afterMany.summary.builtAt).not.toBe(before.summary.builtAt);
    const organisation = (tables: typeof before.tables) =>
      tables[0]?.find((group) => group.unitId === campaign.organisationId && group.part === "all")
        ?.n;
    expect(organisation(before.tables)).toEqual({ value: 20 });
    expect(organisation(afterMany.tables)).toEqual({ value: 33 });
    // Both releases a reader saw are kept, with the time each was first served.
    const shown = db
      .select()
      .from(releases)
      .all()
      .filter((row) => row.firstServedAt !== null);
    expect(shown).toHaveLength(2);
  });

  it("serves participation from the same release and fixes k by viewing it", async () => {
    const campaign = createFixtureCampaign(db, { interimResultRoles: "evaluator" });
    const [a, b] = campaign.inScope as [string, string];
    for (let i = 0; i < 20; i++) await submit(campaign, i % 2 ? a : b, "woman");
    await settle();
    const coordinator = await reader(campaign, "coordinator");
    const path = `/api/admin/campaigns/${campaign.slug}/participation`;
    const first = await coordinator.request("GET", path);
    expect(first.status).toBe(200);
    const counts = (await first.json()) as { units: { unitId: string; respondents: unknown }[] };
    const total = counts.units.find((row) => row.unitId === campaign.organisationId);
    expect(total?.respondents).toEqual({ value: 20 });
    expect(
      db.select().from(campaigns).where(eq(campaigns.id, campaign.campaignId)).get()
        ?.resultsViewedAt,
    ).not.toBeNull();
    // One more respondent does not move the counter.
    await submit(campaign, a, "woman");
    await settle();
    const second = (await (await coordinator.request("GET", path)).json()) as typeof counts;
    expect(second).toEqual(counts);
  });
});
