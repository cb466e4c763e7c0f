import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Release } from "../../../analysis/release-types";
import { headcountReleaseSchema } from "../../../server/contract/headcount-schemas";
import {
  type Participation,
  participationSchema,
} from "../../../server/contract/participation-schema";
import { resultsTableSchema } from "../../../server/contract/release-schema";
import {
  type StaffComposition,
  staffCompositionSchema,
} from "../../../server/contract/staff-composition-schema";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import { inProcessBuilder } from "../../../server/results/release-builders";
import {
  createReleaseScheduler,
  type ReleaseScheduler,
} from "../../../server/results/release-scheduler";
import { type Agent, insertUser, signIn } from "../admin-fixture";
import {
  closeFixtureCampaign,
  createFixtureCampaign,
  type FixtureCampaign,
  issueFixtureCode,
} from "../campaign-fixture";
import { headcountTestApp } from "./headcount-app";

// Headcounts make the survey stronger (issue 14 point 4): participation sets respondents
// against the published staff, and a headcount import rebuilds the survey releases it affects.

const HEADER =
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown";
/**
 * Unit A: 30 staff (shown); B: 3 (hidden, fewer than 5); C: 12, outside the campaign. Every
 * count of C is below A's, so hiding B's neighbours hides C's cells (the cheapest), never A's,
 * whatever order the random unit ids give.
 */
const HEADCOUNTS = [
  HEADER,
  "A;support;30;20;10;6;24;0;6;24;0",
  "B;support;3;1;2;0;3;0;0;3;0",
  "C;support;12;6;6;5;7;0;5;7;0",
].join("\n");

interface Setting {
  db: DbConnection;
  releases: ReleaseScheduler;
  campaign: FixtureCampaign;
  admin: Agent;
  /** Evaluators of the whole organisation, of unit A and of unit B. */
  evaluator: Agent;
  evaluatorOfA: Agent;
  evaluatorOfB: Agent;
  /** The survey release stored last before the headcounts were imported. */
  releaseBefore: Release;
  importHeadcounts(): Promise<void>;
}

/**
 * A campaign with invitation codes (breakdowns by unit), answered by `perUnit` respondents and
 * closed, with its release at close.
 */
async function setting(perUnit: [number, number]): Promise<Setting> {
  const db = openDatabase(":memory:");
  const secretKey = randomBytes(32);
  const releases = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
  const { app, releasesBuilt } = headcountTestApp(db, { releases, secretKey });
  const campaign = createFixtureCampaign(db, { accessMode: "invitation-codes" });
  const [a, b] = campaign.inScope as [string, string];
  const organisationId = campaign.organisationId;
  const admin = await signIn(app, insertUser(db, "admin"));
  const evaluator = await signIn(app, insertUser(db, "evaluator", { organisationId }));
  const evaluatorOfA = await signIn(
    app,
    insertUser(db, "evaluator", { organisationId, unitId: a }),
  );
  const evaluatorOfB = await signIn(
    app,
    insertUser(db, "evaluator", { organisationId, unitId: b }),
  );
  for (const [unit, n] of [
    [a, perUnit[0]],
    [b, perUnit[1]],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          answers: { gender: i % 2 === 0 ? "man" : "woman", excluded: "no", satisfaction: 4 },
          code: issueFixtureCode(db, secretKey, campaign.campaignId, unit),
        }),
      });
      expect(response.status).toBe(201);
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
  await releases.idle();
  // Per-unit figures come with the release at close (while open: the organisation only). Closed
  // today, the campaign's reference date is still on or after the headcounts' 2024-12-31.
  closeFixtureCampaign(db, campaign.campaignId);
  await releases.rebuild(campaign.campaignId);
  return {
    db,
    releases,
    campaign,
    admin,
    evaluator,
    evaluatorOfA,
    evaluatorOfB,
    releaseBefore: latestRelease(db, campaign.campaignId),
    async importHeadcounts() {
      const imported = await admin.request(
        "POST",
        `/api/admin/organisations/org-${organisationId}/headcounts/2024-12-31`,
        { headers: { "Content-Type": "text/csv" }, rawBody: HEADCOUNTS },
      );
      expect(imported.status).toBe(201);
      await releasesBuilt();
      await releases.idle();
    },
  };
}

function latestRelease(db: DbConnection, campaignId: string): Release {
  const row = db.$client
    .prepare("SELECT release FROM releases WHERE campaign_id = ? ORDER BY id DESC LIMIT 1")
    .get(campaignId) as { release: string };
  return JSON.parse(row.release) as Release;
}

