import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApp } from "../../server/app";
import {
  resultsCommentsSchema,
  resultsSummarySchema,
  resultsTableSchema,
} from "../../server/contract/release-schema";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { inProcessBuilder } from "../../server/results/release-builders";
import {
  createReleaseScheduler,
  type ReleaseScheduler,
} from "../../server/results/release-scheduler";
import { type Agent, insertUser, signIn } from "./admin-fixture";
import {
  closeFixtureCampaign,
  createFixtureCampaign,
  type FixtureCampaign,
  issueFixtureCode,
} from "./campaign-fixture";

const secretKey = randomBytes(32);
let db: DbConnection;
let releases: ReleaseScheduler;
let app: ReturnType<typeof createApp>;
let campaign: FixtureCampaign;
let evaluator: Agent;

beforeEach(async () => {
  db = openDatabase(":memory:");
  releases = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
  app = createApp({ db, config: { releases, secretKey } });
  // Invitation codes: an open link's results show the organisation as a whole only
  // (test/server/open-link-stuffing.test.ts), and these tests read breakdowns.
  campaign = createFixtureCampaign(db, { accessMode: "invitation-codes" });
  evaluator = await signIn(
    app,
    insertUser(db, "evaluator", { organisationId: organisationOf(campaign) }),
  );
});

function organisationOf(fixture: FixtureCampaign): string {
  return (
    db.$client
      .prepare("SELECT organisation_id AS id FROM campaigns WHERE id = ?")
      .get(fixture.campaignId) as { id: string }
  ).id;
}

const get = (path: string, agent: Agent = evaluator) => agent.request("GET", path);
afterEach(() => releases.close());

/** One respondent of `unit`, with a code of that unit as an invitation would carry. */
async function submit(unit: string, gender: string, excluded = "no", comment?: string) {
  const code = issueFixtureCode(db, secretKey, campaign.campaignId, unit);
  const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      answers: { gender, excluded, satisfaction: 3, ...(comment ? { comment } : {}) },
      code,
    }),
  });
  expect(response.status).toBe(201);
}

/** Lets the debounce timer fire, then waits for the build it started. */
async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 5));
  await releases.idle();
}

/**
 * Closes the campaign once the submissions are in, and waits for the release at close: while
 * open, releases publish the organisation as a whole only, and these tests read breakdowns.
 */
async function closeAndSettle() {
  await settle();
  closeFixtureCampaign(db, campaign.campaignId);
  await releases.rebuild(campaign.campaignId);
}

