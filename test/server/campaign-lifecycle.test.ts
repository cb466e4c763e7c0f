import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { markResultsViewed } from "../../server/campaigns/mark-results-viewed";
import { runMaintenance } from "../../server/campaigns/run-maintenance";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { questionnaireVersions, releases } from "../../server/db/schema";
import { type Agent, campaignInput, expectProblem, insertUser, signIn } from "./admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

const DAY = 86_400_000;
let db: DbConnection;
let app: ReturnType<typeof createApp>;
let fixture: FixtureCampaign;
let coordinator: Agent;
let coordinatorEmail: string;
const clock = { time: 0 };

/** Moves the clock, signing in again: a session does not outlive 24 hours. */
async function advanceTo(time: number) {
  clock.time = time;
  coordinator = await signIn(app, coordinatorEmail);
}

beforeEach(async () => {
  clock.time = new Date("2030-01-10T12:00:00.000Z").getTime();
  db = openDatabase(":memory:");
  app = createApp({ db, config: { now: () => new Date(clock.time) } });
  fixture = createFixtureCampaign(db);
  coordinatorEmail = insertUser(db, "coordinator", { organisationId: fixture.organisationId });
  coordinator = await signIn(app, coordinatorEmail);
});

async function create(overrides: Record<string, unknown> = {}) {
  const response = await coordinator.request("POST", "/api/admin/campaigns", {
    body: { ...campaignInput(fixture), ...overrides },
  });
  expect(response.status).toBe(201);
  return (await response.json()).campaign as Record<string, unknown> & { slug: string };
}

const patch = (slug: string, body: unknown) =>
  coordinator.request("PATCH", `/api/admin/campaigns/${slug}`, { body });
const act = (slug: string, action: string) =>
  coordinator.request("POST", `/api/admin/campaigns/${slug}/${action}`);
const form = (slug: string) => app.request(`/api/campaigns/${slug}/form`);
const count = (sql: string, ...params: unknown[]) =>
  (db.$client.prepare(sql).get(...params) as { n: number }).n;
const idOf = (slug: string) =>
  (db.$client.prepare("SELECT id FROM campaigns WHERE slug = ?").get(slug) as { id: string }).id;

