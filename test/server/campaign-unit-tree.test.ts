import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { resultsSummarySchema } from "../../server/contract/release-schema";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { units } from "../../server/db/schema";
import { loadReleaseInput } from "../../server/results/load-release-input";
import { inProcessBuilder } from "../../server/results/release-builders";
import {
  createReleaseScheduler,
  type ReleaseScheduler,
} from "../../server/results/release-scheduler";
import { type Agent, expectProblem, insertUser, signIn } from "./admin-fixture";
import {
  closeFixtureCampaign,
  createFixtureCampaign,
  type FixtureCampaign,
  issueFixtureCode,
} from "./campaign-fixture";

let db: DbConnection;
let releases: ReleaseScheduler;
let app: ReturnType<typeof createApp>;
let campaign: FixtureCampaign;
let admin: Agent;
let organisationSlug: string;
// Invitation codes: an open link's results show the organisation as a whole only.
const secretKey = randomBytes(32);

const names = (en: string) => ({ nl: `${en} nl`, fr: `${en} fr`, en });

beforeEach(async () => {
  db = openDatabase(":memory:");
  releases = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
  app = createApp({ db, config: { releases, secretKey } });
  // Units A and B in scope, C out of it; all three at the top. Opened through the API.
  campaign = createFixtureCampaign(db, {
    accessMode: "invitation-codes",
    status: "draft",
    opensAt: "2000-01-01T00:00:00.000Z",
    closesAt: "2999-01-01T00:00:00.000Z",
  });
  organisationSlug = `org-${campaign.organisationId}`;
  admin = await signIn(app, insertUser(db, "admin"));
  expect((await admin.request("POST", `/api/admin/campaigns/${campaign.slug}/open`)).status).toBe(
    200,
  );
});
afterEach(() => releases.close());

/** One respondent of `unit`, with a code of that unit as an invitation would carry. */
async function submit(unit: string, gender: string) {
  const code = issueFixtureCode(db, secretKey, campaign.campaignId, unit);
  const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ code, answers: { gender, excluded: "no", satisfaction: 3 } }),
  });
  expect(response.status).toBe(201);
}

async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 5));
  await releases.idle();
}

const patch = (code: string, body: unknown) =>
  admin.request("PATCH", `/api/admin/organisations/${organisationSlug}/units/${code}`, { body });

describe("a campaign keeps the unit tree it was opened with", () => {
  it("after a rename and a move, its release, results and exports still show the old names and tree", async () => {
    const [a, b] = campaign.inScope as [string, string];
    for (let i = 0; i < 10; i++) await submit(a, i % 2 ? "woman" : "man");
    for (let i = 0; i < 10; i++) await submit(b, i % 2 ? "woman" : "man");
    // Closed, with its release at close: the breakdowns by unit (while open, the organisation
    // only).
    await settle();
    closeFixtureCampaign(db, campaign.campaignId);
    await releases.rebuild(campaign.campaignId);
    const path = `/api/admin/campaigns/${campaign.slug}/results/tables/dimension:gender/export.csv?lang=en`;
    const before = await (await admin.request("GET", path)).text();
    expect(before).toContain("A,Unit A,");

    // A is renamed and moved under C (a unit outside the campaign): nothing in the way any more.
    expect((await patch("A", { name: names("Renamed A") })).status).toBe(200);
    expect((await patch("A", { parentCode: "C" })).status).toBe(200);
    const live = db.select().from(units).all();
    expect(live.find((unit) => unit.code === "A")?.parentId).toBe(
      live.find((unit) => unit.code === "C")?.id,
    );

    // A new release is built on the tree of the opening: A is still a top unit, C not in it.
    expect(loadReleaseInput(db, campaign.campaignId).input.units).toEqual(
      expect.arrayContaining([
        { id: a, parentId: null },
        { id: b, parentId: null },
      ]),
    );
    expect(loadReleaseInput(db, campaign.campaignId).input.units).toHaveLength(2);
    // Rebuilt after the rename and the move (as after a headcount change; closed, it takes no
    // more responses).
    await releases.rebuild(campaign.campaignId);
    const summary = resultsSummarySchema.parse(
      await (await admin.request("GET", `/api/admin/campaigns/${campaign.slug}/results`)).json(),
    );
    // The release's groups: the organisation, and A and B right below it, as at opening.
    expect(summary.units).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: campaign.organisationId, parentId: null }),
        expect.objectContaining({ id: a, parentId: campaign.organisationId }),
        expect.objectContaining({ id: b, parentId: campaign.organisationId }),
      ]),
    );
    expect(summary.units).toHaveLength(3);
    const after = await (await admin.request("GET", path)).text();
    expect(after).toContain("A,Unit A,");
    expect(after).not.toContain("Renamed");
    const excel = await (
      await admin.request(
        "GET",
        `/api/admin/campaigns/${campaign.slug}/results/tables/dimension:gender/export-for-excel.csv?lang=fr`,
      )
    ).text();
    expect(excel).toContain("Unité A");
    expect(excel).not.toContain("Renamed");
  });

  it("after a rename, the results answer (which the results screen names units from) still gives the old names, as the exports do", async () => {
    const [a, b] = campaign.inScope as [string, string];
    for (let i = 0; i < 10; i++) await submit(a, i % 2 ? "woman" : "man");
    await settle();
    expect((await patch("A", { name: names("Renamed A") })).status).toBe(200);
    await submit(b, "woman");
    await releases.rebuild(campaign.campaignId);
    const summary = resultsSummarySchema.parse(
      await (await admin.request("GET", `/api/admin/campaigns/${campaign.slug}/results`)).json(),
    );
    expect(summary.units).toEqual(
      expect.arrayContaining([
        {
          id: campaign.organisationId,
          parentId: null,
          name: { nl: "Org", fr: "Org", en: "Org" },
        },
        {
          id: a,
          parentId: campaign.organisationId,
          name: { nl: "Eenheid A", fr: "Unité A", en: "Unit A" },
        },
        {
          id: b,
          parentId: campaign.organisationId,
          name: { nl: "Eenheid B", fr: "Unité B", en: "Unit B" },
        },
      ]),
    );
    expect(JSON.stringify(summary)).not.toContain("Renamed");
  });

  it("a draft follows the live tree; it is copied when the draft opens", async () => {
    const draft = createFixtureCampaign(db, { status: "draft" });
    const slug = `org-${draft.organisationId}`;
    const rename = await admin.request("PATCH", `/api/admin/organisations/${slug}/units/A`, {
      body: { name: names("Draft A") },
    });
    expect(rename.status).toBe(200);
    const copied = () =>
      db.$client
        .prepare("SELECT code, name_en AS name FROM campaign_unit_tree WHERE campaign_id = ?")
        .all(draft.campaignId);
    expect(copied()).toEqual([]);
    expect((await admin.request("POST", `/api/admin/campaigns/${draft.slug}/open`)).status).toBe(
      200,
    );
    expect(copied()).toEqual(
      expect.arrayContaining([
        { code: "A", name: "Draft A" },
        { code: "B", name: "Unit B" },
      ]),
    );
  });

  it("still refuses to move units of a campaign opened before copies were kept (its results follow the live tree)", async () => {
    const legacy = createFixtureCampaign(db, { status: "closed" });
    await expectProblem(
      await admin.request(
        "PATCH",
        `/api/admin/organisations/org-${legacy.organisationId}/units/A`,
        {
          body: { parentCode: "C" },
        },
      ),
      409,
      "unit-in-use",
    );
  });
});
