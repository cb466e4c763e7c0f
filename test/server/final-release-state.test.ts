import { desc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { resultsSummarySchema } from "../../server/contract/release-schema";
import { openDatabase } from "../../server/db/open-database";
import { campaigns, releases, responses } from "../../server/db/schema";
import { campaignIdsWithStaleRelease } from "../../server/db/stale-releases";
import { EXPORT_MESSAGES } from "../../server/results/export-messages";
import { inProcessBuilder } from "../../server/results/release-builders";
import { createReleaseScheduler } from "../../server/results/release-scheduler";
import { type RandomCampaign, randomCampaign } from "../analysis/random-campaign";
import { type Agent, insertUser, signIn } from "./admin-fixture";
import { holdApartAnswers, storeRandomCampaign } from "./random-campaign-in-db";

// The campaign of final-release.test.ts (110 answers, 5 units, k = 8), whose final release is
// held back when its last three answers arrive after an interim release was shown.
const campaign = fc.sample(randomCampaign(150, ["mixed", "skewed", "unanimous"]), {
  numRuns: 12,
  seed: 1,
})[1] as RandomCampaign;

/** The campaign stored open, with its three last answers (by their answers) held apart. */
function openCampaign() {
  const db = openDatabase(":memory:");
  const stored = storeRandomCampaign(db, campaign);
  const late = holdApartAnswers(db, stored.campaignId, 3);
  return { db, ...stored, late };
}

/** The results summary as the admin reads it. */
async function resultsSummary(admin: Agent, slug: string) {
  const response = await admin.request("GET", `/api/admin/campaigns/${slug}/results`);
  expect(response.status).toBe(200);
  return resultsSummarySchema.parse(await response.json());
}

async function workbookNote(response: Response): Promise<string | undefined> {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const about = workbook.worksheets[0];
  let note: string | undefined;
  about?.eachRow((row) => {
    if (row.getCell(1).text === EXPORT_MESSAGES.en.about.status) note = row.getCell(2).text;
  });
  return note;
}

describe("a closed campaign whose readers get a release built while it was open says so", () => {
  it("while the release at close is built, and once the sequence audit held it back: on the results summary and in the workbook", async () => {
    const { db, campaignId, slug, late } = openCampaign();
    // No scheduler: closing stores nothing, so the state before the release at close is seen.
    const app = createApp({ db });
    const admin = await signIn(app, insertUser(db, "admin"));
    const summary = () => resultsSummary(admin, slug);
    const workbook = () =>
      admin.request("GET", `/api/admin/campaigns/${slug}/results/export.xlsx?lang=en`);

    const before = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
    await before.rebuild(campaignId);
    await before.close();
    const interim = await summary(); // an admin looks while it is open
    expect(interim.interim).toBe(true);
    expect(interim.finalRelease).toBeUndefined();
    expect(await workbookNote(await workbook())).toBe(EXPORT_MESSAGES.en.about.statusText.interim);

    for (const row of late) db.insert(responses).values(row).run();
    expect((await admin.request("POST", `/api/admin/campaigns/${slug}/close`)).status).toBe(200);
    const computing = await summary();
    expect(computing).toMatchObject({ interim: false, finalRelease: "computing" });
    expect(computing.builtAt).toBe(interim.builtAt);
    expect(await workbookNote(await workbook())).toBe(
      EXPORT_MESSAGES.en.about.statusText.computing,
    );

    const after = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
    await after.rebuild(campaignId);
    await after.close();
    const atClose = db
      .select({ servable: releases.servable })
      .from(releases)
      .where(eq(releases.campaignId, campaignId))
      .orderBy(desc(releases.id))
      .get();
    expect(atClose?.servable).toBe(false);
    const heldBack = await summary();
    expect(heldBack).toMatchObject({ interim: false, finalRelease: "held-back" });
    expect(heldBack.builtAt).toBe(interim.builtAt);
    expect(await workbookNote(await workbook())).toBe(
      EXPORT_MESSAGES.en.about.statusText["held-back"],
    );
  }, 300_000);

  it("says nothing once the release at close is served", async () => {
    const { db, campaignId, slug, late } = openCampaign();
    const app = createApp({ db });
    const admin = await signIn(app, insertUser(db, "admin"));
    // Phased and nobody looked: the release at close is the first one shown.
    for (const row of late) db.insert(responses).values(row).run();
    expect((await admin.request("POST", `/api/admin/campaigns/${slug}/close`)).status).toBe(200);
    const scheduler = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
    await scheduler.rebuild(campaignId);
    await scheduler.close();
    const response = await admin.request("GET", `/api/admin/campaigns/${slug}/results`);
    expect(response.status).toBe(200);
    const summary = resultsSummarySchema.parse(await response.json());
    expect(summary.interim).toBe(false);
    expect(summary.finalRelease).toBeUndefined();
    expect(
      await workbookNote(
        await admin.request("GET", `/api/admin/campaigns/${slug}/results/export.xlsx?lang=en`),
      ),
    ).toBeUndefined();
  }, 300_000);

  it("a build that started while open and was stored after closing is no release at close: readers are told it is computing, and a start rebuilds it", async () => {
    const { db, campaignId, slug, late } = openCampaign();
    for (const row of late) db.insert(responses).values(row).run();
    const closesAt = new Date(Date.now() - 60_000);
    db.update(campaigns)
      .set({ closesAt: closesAt.toISOString() })
      .where(eq(campaigns.id, campaignId))
      .run();
    // The build reads the campaign a second before its closing date and is stored a second after.
    const clock = [new Date(closesAt.getTime() - 1000), new Date(closesAt.getTime() + 1000)];
    const racing = createReleaseScheduler({
      db,
      builder: inProcessBuilder(db),
      debounceMs: 0,
      now: () => clock.shift() ?? new Date(),
    });
    await racing.rebuild(campaignId);
    await racing.close();
    const app = createApp({ db });
    const admin = await signIn(app, insertUser(db, "admin"));
    const summary = () => resultsSummary(admin, slug);
    const racy = await summary();
    expect(racy.builtAt > closesAt.toISOString()).toBe(true);
    expect(racy).toMatchObject({ interim: false, finalRelease: "computing" });
    expect(racy.audit).toMatchObject({ organisationOnly: true, whileOpen: true });

    // The maintenance job writes the closing down; a start before its rebuild catches up.
    db.update(campaigns).set({ status: "closed" }).where(eq(campaigns.id, campaignId)).run();
    expect(campaignIdsWithStaleRelease(db)).toContain(campaignId);
    const start = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
    await start.catchUp();
    await start.close();
    const atClose = await summary();
    expect(atClose.finalRelease).toBeUndefined();
    expect(atClose.audit).toMatchObject({ organisationOnly: false, whileOpen: false });
    expect(campaignIdsWithStaleRelease(db)).not.toContain(campaignId);
  }, 300_000);
});