describe("campaign lifecycle", () => {
  it("creates a draft that respondents cannot see", async () => {
    const campaign = await create();
    expect(campaign).toMatchObject({
      status: "draft",
      k: 5,
      responsesDeleteAt: null,
      resultsViewed: false,
      respondentUrl: `/s/${campaign.slug}`,
    });
    await expectProblem(await form(campaign.slug), 404);
    await expectProblem(
      await coordinator.request("POST", "/api/admin/campaigns", {
        body: { ...campaignInput(fixture), slug: campaign.slug },
      }),
      409,
      "slug-taken",
    );
  });

  it("edits everything in draft, within the rules", async () => {
    const campaign = await create();
    const edited = await patch(campaign.slug, {
      title: { nl: "Nieuw", fr: "Nouveau", en: "New" },
      unitIds: [fixture.inScope[0]],
      accessMode: "invitation-codes",
      retentionDays: 90,
      k: 3,
      opensAt: "2030-01-15T00:00:00+01:00",
    });
    expect(edited.status).toBe(200);
    expect((await edited.json()).campaign).toMatchObject({
      title: { en: "New" },
      unitIds: [fixture.inScope[0]],
      accessMode: "invitation-codes",
      retentionDays: 90,
      k: 3,
      opensAt: "2030-01-14T23:00:00.000Z",
    });
    const invalid: [unknown, string][] = [
      [{ k: 2 }, "k"],
      [{ closesAt: "2030-01-01T00:00:00.000Z" }, "closesAt"],
      [{ unitIds: [fixture.outOfScope, "no-such-unit"] }, "unitIds"],
      [{ questionnaire: { slug: fixture.questionnaireSlug, version: 2 } }, "questionnaire"],
      [{ retentionDays: 0 }, "retentionDays"],
    ];
    for (const [body, field] of invalid) {
      const problem = await expectProblem(await patch(campaign.slug, body), 422);
      expect(problem.errors?.map((e) => e.question)).toEqual([field]);
    }
  });

  it("only offers published questionnaire versions, which are never edited", async () => {
    const questionnaireId = (
      db.$client
        .prepare(
          "SELECT questionnaire_id AS q FROM questionnaire_versions WHERE number = 1 AND questionnaire_id IN (SELECT id FROM questionnaires WHERE slug = ?)",
        )
        .get(fixture.questionnaireSlug) as { q: string }
    ).q;
    db.insert(questionnaireVersions)
      .values({
        id: randomUUID(),
        questionnaireId,
        number: 2,
        definition: "{}",
        sha256: "draft",
        published: false,
      })
      .run();
    const campaign = await create();
    const problem = await expectProblem(
      await patch(campaign.slug, {
        questionnaire: { slug: fixture.questionnaireSlug, version: 2 },
      }),
      422,
    );
    expect(problem.errors?.[0]?.message).toMatch(/not published/);
    const version = db.$client
      .prepare(
        "SELECT definition FROM questionnaire_versions WHERE number = 1 AND questionnaire_id = ?",
      )
      .get(questionnaireId);
    expect((version as { definition: string }).definition).toContain("unitPicker");
  });

  it("opens now (an opening date ahead moves to now), after which only k changes", async () => {
    const campaign = await create({ opensAt: "2030-01-20T00:00:00.000Z" });
    const opened = await act(campaign.slug, "open");
    expect(opened.status).toBe(200);
    expect((await opened.json()).campaign).toMatchObject({
      status: "open",
      opensAt: new Date(clock.time).toISOString(),
    });
    expect((await form(campaign.slug)).status).toBe(200);
    await expectProblem(await act(campaign.slug, "open"), 409, "status");
    await expectProblem(await patch(campaign.slug, { retentionDays: 10 }), 409, "not-draft");
    await expectProblem(
      await patch(campaign.slug, { unitIds: [fixture.inScope[0]] }),
      409,
      "not-draft",
    );
    // Sending fields unchanged is not an edit.
    const same = await patch(campaign.slug, { retentionDays: 30, title: campaign.title });
    expect(same.status).toBe(200);
    // Before results were viewed, k may go down to the floor.
    expect((await patch(campaign.slug, { k: 4 })).status).toBe(200);
    expect((await patch(campaign.slug, { k: 3 })).status).toBe(200);
  });

  it("lets k only go up once results were viewed", async () => {
    const campaign = await create({ k: 6 });
    expect((await act(campaign.slug, "open")).status).toBe(200);
    markResultsViewed(db, idOf(campaign.slug), new Date(clock.time));
    const viewed = await (
      await coordinator.request("GET", `/api/admin/campaigns/${campaign.slug}`)
    ).json();
    expect(viewed.campaign.resultsViewed).toBe(true);
    await expectProblem(await patch(campaign.slug, { k: 5 }), 409, "k-only-up");
    const up = await patch(campaign.slug, { k: 8 });
    expect(up.status).toBe(200);
    expect((await up.json()).campaign.k).toBe(8);
    await expectProblem(await patch(campaign.slug, { k: 7 }), 409, "k-only-up");
    const audit = db.$client
      .prepare("SELECT detail FROM audit_log WHERE action = 'campaign.update' ORDER BY id DESC")
      .get() as { detail: string };
    expect(JSON.parse(audit.detail)).toEqual({ fields: ["k"], k: { from: 6, to: 8 } });
  });

  it("closes now, then archives; respondents get 410 and editing ends with the archive", async () => {
    const campaign = await create();
    await act(campaign.slug, "open");
    await advanceTo(clock.time + DAY);
    const closed = await act(campaign.slug, "close");
    expect(closed.status).toBe(200);
    const closedCampaign = (await closed.json()).campaign;
    expect(closedCampaign).toMatchObject({
      status: "closed",
      closesAt: new Date(clock.time).toISOString(),
      responsesDeleteAt: new Date(clock.time + 30 * DAY).toISOString(),
    });
    await expectProblem(await form(campaign.slug), 410, "closed");
    await expectProblem(await act(campaign.slug, "open"), 409);
    expect((await patch(campaign.slug, { k: 9 })).status).toBe(200);
    const archived = await act(campaign.slug, "archive");
    expect((await archived.json()).campaign.status).toBe("archived");
    await expectProblem(await patch(campaign.slug, { k: 10 }), 409, "not-editable");
    await expectProblem(await form(campaign.slug), 410);
    const actions = (
      db.$client
        .prepare("SELECT action FROM audit_log WHERE target = ? ORDER BY id")
        .all(campaign.slug) as { action: string }[]
    ).map((r) => r.action);
    expect(actions).toEqual([
      "campaign.create",
      "campaign.open",
      "campaign.close",
      "campaign.update",
      "campaign.archive",
    ]);
  });

  it("counts a campaign as closed once its closing date passed, and the job writes it down", async () => {
    const campaign = await create({ closesAt: "2030-01-20T00:00:00.000Z" });
    await act(campaign.slug, "open");
    expect((await form(campaign.slug)).status).toBe(200);
    await advanceTo(new Date("2030-01-20T00:00:00.000Z").getTime());
    await expectProblem(await form(campaign.slug), 410, "closed");
    const seen = await (
      await coordinator.request("GET", `/api/admin/campaigns/${campaign.slug}`)
    ).json();
    expect(seen.campaign).toMatchObject({
      status: "closed",
      responsesDeleteAt: "2030-02-19T00:00:00.000Z",
    });
    await expectProblem(await act(campaign.slug, "close"), 409);
    const closedIds: string[] = [];
    const report = runMaintenance({
      db,
      now: new Date(clock.time),
      log: silent,
      afterClose: (campaignId) => closedIds.push(campaignId),
    });
    expect(report.closed).toContain(campaign.slug);
    expect(closedIds).toContain(idOf(campaign.slug));
    expect(
      count(
        "SELECT count(*) AS n FROM campaigns WHERE slug = ? AND status = 'closed'",
        campaign.slug,
      ),
    ).toBe(1);
    const entry = db.$client
      .prepare("SELECT actor_id, action FROM audit_log WHERE target = ? ORDER BY id DESC")
      .get(campaign.slug);
    expect(entry).toEqual({ actor_id: null, action: "campaign.close" });
    expect((await act(campaign.slug, "archive")).status).toBe(200);
  });

  it("refuses to open a campaign whose closing date has passed", async () => {
    const campaign = await create({
      opensAt: "2030-01-01T00:00:00.000Z",
      closesAt: "2030-01-05T00:00:00.000Z",
    });
    await expectProblem(await act(campaign.slug, "open"), 409, "dates");
  });
});