async function downloadWorkbook(agent: Agent, slug: string, lang: string) {
  const response = await agent.request(
    "GET",
    `/api/admin/campaigns/${slug}/results/export.xlsx?lang=${lang}`,
  );
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

async function participation(agent: Agent, slug: string): Promise<Participation> {
  const response = await agent.request("GET", `/api/admin/campaigns/${slug}/participation`);
  expect(response.status).toBe(200);
  return participationSchema.parse(await response.json());
}

/** The staff totals (all levels, everyone) the headcount API shows this reader at a date. */
async function shownStaff(agent: Agent, s: Setting, date: string) {
  const response = await agent.request(
    "GET",
    `/api/admin/organisations/org-${s.campaign.organisationId}/headcounts`,
  );
  expect(response.status).toBe(200);
  const release = headcountReleaseSchema.parse(await response.json());
  const cells = release.dates.find((d) => d.referenceDate === date)?.cells ?? [];
  return new Map(
    cells
      .filter((c) => c.part === "all" && c.level === null && c.dimension === null)
      .map((c) => [c.unitId, c.n]),
  );
}

/**
 * What must hold for every reader: a staff figure is exactly what the headcount API shows that
 * reader, and a rate exists only where both figures are shown values, computed from them.
 */
async function expectRatesFromShownFigures(agent: Agent, s: Setting) {
  const view = await participation(agent, s.campaign.slug);
  expect(view.staffDate).toBe("2024-12-31");
  const staff = await shownStaff(agent, s, "2024-12-31");
  for (const row of view.units) {
    if (row.staff) expect(row.staff).toEqual(staff.get(row.unitId));
    if (row.staffRate) {
      expect(row.staff && "value" in row.staff).toBe(true);
      expect("value" in row.respondents).toBe(true);
      const shown = row.respondents as { value: number };
      const total = row.staff as { value: number };
      expect(row.staffRate.value).toBe(Math.round((shown.value / total.value) * 1000) / 1000);
    } else if (row.staff && "value" in row.staff && "value" in row.respondents) {
      expect(row.staff.value).toBe(0);
    }
  }
  return view;
}

describe("response rate against headcounts, counts shown", () => {
  let s: Setting;
  beforeAll(async () => {
    s = await setting([6, 5]);
  });
  afterAll(() => s.releases.close());

  it("before any headcount: no staff column and the release knows no headcounts", async () => {
    const view = await participation(s.evaluator, s.campaign.slug);
    expect(view.staffDate).toBeUndefined();
    expect(view.units.some((row) => row.staff || row.staffRate)).toBe(false);
    expect(s.releaseBefore.knownHeadcounts).toEqual({});
  });

  it("a headcount import rebuilds the campaign's release, audited with the published staff totals", async () => {
    await s.importHeadcounts();
    const after = latestRelease(s.db, s.campaign.campaignId);
    const [a] = s.campaign.inScope as [string];
    expect(after.knownHeadcounts[a]).toBe(30);
    // B's 3 staff are hidden in the headcount tables: unknown to an attacker, no cap.
    expect(Object.values(after.knownHeadcounts)).not.toContain(3);
  });

  it("gives the rate where both figures are shown, staff hidden gives none, and no organisation rate when the campaign covers part of it", async () => {
    const view = await expectRatesFromShownFigures(s.evaluator, s);
    const [a, b] = s.campaign.inScope as [string, string];
    const rows = new Map(view.units.map((row) => [row.unitId, row]));
    expect(rows.get(a)).toMatchObject({
      respondents: { value: 6 },
      staff: { value: 30 },
      staffRate: { value: 0.2 },
    });
    // 3 staff are "fewer than 5" in the headcount tables: shown hidden, never a rate.
    expect(rows.get(b)?.staff).toEqual({ hidden: "primary" });
    expect(rows.get(b)?.staffRate).toBeUndefined();
    // Unit C (20 staff) was not surveyed: the organisation's respondents and staff differ.
    expect(rows.get(s.campaign.organisationId)?.staff).toBeUndefined();
    expect(rows.get(s.campaign.organisationId)?.staffRate).toBeUndefined();
    expect(view.staffK).toBe(5);
  });

  it("an evaluator of a unit gets the rate of their unit only", async () => {
    const [a] = s.campaign.inScope as [string];
    const view = await expectRatesFromShownFigures(s.evaluatorOfA, s);
    expect(view.units.map((row) => row.unitId)).toEqual([a]);
    expect(view.units[0]?.staffRate).toEqual({ value: 0.2 });
    const ofB = await expectRatesFromShownFigures(s.evaluatorOfB, s);
    expect(ofB.units.every((row) => row.unitId !== a && row.staffRate === undefined)).toBe(true);
  });
});

describe("response rate against headcounts, a count hidden", () => {
  let s: Setting;
  beforeAll(async () => {
    s = await setting([2, 6]);
    await s.importHeadcounts();
  });
  afterAll(() => s.releases.close());

  it("gives no rate for a hidden respondent count, although the staff total is shown", async () => {
    const view = await expectRatesFromShownFigures(s.admin, s);
    const [a] = s.campaign.inScope as [string];
    const row = view.units.find((unit) => unit.unitId === a);
    expect(row?.respondents).toEqual({ hidden: "primary" });
    expect(row?.staff).toEqual({ value: 30 });
    expect(row?.staffRate).toBeUndefined();
    expect(JSON.stringify(view)).not.toContain("0.067");
  });
});

async function composition(agent: Agent, slug: string): Promise<StaffComposition> {
  const response = await agent.request(
    "GET",
    `/api/admin/campaigns/${slug}/results/staff-composition`,
  );
  expect(response.status).toBe(200);
  return staffCompositionSchema.parse(await response.json());
}

describe("the respondents' composition against the staff's", () => {
  let s: Setting;
  beforeAll(async () => {
    // 5 women and 5 men answered in each of units A and B; A's staff is 20 women, 10 men.
    s = await setting([10, 10]);
  });
  afterAll(() => s.releases.close());

  it("is empty before any headcount is published, and the workbook has no sheet for it", async () => {
    const view = await composition(s.evaluator, s.campaign.slug);
    expect(view).toMatchObject({ staffDate: null, dimensions: [] });
    const workbook = await downloadWorkbook(s.evaluator, s.campaign.slug, "fr");
    expect(workbook.worksheets.map((sheet) => sheet.name)).not.toContain("Répondants et personnel");
  });

  it("sets the published survey figures against the published headcounts, and marks women under-represented", async () => {
    await s.importHeadcounts();
    const view = await composition(s.evaluator, s.campaign.slug);
    expect(view.staffDate).toBe("2024-12-31");
    // The fixture asks gender only: no migration background or disability question, no row.
    expect(view.dimensions.map((d) => [d.question, d.dimension])).toEqual([["gender", "gender"]]);
    const gender = view.dimensions[0] as StaffComposition["dimensions"][number];
    expect(gender.values).toEqual(["woman", "man", "x"]);
    const [a, b] = s.campaign.inScope as [string, string];
    const unitA = gender.units.find((unit) => unit.unitId === a);
    expect(unitA?.respondents).toEqual({ counts: [5, 5, 0], total: 10 });
    expect(unitA?.staff).toEqual({ counts: [20, 10, 0], total: 30 });
    expect(unitA?.rows.map((row) => [row.value, row.underRepresented])).toEqual([
      ["woman", true],
      ["man", false],
      ["x", false],
    ]);
    expect(unitA?.rows[0]?.difference).toBeCloseTo(0.5 - 2 / 3);
    // B's 3 staff are hidden in the headcount tables: no shares, whatever the survey shows.
    const unitB = gender.units.find((unit) => unit.unitId === b);
    expect(unitB?.staff).toBe("hidden");
    expect(unitB?.rows).toEqual([]);
    // The organisation includes unit C, which was not surveyed: not compared.
    expect(gender.units.some((unit) => unit.unitId === s.campaign.organisationId)).toBe(false);
  });

  it("holds exactly the figures the results and headcount APIs show the reader", async () => {
    const view = await composition(s.evaluator, s.campaign.slug);
    const table = resultsTableSchema.parse(
      await (
        await s.evaluator.request(
          "GET",
          `/api/admin/campaigns/${s.campaign.slug}/results/tables/dimension:gender`,
        )
      ).json(),
    );
    const headcounts = headcountReleaseSchema.parse(
      await (
        await s.evaluator.request(
          "GET",
          `/api/admin/organisations/org-${s.campaign.organisationId}/headcounts`,
        )
      ).json(),
    );
    const cells = headcounts.dates.find((d) => d.referenceDate === view.staffDate)?.cells ?? [];
    const survey = { woman: ["woman"], man: ["man"], x: ["another"] } as Record<string, string[]>;
    for (const dimension of view.dimensions) {
      for (const unit of dimension.units) {
        const respondents = dimension.values.map((value) =>
          (survey[value] ?? []).map(
            (answer) =>
              table.groups.find(
                (g) =>
                  g.unitId === unit.unitId &&
                  g.part === "all" &&
                  g.filters.length === 1 &&
                  g.filters[0]?.value === answer,
              )?.n,
          ),
        );
        const staff = dimension.values.map(
          (value) =>
            cells.find(
              (c) =>
                c.unitId === unit.unitId &&
                c.part === "all" &&
                c.level === null &&
                c.dimension === "gender" &&
                c.value === value,
            )?.n,
        );
        if (unit.respondents === "hidden") {
          expect(respondents.flat().some((n) => !n || !("value" in n))).toBe(true);
        } else {
          expect(unit.respondents.counts).toEqual(
            respondents.map((parts) =>
              parts.reduce((sum, n) => sum + (n && "value" in n ? n.value : Number.NaN), 0),
            ),
          );
        }
        if (unit.staff === "hidden") {
          expect(staff.some((n) => !n || !("value" in n))).toBe(true);
        } else {
          expect(unit.staff.counts).toEqual(staff.map((n) => (n && "value" in n ? n.value : -1)));
        }
      }
    }
  });

  it("downloads for Excel in the reader's language: the same shares, a decimal comma and ; in Dutch", async () => {
    const response = await s.evaluator.request(
      "GET",
      `/api/admin/campaigns/${s.campaign.slug}/results/staff-composition/export-for-excel.csv?lang=nl`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "eenheid;eenheidscode;categorie;groep;aandeel respondenten (%);aandeel personeel (%);verschil (procentpunt);te weinig vertegenwoordigd;personeelsaantallen op",
    );
    expect(lines).toContain("Eenheid A;A;Gender;Vrouw;50,0;66,7;-16,7;ja;2024-12-31");
    expect(lines).toContain("Eenheid A;A;Gender;Man;50,0;33,3;16,7;nee;2024-12-31");
    expect(lines).toContain(
      "Eenheid B;B;Gender;verborgen in de personeelsaantallen;;;;;2024-12-31",
    );
    const logged = s.db.$client
      .prepare("SELECT target FROM audit_log WHERE action = 'results.export'")
      .all() as { target: string }[];
    expect(logged.map((row) => row.target)).toContain(
      `${s.campaign.slug} staff-composition-csv-for-excel`,
    );
  });

  it("downloads for analysis: codes, the counts behind both shares, shares as fractions, and why a unit has none", async () => {
    const response = await s.evaluator.request(
      "GET",
      `/api/admin/campaigns/${s.campaign.slug}/results/staff-composition/export.csv?lang=en`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain(
      `${s.campaign.slug}-staff-composition-en.csv`,
    );
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "unit,unit_name,category,value,status,respondents,respondents_known,staff,staff_known,respondent_share,staff_share,difference,under_represented,staff_date",
    );
    expect(lines).toContain(
      "A,Unit A,gender,woman,shown,5,10,20,30,0.5000,0.6667,-0.1667,true,2024-12-31",
    );
    expect(lines).toContain(
      "A,Unit A,gender,man,shown,5,10,10,30,0.5000,0.3333,0.1667,false,2024-12-31",
    );
    expect(lines).toContain("B,Unit B,gender,,hidden (headcounts),,,,,,,,,2024-12-31");
    const logged = s.db.$client
      .prepare("SELECT target FROM audit_log WHERE action = 'results.export'")
      .all() as { target: string }[];
    expect(logged.map((row) => row.target)).toContain(`${s.campaign.slug} staff-composition-csv`);
  });

  it("adds a sheet to the results workbook in the reader's language: shares as percentages, the difference in points", async () => {
    const workbook = await downloadWorkbook(s.evaluator, s.campaign.slug, "fr");
    const sheet = workbook.getWorksheet("Répondants et personnel");
    expect(sheet).toBeDefined();
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows[0]?.slice(1, 5)).toEqual(["unité", "code_unité", "catégorie", "groupe"]);
    const woman = sheet
      ?.getRows(2, sheet.rowCount - 1)
      ?.find((row) => row.getCell(2).value === "A" && row.getCell(4).value === "Femme");
    expect(woman?.getCell(5).value).toBe(0.5);
    expect(woman?.getCell(5).numFmt).toBe("0.0%");
    expect(woman?.getCell(6).value).toBeCloseTo(2 / 3);
    expect(woman?.getCell(7).value).toBeCloseTo(-16.667, 2);
    expect(woman?.getCell(8).value).toBe("oui");
    const b = sheet?.getRows(2, sheet.rowCount - 1)?.find((row) => row.getCell(2).value === "B");
    expect(b?.getCell(4).value).toBe("masqué dans les effectifs");
  });

  it("shows a unit evaluator their unit only", async () => {
    const [, b] = s.campaign.inScope as [string, string];
    const view = await composition(s.evaluatorOfB, s.campaign.slug);
    for (const dimension of view.dimensions) {
      expect(dimension.units.map((unit) => unit.unitId)).toEqual([b]);
    }
  });
});