describe("results API", () => {
  it("refuses readers without a session, with a problem document", async () => {
    const response = await app.request(`/api/admin/campaigns/${campaign.slug}/results`);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("hides another organisation's results (404), and shows a unit evaluator its subtree only", async () => {
    const [a, b] = campaign.inScope as [string, string];
    for (let i = 0; i < 12; i++) await submit(a, i % 2 ? "woman" : "man");
    for (let i = 0; i < 12; i++) await submit(b, i % 2 ? "woman" : "man");
    await closeAndSettle();
    const other = createFixtureCampaign(db);
    const outsider = await signIn(
      app,
      insertUser(db, "evaluator", { organisationId: organisationOf(other) }),
    );
    expect((await get(`/api/admin/campaigns/${campaign.slug}/results`, outsider)).status).toBe(404);
    expect(
      (await get(`/api/admin/campaigns/${campaign.slug}/results/tables/units`, outsider)).status,
    ).toBe(404);

    const unitReader = await signIn(
      app,
      insertUser(db, "evaluator", { organisationId: organisationOf(campaign), unitId: a }),
    );
    const table = resultsTableSchema.parse(
      await (
        await get(`/api/admin/campaigns/${campaign.slug}/results/tables/units`, unitReader)
      ).json(),
    );
    expect(new Set(table.groups.map((group) => group.unitId))).toEqual(new Set([a]));
  });

  it("records every results view and export in the audit log", async () => {
    await submit(campaign.inScope[0] as string, "woman");
    await settle();
    await get(`/api/admin/campaigns/${campaign.slug}/results`);
    await get(`/api/admin/campaigns/${campaign.slug}/results/tables/units/export.csv`);
    const actions = db.$client
      .prepare("SELECT action, target FROM audit_log WHERE action LIKE 'results.%' ORDER BY id")
      .all();
    expect(actions).toEqual([
      { action: "results.view", target: campaign.slug },
      { action: "results.export", target: `${campaign.slug} units` },
    ]);
  });

  it("says the results are not ready before the first audited release", async () => {
    const response = await get(`/api/admin/campaigns/${campaign.slug}/results`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: "urn:peilpunt:problem:release-not-ready" });
  });

  it("serves the audited release after submissions, hiding small groups with a reason", async () => {
    const [a, b] = campaign.inScope as [string, string];
    for (let i = 0; i < 12; i++) await submit(a, i < 9 ? "woman" : "man");
    await submit(b, "woman");
    await submit(b, "man");
    await closeAndSettle();

    const summary = await get(`/api/admin/campaigns/${campaign.slug}/results`);
    expect(summary.status).toBe(200);
    const raw = await summary.json();
    const body = resultsSummarySchema.parse(raw);
    expect(body.tables.map((table) => table.id)).toEqual(["units", "dimension:gender"]);
    // The answer-check figures are counts of what the reader's tables mark hidden (derivable
    // from them); solver figures such as the item audit's rounds are not served.
    let itemCells = 0;
    let itemsHidden = 0;
    let answersHidden = 0;
    for (const { id } of body.tables) {
      const served = resultsTableSchema.parse(
        await (await get(`/api/admin/campaigns/${campaign.slug}/results/tables/${id}`)).json(),
      );
      for (const group of served.groups) {
        if (!("value" in group.n)) continue;
        itemCells += group.items.length;
        const hidden = group.items.filter((item) => "hidden" in item).length;
        itemsHidden += hidden;
        answersHidden += hidden * group.n.value;
      }
    }
    expect(itemCells).toBeGreaterThan(0);
    expect(body.audit).toMatchObject({ itemCells, itemsHidden, answersHidden });
    expect(Object.keys(raw.audit)).not.toContain("itemRounds");

    const units = await get(`/api/admin/campaigns/${campaign.slug}/results/tables/units`);
    expect(units.status).toBe(200);
    const table = resultsTableSchema.parse(await units.json());
    const byUnit = new Map(table.groups.map((group) => [`${group.unitId}/${group.part}`, group]));
    expect(byUnit.get(`${b}/all`)?.n).toEqual({ hidden: "primary" });
    // The organisation total minus unit A would give unit B's 2 respondents: A is hidden too.
    expect(byUnit.get(`${a}/all`)?.n).toEqual({ hidden: "secondary" });
    for (const group of table.groups) {
      if ("hidden" in group.n) expect(group.items).toEqual([]);
      else expect(group.n.value === 0 || group.n.value >= 5).toBe(true);
    }
  });

  it("keeps comments of groups under max(k, 10) out of the release", async () => {
    const [a] = campaign.inScope as [string];
    for (let i = 0; i < 6; i++)
      await submit(a, "woman", "no", `note ${i} mail me at x${i}@example.org`);
    await settle();
    const response = await get(`/api/admin/campaigns/${campaign.slug}/results/comments`);
    expect(resultsCommentsSchema.parse(await response.json()).comments).toEqual([]);
    for (let i = 6; i < 12; i++)
      await submit(a, "woman", "no", `note ${i} mail me at x${i}@example.org`);
    await settle();
    const later = resultsCommentsSchema.parse(
      await (await get(`/api/admin/campaigns/${campaign.slug}/results/comments`)).json(),
    );
    const texts = later.comments.flatMap((entry) => entry.texts);
    expect(texts.length).toBeGreaterThanOrEqual(12);
    expect(texts.join(" ")).not.toMatch(/@example\.org/);
  });

  it("exports a table as CSV with hidden figures spelled out, never as 0", async () => {
    const [a, b] = campaign.inScope as [string, string];
    for (let i = 0; i < 10; i++) await submit(a, "woman");
    await submit(b, "man");
    await closeAndSettle();
    const response = await get(
      `/api/admin/campaigns/${campaign.slug}/results/tables/dimension:gender/export.csv?lang=fr`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    const csv = await response.text();
    expect(csv).toMatch(/hidden \(primary\)/);
    const [header, ...rows] = csv.split("\r\n");
    expect(header).toBe(
      "unit,unit_name,part,gender,n,question,option,count,share,mean,favourable,figures_of",
    );
    // Units by code and name in the asked language, never by internal id.
    expect(rows.some((row) => row.startsWith("A,Unité A,"))).toBe(true);
    expect(csv).not.toContain(a);
  });

  it("answers an unknown table with 404 and never exposes responses", async () => {
    const response = await get(`/api/admin/campaigns/${campaign.slug}/results/tables/responses`);
    expect([404]).toContain(response.status);
    const raw = await get(`/api/admin/campaigns/${campaign.slug}/responses`);
    expect(raw.status).toBe(404);
  });
});

describe("exports for Excel and for analysts", () => {
  async function fill() {
    const [a, b] = campaign.inScope as [string, string];
    for (let i = 0; i < 10; i++) await submit(a, i < 6 ? "woman" : "man");
    await submit(b, "man");
    await closeAndSettle();
  }

  it("writes a Dutch CSV for Excel: byte-order mark, ';', decimal comma, texts not codes", async () => {
    await fill();
    const response = await get(
      `/api/admin/campaigns/${campaign.slug}/results/tables/dimension:gender/export-for-excel.csv?lang=nl`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    const [header, ...rows] = csv.trimEnd().split("\r\n");
    expect(header?.split(";").slice(0, 6)).toEqual([
      "Eenheid",
      "Code eenheid",
      "Welk personeel",
      "Gender (nl)",
      "Respondenten",
      "Vraag",
    ]);
    // The six women all rated satisfaction 3: count 6, share 100,0, mean 3,00, agree 0,0 (the
    // fixture's gender choices have no texts, so their values stand in).
    const satisfaction = rows.filter((row) => row.includes(";Satisfaction (nl);3;"));
    expect(satisfaction.map((row) => row.split(";").slice(3, 11).join("|"))).toContain(
      "woman|6|Satisfaction (nl)|3|6|100,0|3,00|0,0",
    );
    expect(csv).toContain("verborgen: minder dan 5 respondenten");
    expect(csv).not.toMatch(/\d\.\d/);
    const english = await (
      await get(
        `/api/admin/campaigns/${campaign.slug}/results/tables/units/export-for-excel.csv?lang=en`,
      )
    ).text();
    expect(english.split("\r\n")[0]).toMatch(/^Unit,Unit code,Which staff,Respondents,/);
    expect(english).toMatch(/,100\.0,3\.00,/);
  });

  it("serves a table as JSON exactly as the results API does", async () => {
    await fill();
    const api = await (
      await get(`/api/admin/campaigns/${campaign.slug}/results/tables/dimension:gender`)
    ).json();
    const response = await get(
      `/api/admin/campaigns/${campaign.slug}/results/tables/dimension:gender/export.json`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename=".*\.json"/);
    expect(resultsTableSchema.parse(await response.json())).toEqual(resultsTableSchema.parse(api));
  });

  it("writes every export to the audit log", async () => {
    await fill();
    const base = `/api/admin/campaigns/${campaign.slug}/results`;
    for (const path of [
      "/tables/units/export.csv",
      "/tables/units/export-for-excel.csv?lang=fr",
      "/tables/units/export.json",
      "/export.xlsx",
    ]) {
      expect((await get(`${base}${path}`)).status).toBe(200);
    }
    const targets = db.$client
      .prepare("SELECT target FROM audit_log WHERE action = 'results.export' ORDER BY id")
      .all();
    expect(targets).toEqual([
      { target: `${campaign.slug} units` },
      { target: `${campaign.slug} units csv-for-excel` },
      { target: `${campaign.slug} units json` },
      { target: `${campaign.slug} xlsx` },
    ]);
  });
});

describe("output schema", () => {
  it("raising k publishes a new release with the new k at once (a new release follows)", async () => {
    const [a, b] = campaign.inScope as [string, string];
    for (let i = 0; i < 6; i++) await submit(a, i % 2 ? "woman" : "man");
    for (let i = 0; i < 6; i++) await submit(b, i % 2 ? "woman" : "man");
    await closeAndSettle();
    const unitFigure = async () => {
      const response = await get(`/api/admin/campaigns/${campaign.slug}/results/tables/units`);
      expect(response.status).toBe(200);
      const table = resultsTableSchema.parse(await response.json());
      return table.groups.find((group) => group.unitId === a && group.part === "all")?.n;
    };
    expect(await unitFigure()).toEqual({ value: 6 });

    const coordinator = await signIn(
      app,
      insertUser(db, "coordinator", { organisationId: organisationOf(campaign) }),
    );
    const path = `/api/admin/campaigns/${campaign.slug}`;
    expect((await coordinator.request("PATCH", path, { body: { k: 7 } })).status).toBe(200);
    await releases.idle();
    // No submission came in meanwhile: only the k change can have rebuilt the release.
    expect(await unitFigure()).toEqual({ hidden: "primary" });
  });

  it("strips anything that is not a published figure", () => {
    const leaked = resultsTableSchema.parse({
      campaign: { slug: "x", k: 5 },
      builtAt: "now",
      table: { id: "units", dimensions: [] },
      groups: [
        {
          id: "u/all",
          unitId: "u",
          part: "all",
          filters: [],
          n: { hidden: "primary" },
          items: [],
          rawN: 2,
        },
      ],
    });
    expect(JSON.stringify(leaked)).not.toContain("rawN");
    expect(() =>
      z.array(resultsTableSchema.shape.groups.element).parse([
        {
          id: "u",
          unitId: "u",
          part: "all",
          filters: [],
          n: { hidden: "primary", value: 2 },
          items: [],
        },
      ]),
    ).toThrow();
  });
});

describe("XLSX export", () => {
  it("holds one sheet per table with the release's figures, hidden ones spelled out", async () => {
    const [a, b] = campaign.inScope as [string, string];
    for (let i = 0; i < 10; i++) await submit(a, "woman");
    await submit(b, "man");
    await closeAndSettle();
    const response = await get(`/api/admin/campaigns/${campaign.slug}/results/export.xlsx`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "about",
      "by unit",
      "gender",
      "comments",
    ]);
    const units = workbook.getWorksheet("by unit");
    const values = units?.getSheetValues().flat().map(String) ?? [];
    expect(values).toContain("◌ hidden: fewer than 5 respondents");
    // Organisation (11) minus unit A (10) would give unit B's 1: unit A is hidden as well.
    expect(values).toContain("◍ hidden: protects a small group");
    // The first sheet states the campaign, k and the rules, in the asked language.
    const dutch = new ExcelJS.Workbook();
    await dutch.xlsx.load(
      await (
        await get(`/api/admin/campaigns/${campaign.slug}/results/export.xlsx?lang=nl`)
      ).arrayBuffer(),
    );
    const about = dutch.worksheets[0];
    expect(about?.name).toBe("toelichting");
    expect(about?.getCell("A3").value).toBe("Minimale groepsgrootte (k)");
    expect(about?.getCell("B3").value).toBe(5);
    expect(String(about?.getCell("B1").value)).toContain(campaign.slug);
  });
});