const silent = { warn: () => {}, log: () => {} };

describe("retention", () => {
  async function closedWithResponses(retentionDays: number) {
    const campaign = createFixtureCampaign(db, {
      opensAt: "2029-12-01T00:00:00.000Z",
      closesAt: "2030-01-10T00:00:00.000Z",
    });
    db.$client
      .prepare("UPDATE campaigns SET retention_days = ? WHERE id = ?")
      .run(retentionDays, campaign.campaignId);
    const insert = db.$client.prepare(
      "INSERT INTO responses (id, campaign_id, unit_id, answers) VALUES (?, ?, ?, '{}')",
    );
    for (let i = 0; i < 4; i++) insert.run(randomUUID(), campaign.campaignId, campaign.inScope[0]);
    db.$client
      .prepare(
        "INSERT INTO invitation_codes (hash, campaign_id, unit_id, used) VALUES (?, ?, ?, 1)",
      )
      .run(randomUUID(), campaign.campaignId, campaign.inScope[0]);
    return campaign;
  }
  const responsesOf = (campaignId: string) =>
    count("SELECT count(*) AS n FROM responses WHERE campaign_id = ?", campaignId);

  it("deletes raw responses and codes after the retention period, keeping the release", async () => {
    const expired = await closedWithResponses(10);
    const later = await closedWithResponses(60);
    db.insert(releases)
      .values({
        campaignId: expired.campaignId,
        servable: true,
        builtAt: "2030-01-10T01:00:00.000Z",
        respondents: 4,
        release: '{"groups":[]}',
      })
      .run();
    db.insert(releases)
      .values({
        campaignId: later.campaignId,
        servable: true,
        builtAt: "2030-01-10T01:00:00.000Z",
        respondents: 4,
        release: '{"groups":[]}',
      })
      .run();
    const before = runMaintenance({ db, now: new Date("2030-01-19T23:59:59.000Z"), log: silent });
    expect(before.responsesDeleted).toEqual([]);
    expect(responsesOf(expired.campaignId)).toBe(4);

    const deletedIds: string[] = [];
    const report = runMaintenance({
      db,
      now: new Date("2030-01-20T00:00:00.000Z"),
      log: silent,
      afterResponsesDeleted: (campaignId) => deletedIds.push(campaignId),
    });
    expect(report.responsesDeleted).toEqual([{ slug: expired.slug, responses: 4 }]);
    expect(deletedIds).toEqual([expired.campaignId]);
    expect(responsesOf(expired.campaignId)).toBe(0);
    expect(
      count("SELECT count(*) AS n FROM invitation_codes WHERE campaign_id = ?", expired.campaignId),
    ).toBe(0);
    expect(
      count("SELECT count(*) AS n FROM releases WHERE campaign_id = ?", expired.campaignId),
    ).toBe(1);
    expect(responsesOf(later.campaignId)).toBe(4);
    expect(responsesOf(fixture.campaignId)).toBe(0);
    const entry = db.$client
      .prepare("SELECT actor_id, detail FROM audit_log WHERE action = 'retention.delete'")
      .get();
    expect(entry).toEqual({ actor_id: null, detail: JSON.stringify({ responses: 4 }) });
    // Running again finds nothing left to do.
    expect(
      runMaintenance({ db, now: new Date("2030-01-21T00:00:00.000Z"), log: silent })
        .responsesDeleted,
    ).toEqual([]);
  });

  it("keeps the responses, and says so, while no audited release exists", async () => {
    const campaign = await closedWithResponses(1);
    const warnings: string[] = [];
    const report = runMaintenance({
      db,
      now: new Date("2030-03-01T00:00:00.000Z"),
      log: { warn: (message: string) => warnings.push(message), log: () => {} },
    });
    expect(report.skippedWithoutRelease).toEqual([campaign.slug]);
    expect(responsesOf(campaign.campaignId)).toBe(4);
    expect(warnings.join("\n")).toContain(campaign.slug);
  });
});
