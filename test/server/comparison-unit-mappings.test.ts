import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import {
  type ComparisonAnswer,
  comparisonAnswerSchema,
} from "../../server/contract/comparison-schema";
import { resultsTableSchema } from "../../server/contract/release-schema";
import { unitMappingsAnswerSchema } from "../../server/contract/unit-mapping-schemas";
import { snapshotCampaignUnits } from "../../server/db/campaign-unit-tree";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import {
  campaigns,
  campaignUnitMappings,
  campaignUnits,
  campaignUnitTree,
  questionnaireVersions,
  units,
} from "../../server/db/schema";
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
import { expectOnlyServedFigures } from "./comparison-served-figures";

let db: DbConnection;
let releases: ReleaseScheduler;
let app: ReturnType<typeof createApp>;
let first: FixtureCampaign;
let reader: Agent;
let coordinator: Agent;
const secretKey = randomBytes(32);

beforeEach(async () => {
  db = openDatabase(":memory:");
  releases = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
  app = createApp({ db, config: { releases, secretKey } });
  first = createFixtureCampaign(db, { accessMode: "invitation-codes" });
  // The first wave keeps the tree it was opened with: units A and B.
  snapshotCampaignUnits(db, first.campaignId);
  reader = await signIn(app, insertUser(db, "evaluator", { organisationId: first.organisationId }));
  coordinator = await signIn(
    app,
    insertUser(db, "coordinator", { organisationId: first.organisationId }),
  );
});
afterEach(() => releases.close());

/** A unit created after the first wave (a merge or a split gives units new codes). */
function newUnit(code: string): string {
  const id = randomUUID();
  db.insert(units)
    .values({
      id,
      organisationId: first.organisationId,
      parentId: null,
      kind: "entity",
      code,
      nameNl: `Eenheid ${code}`,
      nameFr: `Unité ${code}`,
      nameEn: `Unit ${code}`,
    })
    .run();
  return id;
}

/** The second wave, opened a year later on `unitIds`, with its own copy of the unit tree. */
function secondWave(
  unitIds: string[],
  opensAt = "2001-01-01T00:00:00.000Z",
): { slug: string; campaignId: string } {
  const row = db.select().from(campaigns).where(eq(campaigns.id, first.campaignId)).get();
  if (!row) throw new Error("no campaign");
  const campaignId = randomUUID();
  const slug = `w2-${campaignId.slice(0, 8)}`;
  db.insert(campaigns)
    .values({
      ...row,
      id: campaignId,
      slug,
      titleEn: "Diagnosis, second wave",
      opensAt,
      resultsViewedAt: null,
    })
    .run();
  for (const unitId of unitIds) db.insert(campaignUnits).values({ campaignId, unitId }).run();
  snapshotCampaignUnits(db, campaignId);
  return { slug, campaignId };
}

async function submit(campaignId: string, slug: string, unit: string, satisfaction: number) {
  const code = issueFixtureCode(db, secretKey, campaignId, unit);
  const response = await app.request(`/api/campaigns/${slug}/responses`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ code, answers: { gender: "woman", excluded: "no", satisfaction } }),
  });
  expect(response.status).toBe(201);
}

async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 5));
  await releases.idle();
}

/**
 * Closes the waves in the order given, each at the end of the year it opened (2000, 2001, …),
 * and builds each one's release at close: while open, a release shows the organisation only.
 * After every wave is created: a later wave is a copy of the first one's row.
 */
async function closeWaves(...campaignIds: string[]) {
  await settle();
  for (const [index, campaignId] of campaignIds.entries()) {
    closeFixtureCampaign(db, campaignId, new Date(Date.UTC(2000 + index, 11, 31)));
    await releases.rebuild(campaignId);
  }
}

/** Wave 1: 20 people in A answer 1–2, `inB` in B answer 3. */
async function firstWave(inB: number) {
  const [a, b] = first.inScope as [string, string];
  for (let i = 0; i < 20; i++) await submit(first.campaignId, first.slug, a, 1 + (i % 2));
  for (let i = 0; i < inB; i++) await submit(first.campaignId, first.slug, b, 3);
  await settle();
  return { a, b };
}

