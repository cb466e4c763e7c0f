import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApp } from "../../server/app";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { campaignUnits, units } from "../../server/db/schema";
import { MAX_SUBMISSION_BYTES } from "../../server/routes/respondent";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

const problemSchema = z.looseObject({
  type: z.string().startsWith("urn:peilpunt:problem:"),
  title: z.string().min(1),
  status: z.number().int(),
  detail: z.string().min(1),
  errors: z.array(z.object({ question: z.string(), message: z.string() })).optional(),
});

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let campaign: FixtureCampaign;

beforeEach(() => {
  db = openDatabase(":memory:");
  app = createApp({ db });
  campaign = createFixtureCampaign(db);
});

/** Rows per table, to see everything a request wrote. */
function rowCounts(): Record<string, number> {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (db.$client.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  );
}

function storedCount(): number {
  return (db.$client.prepare("SELECT count(*) AS n FROM responses").get() as { n: number }).n;
}

function submit(answers: unknown, slug = campaign.slug) {
  return app.request(`/api/campaigns/${slug}/responses`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ answers }),
  });
}

function valid(overrides: Record<string, unknown> = {}) {
  return {
    unit: campaign.inScope[0],
    gender: "woman",
    excluded: "yes",
    grounds: ["origin"],
    satisfaction: 4,
    climate: { respected: 5, heard: 3 },
    knows_trust_person: true,
    comment: "Fine.",
    ...overrides,
  };
}

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = problemSchema.parse(await response.json());
  expect(body.status).toBe(status);
  return body;
}

describe("GET /api/campaigns/:slug/form", () => {
  it("serves the exact version with the unit question limited to the units in scope", async () => {
    const response = await app.request(`/api/campaigns/${campaign.slug}/form`);
    expect(response.status).toBe(200);
    const form = await response.json();
    expect(form.campaign.minCellSize).toBe(5);
    const unitQuestion = form.questionnaire.definition.pages[0].elements[0];
    expect(unitQuestion.choices.map((c: { value: string }) => c.value).sort()).toEqual(
      [...campaign.inScope].sort(),
    );
    expect(unitQuestion.readOnly).toBeUndefined();
  });

  it("labels a unit with its parent so departments of different faculties are told apart", async () => {
    const childId = randomUUID();
    const organisationId = (
      db.$client
        .prepare("SELECT organisation_id AS o FROM units WHERE id = ?")
        .get(campaign.inScope[0]) as {
        o: string;
      }
    ).o;
    db.insert(units)
      .values({
        id: childId,
        organisationId,
        parentId: campaign.inScope[0],
        kind: "department",
        code: "A1",
        nameNl: "Departement 1",
        nameFr: "Département 1",
        nameEn: "Department 1",
      })
      .run();
    db.insert(campaignUnits).values({ campaignId: campaign.campaignId, unitId: childId }).run();
    const form = await (await app.request(`/api/campaigns/${campaign.slug}/form`)).json();
    const choice = form.questionnaire.definition.pages[0].elements[0].choices.find(
      (c: { value: string }) => c.value === childId,
    );
    expect(choice.text).toEqual({
      nl: "Eenheid A › Departement 1",
      fr: "Unité A › Département 1",
      en: "Unit A › Department 1",
    });
  });

  it("fixes the unit when the link names one in scope, and ignores one out of scope", async () => {
    const fixed = await (
      await app.request(`/api/campaigns/${campaign.slug}/form?unit=${campaign.inScope[1]}`)
    ).json();
    expect(fixed.questionnaire.definition.pages[0].elements[0]).toMatchObject({
      defaultValue: campaign.inScope[1],
      readOnly: true,
    });
    const outside = await (
      await app.request(`/api/campaigns/${campaign.slug}/form?unit=${campaign.outOfScope}`)
    ).json();
    expect(outside.questionnaire.definition.pages[0].elements[0].defaultValue).toBeUndefined();
  });

  it("answers 404 for an unknown campaign and for a malformed slug", async () => {
    await expectProblem(await app.request("/api/campaigns/no-such-campaign/form"), 404);
    await expectProblem(await app.request("/api/campaigns/..%2F..%2Fetc/form"), 404);
  });

  it("answers 403 before opening and 410 after closing, with the date", async () => {
    const future = createFixtureCampaign(db, {
      opensAt: "2999-01-01T00:00:00.000Z",
      closesAt: "2999-02-01T00:00:00.000Z",
    });
    const notOpen = await expectProblem(
      await app.request(`/api/campaigns/${future.slug}/form`),
      403,
    );
    expect(notOpen).toMatchObject({
      type: "urn:peilpunt:problem:not-open",
      opensAt: "2999-01-01T00:00:00.000Z",
    });
    const past = createFixtureCampaign(db, {
      opensAt: "2001-01-01T00:00:00.000Z",
      closesAt: "2001-02-01T00:00:00.000Z",
    });
    const closed = await expectProblem(await app.request(`/api/campaigns/${past.slug}/form`), 410);
    expect(closed).toMatchObject({ type: "urn:peilpunt:problem:closed" });
  });
});

