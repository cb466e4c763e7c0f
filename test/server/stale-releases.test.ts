import { describe, expect, it } from "vitest";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { releases, responses } from "../../server/db/schema";
import { campaignIdsWithStaleRelease } from "../../server/db/stale-releases";
import { createFixtureCampaign } from "./campaign-fixture";

function storeRelease(db: DbConnection, campaignId: string, respondents: number) {
  db.insert(releases)
    .values({
      campaignId,
      servable: true,
      builtAt: "2030-01-01T00:00:00.000Z",
      respondents,
      release: "{}",
    })
    .run();
}

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
});