async function compare(slug: string, table = "units"): Promise<ComparisonAnswer> {
  const response = await reader.request(
    "GET",
    `/api/admin/campaigns/${slug}/results/comparison?with=${first.slug}&table=${table}`,
  );
  expect(response.status).toBe(200);
  return comparisonAnswerSchema.parse(await response.json());
}

async function servedTables(slugs: string[], table = "units") {
  return Promise.all(
    slugs.map(async (slug) => {
      const response = await reader.request(
        "GET",
        `/api/admin/campaigns/${slug}/results/tables/${table}`,
      );
      expect(response.status).toBe(200);
      return resultsTableSchema.parse(await response.json());
    }),
  );
}

const putMappings = (agent: Agent, slug: string, pairs: { earlier: string; later: string }[]) =>
  agent.request("PUT", `/api/admin/campaigns/${slug}/unit-mappings`, {
    body: { from: first.slug, pairs },
  });

describe("units renamed, merged or split between waves", () => {
  it("compares a merged unit with the sum of its published parts, once a coordinator maps them", async () => {
    const { a, b } = await firstWave(12);
    const ab = newUnit("AB");
    const second = secondWave([ab]);
    for (let i = 0; i < 30; i++) await submit(second.campaignId, second.slug, ab, 4 + (i % 2));
    await closeWaves(first.campaignId, second.campaignId);

    // Without a mapping AB is new: nothing to compare it with.
    const before = await compare(second.slug);
    const unmapped = before.groups.find((group) => group.unitId === ab);
    expect(unmapped?.n[0]).toEqual({ absent: true });
    expect(unmapped?.population[0]).toMatchObject({ change: "new", earlier: [] });

    const saved = await putMappings(coordinator, second.slug, [
      { earlier: a, later: ab },
      { earlier: b, later: ab },
    ]);
    expect(saved.status).toBe(200);
    const mapping = unitMappingsAnswerSchema.parse(await saved.json());
    expect(mapping.outcome).toEqual([{ later: ab, earlier: [a, b], change: "merged", same: true }]);
    expect(mapping.earlierUnits.map((unit) => unit.code).sort()).toEqual(["A", "B"]);
    const audit = db.$client
      .prepare("SELECT target, detail FROM audit_log WHERE action = 'campaign.unit-mappings'")
      .all();
    expect(audit).toEqual([{ target: `${second.slug} from ${first.slug}`, detail: '{"pairs":2}' }]);

    const answer = await compare(second.slug);
    const merged = answer.groups.find((group) => group.unitId === ab);
    expect(merged?.n).toEqual([{ value: 32 }, { value: 30 }]);
    expect(merged?.population[0]).toMatchObject({ same: true, change: "merged" });
    expect(merged?.population[0]?.earlier.map((unit) => unit.code)).toEqual(["A", "B"]);
    const step = merged?.items.find((item) => item.key === "satisfaction")?.steps[0];
    if (!step?.compared) throw new Error("the merge was not compared");
    expect(step.mean?.verdict).toBe("clearly-better");
    // Every figure is one of the served tables', or a sum of their published counts.
    expectOnlyServedFigures(answer, await servedTables([first.slug, second.slug]));

    // The stored mapping reads back for the coordinator, not for an evaluator.
    const read = await coordinator.request(
      "GET",
      `/api/admin/campaigns/${second.slug}/unit-mappings?from=${first.slug}`,
    );
    expect(read.status).toBe(200);
    expect(unitMappingsAnswerSchema.parse(await read.json()).pairs).toHaveLength(2);
    await expectProblem(
      await reader.request(
        "GET",
        `/api/admin/campaigns/${second.slug}/unit-mappings?from=${first.slug}`,
      ),
      403,
    );
  });

  it("follows the mapping in a trend over three waves (the third keeps the merged unit's code)", async () => {
    const { a, b } = await firstWave(12);
    const ab = newUnit("AB");
    const second = secondWave([ab]);
    for (let i = 0; i < 30; i++) await submit(second.campaignId, second.slug, ab, 4 + (i % 2));
    const third = secondWave([ab], "2002-01-01T00:00:00.000Z");
    for (let i = 0; i < 25; i++) await submit(third.campaignId, third.slug, ab, 3 + (i % 3));
    await closeWaves(first.campaignId, second.campaignId, third.campaignId);
    expect(
      (
        await putMappings(coordinator, second.slug, [
          { earlier: a, later: ab },
          { earlier: b, later: ab },
        ])
      ).status,
    ).toBe(200);
    const response = await reader.request(
      "GET",
      `/api/admin/campaigns/${third.slug}/results/comparison?with=${first.slug},${second.slug}&table=units`,
    );
    expect(response.status).toBe(200);
    const answer = comparisonAnswerSchema.parse(await response.json());
    expect(answer.campaigns.map((campaign) => campaign.slug)).toEqual([
      first.slug,
      second.slug,
      third.slug,
    ]);
    const merged = answer.groups.find((group) => group.unitId === ab);
    expect(merged?.n).toEqual([{ value: 32 }, { value: 30 }, { value: 25 }]);
    expect(merged?.population.map((step) => [step.change, step.same])).toEqual([
      ["merged", true],
      ["unchanged", true],
    ]);
    const steps = merged?.items.find((item) => item.key === "satisfaction")?.steps ?? [];
    expect(steps.map((step) => step.compared)).toEqual([true, true]);
    expectOnlyServedFigures(answer, await servedTables([first.slug, second.slug, third.slug]));
  });

  it("never sums a merge whose part is hidden: no figure, the reason", async () => {
    const { a, b } = await firstWave(2);
    const ab = newUnit("AB");
    const second = secondWave([ab]);
    for (let i = 0; i < 30; i++) await submit(second.campaignId, second.slug, ab, 4 + (i % 2));
    await closeWaves(first.campaignId, second.campaignId);
    expect(
      (
        await putMappings(coordinator, second.slug, [
          { earlier: a, later: ab },
          { earlier: b, later: ab },
        ])
      ).status,
    ).toBe(200);
    const answer = await compare(second.slug);
    const merged = answer.groups.find((group) => group.unitId === ab);
    // B (2 people) is hidden in wave 1, and A with it: A + B would give the organisation's B.
    expect(merged?.n[0]).toMatchObject({ hidden: expect.any(String) });
    for (const item of merged?.items ?? []) {
      expect(item.waves[0]?.state).toBe("hidden");
      expect(item.steps[0]).toMatchObject({ compared: false, notCompared: { why: "hidden" } });
      expect(JSON.stringify(item.waves[0])).not.toMatch(/\d/);
    }
    expectOnlyServedFigures(answer, await servedTables([first.slug, second.slug]));
  });

  it("labels the parts of a split unit as not the same population, on screen data and in the exports", async () => {
    const { a } = await firstWave(12);
    const a2 = newUnit("A2");
    // A keeps its code; part of it became A2.
    const second = secondWave([a, a2]);
    for (const unit of [a, a2])
      for (let i = 0; i < 15; i++) await submit(second.campaignId, second.slug, unit, 4);
    await closeWaves(first.campaignId, second.campaignId);
    expect((await putMappings(coordinator, second.slug, [{ earlier: a, later: a2 }])).status).toBe(
      200,
    );
    const answer = await compare(second.slug);
    for (const unit of [a, a2]) {
      const part = answer.groups.find((group) => group.unitId === unit);
      expect(part?.population[0]).toMatchObject({ same: false, change: "split" });
      expect(part?.n[0]).toEqual({ value: 20 });
    }
    expectOnlyServedFigures(answer, await servedTables([first.slug, second.slug]));
    const base = `/api/admin/campaigns/${second.slug}/results/comparison`;
    const query = `?with=${first.slug}&table=units`;
    const excel = await (
      await reader.request("GET", `${base}/export-for-excel.csv${query}&lang=en`)
    ).text();
    expect(excel).toContain("not the same population");
    const dutch = await (
      await reader.request("GET", `${base}/export-for-excel.csv${query}&lang=nl`)
    ).text();
    expect(dutch).toContain("niet dezelfde populatie");
    const analysis = await (await reader.request("GET", `${base}/export.csv${query}`)).text();
    expect(analysis.split("\r\n")[0]).toContain("population");
    expect(analysis).toMatch(/,split,/);
  });

  it("refuses pairs it cannot store, all or nothing, and readers who may not change the campaign", async () => {
    const [a, b] = first.inScope as [string, string];
    const ab = newUnit("AB");
    const second = secondWave([ab]);
    await expectProblem(await putMappings(reader, second.slug, [{ earlier: a, later: ab }]), 403);
    const unknown = await putMappings(coordinator, second.slug, [
      { earlier: a, later: ab },
      { earlier: ab, later: a },
    ]);
    await expectProblem(unknown, 422);
    // B inside A in the first wave's tree: their sum would count B twice.
    db.update(campaignUnitTree).set({ parentId: a }).where(eq(campaignUnitTree.unitId, b)).run();
    const nested = await putMappings(coordinator, second.slug, [
      { earlier: a, later: ab },
      { earlier: b, later: ab },
    ]);
    const problem = (await expectProblem(nested, 422)) as { errors: { question: string }[] };
    expect(problem.errors.map((error) => error.question)).toEqual(["pairs.1.earlier"]);
    // A campaign that opened later is not an earlier wave.
    const backwards = await coordinator.request(
      "PUT",
      `/api/admin/campaigns/${first.slug}/unit-mappings`,
      { body: { from: second.slug, pairs: [] } },
    );
    await expectProblem(backwards, 422);
    expect(db.select().from(campaignUnitMappings).all()).toEqual([]);
  });

  it("marks an earlier wave that lacks the chosen table as absent instead of refusing", async () => {
    // The first wave's questionnaire version did not ask gender as a breakdown; version 2 does.
    const firstRow = db.select().from(campaigns).where(eq(campaigns.id, first.campaignId)).get();
    const version = db
      .select()
      .from(questionnaireVersions)
      .where(eq(questionnaireVersions.id, firstRow?.questionnaireVersionId ?? ""))
      .get();
    if (!version) throw new Error("no version");
    // A published version never changes (the database refuses it): the first wave is moved to
    // a version 2 without the breakdown, the second wave runs on a version 3 with it.
    const withoutBreakdown = JSON.parse(version.definition);
    withoutBreakdown.pages[0].elements[1].breakdown = false;
    const earlierVersion = randomUUID();
    db.insert(questionnaireVersions)
      .values({
        ...version,
        id: earlierVersion,
        number: 2,
        definition: JSON.stringify(withoutBreakdown),
      })
      .run();
    db.update(campaigns)
      .set({ questionnaireVersionId: earlierVersion })
      .where(eq(campaigns.id, first.campaignId))
      .run();
    const laterVersion = randomUUID();
    db.insert(questionnaireVersions)
      .values({ ...version, id: laterVersion, number: 3 })
      .run();
    for (const unit of first.inScope)
      for (let i = 0; i < 12; i++) await submit(first.campaignId, first.slug, unit, 2);
    await settle();
    const second = secondWave(first.inScope);
    db.update(campaigns)
      .set({ questionnaireVersionId: laterVersion })
      .where(eq(campaigns.id, second.campaignId))
      .run();
    for (const unit of first.inScope)
      for (let i = 0; i < 15; i++) await submit(second.campaignId, second.slug, unit, 4);
    await closeWaves(first.campaignId, second.campaignId);
    const answer = await compare(second.slug, "dimension:gender");
    expect(answer.groups.length).toBeGreaterThan(0);
    for (const group of answer.groups) {
      expect(group.n[0]).toEqual({ absent: true });
      for (const item of group.items) {
        expect(item.waves[0]).toEqual({ state: "absent", of: "table" });
        expect(item.steps[0]).toMatchObject({ notCompared: { why: "absent", of: "table" } });
      }
    }
  });
});
