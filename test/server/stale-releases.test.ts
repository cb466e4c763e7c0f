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
  { servable = true }: { servable?: boolean } = {},
) {
  db.insert(releases)
    .values({
      campaignId,
      servable,
      builtAt: "2030-01-01T00:00:00.000Z",
      respondents,
      release: JSON.stringify(release),
    })
    .run();
}

/** What buildRelease records: the release was built with the item audit's LP stage. */
const LP_CHECKED = { audit: { itemLp: true } };

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
    storeRelease(db, behind.campaignId, 2, LP_CHECKED);
    storeResponses(db, current.campaignId, current.inScope[0] as string, 3);
    storeRelease(db, current.campaignId, 3, LP_CHECKED);
    expect(campaignIdsWithStaleRelease(db)).toEqual([behind.campaignId]);
  });

  it("not a kept release whose responses retention deleted: rebuilding would empty it", () => {
    const db = openDatabase(":memory:");
    const deleted = createFixtureCampaign(db);
    storeRelease(db, deleted.campaignId, 240);
    expect(campaignIdsWithStaleRelease(db)).toEqual([]);
  });

  it("a servable release built without the item LP stage (a version before it), open or closed, not one built with it", () => {
    const db = openDatabase(":memory:");
    const closed = createFixtureCampaign(db, { status: "closed" });
    const archived = createFixtureCampaign(db, { status: "archived" });
    const open = createFixtureCampaign(db);
    const current = createFixtureCampaign(db);
    for (const campaign of [closed, archived, open, current]) {
      storeResponses(db, campaign.campaignId, campaign.inScope[0] as string, 3);
    }
    storeRelease(db, closed.campaignId, 3);
    storeRelease(db, archived.campaignId, 3);
    storeRelease(db, open.campaignId, 3);
    storeRelease(db, current.campaignId, 3, LP_CHECKED);
    // Open campaigns first: their readers wait for the rebuild.
    const stale = campaignIdsWithStaleRelease(db);
    expect(stale[0]).toBe(open.campaignId);
    expect(stale.sort()).toEqual([closed.campaignId, archived.campaignId, open.campaignId].sort());
    // The newest release decides: one built with the LP stage after it is current.
    storeRelease(db, open.campaignId, 3, LP_CHECKED);
    storeRelease(db, closed.campaignId, 3, LP_CHECKED);
    expect(campaignIdsWithStaleRelease(db)).toEqual([archived.campaignId]);
  });

  it("not a release held back (not servable) for want of the LP stage: rebuilt, it would be held back again", () => {
    const db = openDatabase(":memory:");
    const campaign = createFixtureCampaign(db);
    storeResponses(db, campaign.campaignId, campaign.inScope[0] as string, 3);
    storeRelease(db, campaign.campaignId, 3, LP_CHECKED);
    storeRelease(db, campaign.campaignId, 3, {}, { servable: false });
    expect(campaignIdsWithStaleRelease(db)).toEqual([]);
  });

  it("not the kept release (without the LP stage) of a closed campaign whose responses retention deleted", () => {
    const db = openDatabase(":memory:");
    const deleted = createFixtureCampaign(db, { status: "closed" });
    storeRelease(db, deleted.campaignId, 240);
    expect(campaignIdsWithStaleRelease(db)).toEqual([]);
  });
});
