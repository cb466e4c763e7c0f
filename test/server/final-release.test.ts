import { eq } from "drizzle-orm";
import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Release } from "../../analysis/release-types";
import { createApp } from "../../server/app";
import { resultsSummarySchema } from "../../server/contract/release-schema";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { campaigns, releases } from "../../server/db/schema";
import { readRelease } from "../../server/results/read-release";
import { inProcessBuilder } from "../../server/results/release-builders";
import { createReleaseScheduler } from "../../server/results/release-scheduler";
import { attackItems } from "../analysis/auditor/item-attack";
import { type RandomCampaign, randomCampaign } from "../analysis/random-campaign";
import { insertUser, signIn } from "./admin-fixture";
import { storeRandomCampaign } from "./random-campaign-in-db";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

// A seeded campaign (110 answers, 5 units, k = 8) whose release under the item audit's bound
// tightening alone lets an LP derive how whole hidden groups answered (the same one the item
// attack's tests use: test/analysis/auditor/item-attack.test.ts).
const campaign = fc.sample(randomCampaign(150, ["mixed", "skewed", "unanimous"]), {
  numRuns: 12,
  seed: 1,
})[1] as RandomCampaign;
const sensitive = new Set(
  campaign.input.items.filter((item) => item.sensitive).map((item) => item.key),
);

/** What the independent attacker derives from a release: by tightening alone, and by LP too. */
function attack(release: Release) {
  return {
    tightening: attackItems(release, sensitive),
    lp: attackItems(release, sensitive, highs),
  };
}

function storedReleases(db: DbConnection, campaignId: string) {
  return db
    .select({ id: releases.id })
    .from(releases)
    .where(eq(releases.campaignId, campaignId))
    .all()
    .map((row) => row.id);
}

describe("the final release of a closed campaign", () => {
  it("is built with the item audit's LP stage: what an LP derived from the interim one is hidden", async () => {
    const db = openDatabase(":memory:");
    const scheduler = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
    const app = createApp({ db, config: { releases: scheduler } });
    // Phased access (the default): only admins see the interim release.
    const { campaignId, slug, organisationId } = storeRandomCampaign(db, campaign);
    await scheduler.rebuild(campaignId);
    const admin = await signIn(app, insertUser(db, "admin"));
    const path = `/api/admin/campaigns/${slug}/results`;
    const interimSummary = await admin.request("GET", path);
    expect(interimSummary.status).toBe(200);
    expect(resultsSummarySchema.parse(await interimSummary.json()).interim).toBe(true);
    // Interim releases keep bound tightening alone (rebuilt after every few answers): an LP
    // still derives answers from this one that tightening does not (what its admin readers may
    // work out; README "Phased or live").
    const interim = readRelease(db, slug);
    expect(interim.release.audit.itemLp).toBeUndefined();
    const interimAttack = attack(interim.release);
    expect(interimAttack.tightening).toEqual([]);
    expect(interimAttack.lp).toContainEqual(
      expect.objectContaining({ item: "climate", kind: "all", option: "4" }),
    );

    const closed = await admin.request("POST", `/api/admin/campaigns/${slug}/close`);
    expect(closed.status).toBe(200);
    await scheduler.idle();

    // Every reader in scope now gets the final release, which replaced the interim one.
    const evaluator = await signIn(app, insertUser(db, "evaluator", { organisationId }));
    const finalSummary = await evaluator.request("GET", path);
    expect(finalSummary.status).toBe(200);
    expect(resultsSummarySchema.parse(await finalSummary.json()).interim).toBe(false);
    const final = readRelease(db, slug);
    expect(attack(final.release).lp).toEqual([]);
    expect(final.release.audit.itemLp).toBe(true);
    // Each derivation of the interim release is hidden in the final one: that question is not
    // published for that group.
    for (const finding of interimAttack.lp) {
      const group = final.release.groups.find((candidate) => candidate.id === finding.groupId);
      const item = group?.items.find((candidate) => candidate.key === finding.item);
      expect(item === undefined || "hidden" in item).toBe(true);
    }
    await scheduler.close();
  }, 120_000);

  it("is built at start for a campaign closed since its stored release was built", async () => {
    const db = openDatabase(":memory:");
    const before = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
    const { campaignId, slug } = storeRandomCampaign(db, campaign);
    await before.rebuild(campaignId);
    readRelease(db, slug); // an admin looked: the interim release is shown and kept
    // The campaign closes (by its date, or a close) and the server stops before the rebuild
    // that closing asks for has finished.
    db.update(campaigns).set({ status: "closed" }).where(eq(campaigns.id, campaignId)).run();
    await before.close();
    const [interimId] = storedReleases(db, campaignId);

    const after = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
    await after.catchUp();
    const final = readRelease(db, slug);
    expect(attack(final.release).lp).toEqual([]);
    expect(final.release.audit.itemLp).toBe(true);
    expect(storedReleases(db, campaignId)).toHaveLength(2);
    expect(storedReleases(db, campaignId)[0]).toBe(interimId);
    // Current now: the next start builds nothing.
    await after.catchUp();
    expect(storedReleases(db, campaignId)).toHaveLength(2);
    await after.close();
  }, 120_000);

  it("is never replaced, while it is being built, by an interim release nobody was shown", async () => {
    const db = openDatabase(":memory:");
    const scheduler = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
    // Phased, and nobody read the interim release while the campaign was open.
    const { campaignId, slug } = storeRandomCampaign(db, campaign);
    await scheduler.rebuild(campaignId);
    // Closed (by its date, or the close's rebuild has not finished): the interim release built
    // while open, which an LP can derive answers from, must not be the first one anyone sees.
    db.update(campaigns).set({ status: "closed" }).where(eq(campaigns.id, campaignId)).run();
    expect(() => readRelease(db, slug)).toThrow(/not been computed yet/);
    expect(
      db.select().from(releases).where(eq(releases.campaignId, campaignId)).all()[0]?.firstServedAt,
    ).toBeNull();
    await scheduler.rebuild(campaignId);
    const final = readRelease(db, slug);
    expect(final.release.audit.itemLp).toBe(true);
    expect(attack(final.release).lp).toEqual([]);
    await scheduler.close();
  }, 120_000);

  it("keeps serving an interim release already shown until the final one passes", async () => {
    const db = openDatabase(":memory:");
    const scheduler = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
    const { campaignId, slug } = storeRandomCampaign(db, campaign);
    await scheduler.rebuild(campaignId);
    const shown = readRelease(db, slug); // an admin looked while it was open
    db.update(campaigns).set({ status: "closed" }).where(eq(campaigns.id, campaignId)).run();
    // Showing it again tells nobody anything new; the final build replaces it.
    expect(readRelease(db, slug).builtAt).toBe(shown.builtAt);
    await scheduler.rebuild(campaignId);
    expect(readRelease(db, slug).release.audit.itemLp).toBe(true);
    await scheduler.close();
  }, 120_000);
});
