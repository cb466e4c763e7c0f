import { describe, expect, it } from "vitest";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { releases, responses } from "../../server/db/schema";
import { campaignIdsWithStaleRelease } from "../../server/db/stale-releases";
import { createFixtureCampaign } from "./campaign-fixture";

function storeRelease(
  db: DbConnection,
  campaignId: string,
  respondents: number,
  release: object = {},
) {
  db.insert(releases)
    .values({
      campaignId,
      servable: true,
      builtAt: "2030-01-01T00:00:00.000Z",
      respondents,
      release: JSON.stringify(release),
    })
    .run();
}

/** What buildRelease records: a final release was built with the item audit's LP stage. */
const FINAL = { audit: { itemLp: true } };

function storeResponses(db: DbConnection, campaignId: string, unitId: string, count: number) {
  for (let i = 0; i < count; i++) {
    db.insert(responses)
      .values({ id: `${campaignId}-${i}`, campaignId, unitId, answers: "{}" })
      .run();
  }
}

describe("campaigns whose release must be rebuilt at start", () => {
  it("a campaign without a release, even without responses", () => {
    const db = openDatabase(":memory:");
    const campaign = createFixtureCampaign(db);
    expect(campaignIdsWithStaleRelease(db)).toEqual([campaign.campaignId]);
  });

  it("a release behind its stored responses, not one that counts them all", () => {
    const db = openDatabase(":memory:");
    const behind = createFixtureCampaign(db);
    const current = createFixtureCampaign(db);
    storeResponses(db, behind.campaignId, behind.inScope[0] as string, 3);
    storeRelease(db, behind.campaignId, 2);
    storeResponses(db, current.campaignId, current.inScope[0] as string, 3);
    storeRelease(db, current.campaignId, 3);
    expect(campaignIdsWithStaleRelease(db)).toEqual([behind.campaignId]);
  });

  it("not a kept release whose responses retention deleted: rebuilding would empty it", () => {
    const db = openDatabase(":memory:");
    const deleted = createFixtureCampaign(db);
    storeRelease(db, deleted.campaignId, 240);
    expect(campaignIdsWithStaleRelease(db)).toEqual([]);
  });

  it("an interim release (no item LP stage) of a campaign closed since, not its final one", () => {
    const db = openDatabase(":memory:");
    const interim = createFixtureCampaign(db, { status: "closed" });
    const final = createFixtureCampaign(db, { status: "closed" });
    const archived = createFixtureCampaign(db, { status: "archived" });
    const open = createFixtureCampaign(db);
    for (const campaign of [interim, final, archived, open]) {
      storeResponses(db, campaign.campaignId, campaign.inScope[0] as string, 3);
    }
    storeRelease(db, interim.campaignId, 3);
    storeRelease(db, final.campaignId, 3, FINAL);
    storeRelease(db, archived.campaignId, 3);
    storeRelease(db, open.campaignId, 3);
    expect(campaignIdsWithStaleRelease(db).sort()).toEqual(
      [interim.campaignId, archived.campaignId].sort(),
    );
    // The newest release decides: a final one stored after the interim one is current.
    storeRelease(db, interim.campaignId, 3, FINAL);
    expect(campaignIdsWithStaleRelease(db)).toEqual([archived.campaignId]);
  });

  it("an interim release of an open campaign whose closing date passed (it counts as closed)", () => {
    const db = openDatabase(":memory:");
    const campaign = createFixtureCampaign(db, { closesAt: "2030-06-01T00:00:00.000Z" });
    storeResponses(db, campaign.campaignId, campaign.inScope[0] as string, 3);
    storeRelease(db, campaign.campaignId, 3);
    expect(campaignIdsWithStaleRelease(db, new Date("2030-05-31T23:59:59.000Z"))).toEqual([]);
    expect(campaignIdsWithStaleRelease(db, new Date("2030-06-01T00:00:00.000Z"))).toEqual([
      campaign.campaignId,
    ]);
  });

  it("not the kept interim release of a closed campaign whose responses retention deleted", () => {
    const db = openDatabase(":memory:");
    const deleted = createFixtureCampaign(db, { status: "closed" });
    storeRelease(db, deleted.campaignId, 240);
    expect(campaignIdsWithStaleRelease(db)).toEqual([]);
  });
});