describe("POST /api/campaigns/:slug/responses", () => {
  it("stores a valid response with its unit and answers only, and writes to no other table", async () => {
    const before = rowCounts();
    const response = await submit(valid());
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ status: "stored" });
    const rows = db.$client.prepare("SELECT * FROM responses").all() as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.unit_id).toBe(campaign.inScope[0]);
    const { unit: _unit, ...answers } = valid();
    expect(JSON.parse(rows[0]?.answers ?? "")).toEqual(answers);
    // No per-day counter or any other trace of when someone answered (issue 10).
    expect(rowCounts()).toEqual({ ...before, responses: (before.responses ?? 0) + 1 });
  });

  it("accepts a response that leaves optional questions out", async () => {
    const response = await submit({ unit: campaign.inScope[1], excluded: "no" });
    expect(response.status).toBe(201);
    expect(storedCount()).toBe(1);
  });

  // Built lazily: the fixture campaign (and its unit ids) exists only once beforeEach ran.
  const invalid: [string, () => Record<string, unknown>, string][] = [
    ["a value outside the choices", () => valid({ gender: "robot" }), "gender"],
    ["a rating out of range", () => valid({ satisfaction: 7 }), "satisfaction"],
    ["a rating of the wrong type", () => valid({ satisfaction: "4" }), "satisfaction"],
    ["an unknown matrix row", () => valid({ climate: { respected: 5, salary: 1 } }), "climate"],
    ["a matrix value outside the columns", () => valid({ climate: { respected: 9 } }), "climate"],
    ["a duplicated checkbox value", () => valid({ grounds: ["origin", "origin"] }), "grounds"],
    ["a text over its limit", () => valid({ comment: "x".repeat(51) }), "comment"],
    [
      "a missing required question",
      () => valid({ excluded: undefined, grounds: undefined }),
      "excluded",
    ],
    ["a required follow-up left out while shown", () => valid({ grounds: undefined }), "grounds"],
    ["a hidden question answered", () => valid({ excluded: "no", grounds: ["origin"] }), "grounds"],
    ["an unknown key", () => valid({ ip_address: "10.0.0.1" }), "ip_address"],
    [
      "a __proto__ key",
      () => JSON.parse('{"__proto__": {"polluted": true}, "excluded": "no"}'),
      "__proto__",
    ],
    ["a unit outside the campaign", () => valid({ unit: "not-a-unit" }), "unit"],
    ["an answer to a display-only element", () => valid({ note: "hi" }), "note"],
    [
      "a boolean given as a string",
      () => valid({ knows_trust_person: "yes" }),
      "knows_trust_person",
    ],
  ];

  it.each(invalid)(
    "refuses %s with 422 naming the question, storing nothing",
    async (_, answers, question) => {
      const body = await expectProblem(await submit(answers()), 422);
      expect(body.errors?.map((e) => e.question)).toContain(question);
      expect(storedCount()).toBe(0);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it("names every faulty question at once", async () => {
    const body = await expectProblem(
      await submit(valid({ gender: "robot", satisfaction: 0 })),
      422,
    );
    expect(body.errors?.map((e) => e.question).sort()).toEqual(["gender", "satisfaction"]);
  });

  it("refuses extra top-level members such as a language or a timestamp", async () => {
    const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answers: valid(), locale: "fr" }),
    });
    await expectProblem(response, 422);
    expect(storedCount()).toBe(0);
  });

  it("answers 404 for an unknown campaign", async () => {
    await expectProblem(await submit(valid(), "no-such-campaign"), 404);
  });

  it("answers 403 before opening and 410 after closing, storing nothing", async () => {
    const future = createFixtureCampaign(db, {
      opensAt: "2999-01-01T00:00:00.000Z",
      closesAt: "2999-02-01T00:00:00.000Z",
    });
    await expectProblem(await submit(valid({ unit: future.inScope[0] }), future.slug), 403);
    const past = createFixtureCampaign(db, {
      opensAt: "2001-01-01T00:00:00.000Z",
      closesAt: "2001-02-01T00:00:00.000Z",
    });
    await expectProblem(await submit(valid({ unit: past.inScope[0] }), past.slug), 410);
    expect(storedCount()).toBe(0);
  });

  it("answers 413 for a body over the limit", async () => {
    const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answers: valid({ comment: "x".repeat(MAX_SUBMISSION_BYTES) }) }),
    });
    await expectProblem(response, 413);
    expect(storedCount()).toBe(0);
  });

  it("answers 415 for another content type", async () => {
    const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "answers=1",
    });
    await expectProblem(response, 415);
  });

  it("answers 400 for malformed JSON", async () => {
    const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"answers": {',
    });
    await expectProblem(response, 400);
    expect(storedCount()).toBe(0);
  });

  it("sets no cookie and sends strict security headers", async () => {
    const response = await submit(valid());
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  });
});
