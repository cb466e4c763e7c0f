import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "../../server/auth/sessions";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { releases } from "../../server/db/schema";
import { viewResults } from "../../server/results/view-results";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

let db: DbConnection;
let campaign: FixtureCampaign;
const now = new Date("2030-01-10T12:00:00.000Z");

beforeEach(() => {
  db = openDatabase(":memory:");
  campaign = createFixtureCampaign(db);
  db.insert(releases)
    .values({
      campaignId: campaign.campaignId,
      servable: true,
      builtAt: now.toISOString(),
      respondents: 0,
      release: JSON.stringify({ groups: [], comments: [], dimensions: [], crosses: [] }),
    })
    .run();
});

const evaluator = (): SessionUser => ({
  id: "evaluator-id",
  email: "evaluator@example.org",
  role: "evaluator",
  organisationId: campaign.organisationId,
  unitId: null,
  locale: "en",
});

// What staff did is checked in the stored rows themselves: that is the point of this test.
const auditActions = () =>
  db.$client.prepare("SELECT action, target FROM audit_log ORDER BY id").all();
const viewedAt = () =>
  (
    db.$client
      .prepare("SELECT results_viewed_at AS at FROM campaigns WHERE id = ?")
      .get(campaign.campaignId) as { at: string | null }
  ).at;

/** Makes one of the service's two writes fail, as a full disk or a constraint would. */
function failWritesTo(table: "audit_log" | "campaigns") {
  const event = table === "audit_log" ? "INSERT" : "UPDATE";
  db.$client.exec(
    `CREATE TRIGGER fail_${table} BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, 'write failed'); END`,
  );
}

describe("viewing results", () => {
  it("records the view and marks the campaign viewed together with reading the release", () => {
    const seen = viewResults({
      db,
      user: evaluator(),
      slug: campaign.slug,
      action: "results.view",
      part: { table: "units" },
      now,
    });
    expect(seen.campaign.slug).toBe(campaign.slug);
    expect(seen.visible).toBeUndefined();
    expect(auditActions()).toEqual([{ action: "results.view", target: `${campaign.slug} units` }]);
    expect(viewedAt()).toBe(now.toISOString());
  });

  it("leaves no audit entry when the viewed mark cannot be written (one transaction)", () => {
    failWritesTo("campaigns");
    expect(() =>
      viewResults({
        db,
        user: evaluator(),
        slug: campaign.slug,
        action: "results.view",
        part: "summary",
        now,
      }),
    ).toThrow("write failed");
    expect(auditActions()).toEqual([]);
  });

  it("shows nothing and marks nothing when the audit entry cannot be written", () => {
    failWritesTo("audit_log");
    expect(() =>
      viewResults({
        db,
        user: evaluator(),
        slug: campaign.slug,
        action: "results.view",
        part: "summary",
        now,
      }),
    ).toThrow("write failed");
    expect(viewedAt()).toBeNull();
  });

  it("answers 404 out of scope and writes nothing", () => {
    const outsider = { ...evaluator(), organisationId: "another-organisation" };
    expect(() =>
      viewResults({
        db,
        user: outsider,
        slug: campaign.slug,
        action: "results.view",
        part: "summary",
        now,
      }),
    ).toThrow(/no campaign/);
    expect(auditActions()).toEqual([]);
    expect(viewedAt()).toBeNull();
  });

  it("answers 404 for a table the release does not have and writes nothing", () => {
    const table = "x".repeat(3000);
    expect(() =>
      viewResults({
        db,
        user: evaluator(),
        slug: campaign.slug,
        action: "results.view",
        part: { table },
        now,
      }),
    ).toThrow(/no such table/);
    expect(auditActions()).toEqual([]);
    expect(viewedAt()).toBeNull();
  });
});
