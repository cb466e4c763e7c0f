import { randomBytes, randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import {
  type ComparisonAnswer,
  comparisonAnswerSchema,
} from "../../server/contract/comparison-schema";
import { resultsTableSchema } from "../../server/contract/release-schema";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { campaigns, campaignUnits } from "../../server/db/schema";
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
let second: { slug: string; campaignId: string };
let reader: Agent;
// Invitation codes: an open link's results show the organisation as a whole only.
const secretKey = randomBytes(32);

/** A later wave: the same organisation and questionnaire version, opened a year later. */
function secondWave(fixture: FixtureCampaign, options: { interimResultRoles?: string } = {}) {
  const row = db.select().from(campaigns).all()[0];
  if (!row) throw new Error("no campaign");
  const campaignId = randomUUID();
  const slug = `w2-${campaignId.slice(0, 8)}`;
  db.insert(campaigns)
    .values({
      ...row,
      id: campaignId,
      slug,
      titleEn: "Diagnosis, second wave",
      opensAt: "2001-01-01T00:00:00.000Z",
      resultsViewedAt: null,
      interimResultRoles: options.interimResultRoles ?? row.interimResultRoles,
    })
    .run();
  for (const unitId of fixture.inScope)
    db.insert(campaignUnits).values({ campaignId, unitId }).run();
  return { slug, campaignId };
}

beforeEach(async () => {
  db = openDatabase(":memory:");
  releases = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
  app = createApp({ db, config: { releases, secretKey } });
  first = createFixtureCampaign(db, { accessMode: "invitation-codes" });
  second = secondWave(first);
  reader = await signIn(app, insertUser(db, "evaluator", { organisationId: first.organisationId }));
});
afterEach(() => releases.close());

/** One respondent of `unit`, with a code of that unit as an invitation would carry. */
async function submit(slug: string, unit: string, satisfaction: number, excluded = "no") {
  const campaign = db
    .select()
    .from(campaigns)
    .all()
    .find((row) => row.slug === slug);
  if (!campaign) throw new Error(`no campaign ${slug}`);
  const code = issueFixtureCode(db, secretKey, campaign.id, unit);
  const response = await app.request(`/api/campaigns/${slug}/responses`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      code,
      answers: {
        gender: "woman",
        excluded,
        satisfaction,
        ...(excluded === "yes" ? { grounds: ["origin"] } : {}),
      },
    }),
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
 */
async function closeWaves(...campaignIds: string[]) {
  await settle();
  for (const [index, campaignId] of campaignIds.entries()) {
    closeFixtureCampaign(db, campaignId, new Date(Date.UTC(2000 + index, 11, 31)));
    await releases.rebuild(campaignId);
  }
}

/**
 * Wave 1: 20 people in A answer satisfaction 1–2, 12 in B. Wave 2: 20 in A answer 4–5, only 2
 * in B (B is then a small group, hidden). A clearly better; B cannot be compared. Both waves
 * are then closed, with their releases at close (the breakdowns by unit).
 */
async function twoWaves() {
  const [a, b] = first.inScope as [string, string];
  for (let i = 0; i < 20; i++) await submit(first.slug, a, 1 + (i % 2), i % 4 === 0 ? "yes" : "no");
  for (let i = 0; i < 12; i++) await submit(first.slug, b, 3);
  await settle();
  for (let i = 0; i < 20; i++) await submit(second.slug, a, 4 + (i % 2), "no");
  for (let i = 0; i < 2; i++) await submit(second.slug, b, 3);
  await closeWaves(first.campaignId, second.campaignId);
  return { a, b };
}

const comparisonPath = (table = "units", extra = "") =>
  `/api/admin/campaigns/${second.slug}/results/comparison?with=${first.slug}&table=${table}${extra}`;

async function compare(agent: Agent = reader, path = comparisonPath()): Promise<ComparisonAnswer> {
  const response = await agent.request("GET", path);
  expect(response.status).toBe(200);
  return comparisonAnswerSchema.parse(await response.json());
}

const resultsLog = () =>
  db.$client
    .prepare("SELECT action, target FROM audit_log WHERE action LIKE 'results.%' ORDER BY id")
    .all();

describe("comparison of waves API", () => {
  it("compares two waves from their releases: a clear change, and a hidden group with its reason", async () => {
    const { a, b } = await twoWaves();
    const answer = await compare();
    expect(answer.campaigns.map((campaign) => campaign.slug)).toEqual([first.slug, second.slug]);
    const groupOf = (unit: string) =>
      answer.groups.find((group) => group.unitId === unit && group.part === "all");
    const organisation = groupOf(first.organisationId);
    expect(organisation?.n).toEqual([{ value: 32 }, { value: 22 }]);
    const step = organisation?.items.find((item) => item.key === "satisfaction")?.steps[0];
    if (!step?.compared) throw new Error("satisfaction was not compared");
    expect(step.mean?.verdict).toBe("clearly-better");
    expect(step.favourable?.verdict).toBe("clearly-better");

    // B has 2 respondents in wave 2 (hidden, fewer than k), and A with it (the organisation
    // minus A would give B): nothing is compared for them, and the reason is given.
    expect(groupOf(b)?.n).toEqual([{ value: 12 }, { hidden: "primary" }]);
    expect(groupOf(a)?.n).toEqual([{ value: 20 }, { hidden: "secondary" }]);
    for (const [unit, reason] of [
      [a, "secondary"],
      [b, "primary"],
    ] as const) {
      for (const item of groupOf(unit)?.items ?? []) {
        expect(item.waves[1]).toEqual({ state: "hidden", reason, of: "group" });
        expect(item.steps[0]).toMatchObject({
          compared: false,
          notCompared: { why: "hidden", wave: 1, reason },
        });
        // No change figure of any kind for a hidden side.
        expect(JSON.stringify(item.steps)).not.toMatch(/change/);
      }
    }
  });

  it("never shows a figure that neither release shows", async () => {
    await twoWaves();
    const answer = await compare();
    const tables = await Promise.all(
      [first.slug, second.slug].map(async (slug) =>
        resultsTableSchema.parse(
          await (
            await reader.request("GET", `/api/admin/campaigns/${slug}/results/tables/units`)
          ).json(),
        ),
      ),
    );
    expectOnlyServedFigures(answer, tables);
  });

  it("opens every wave like the results screen: audit-logged, refused as a whole when one wave is", async () => {
    await twoWaves();
    await compare();
    expect(resultsLog()).toEqual([
      { action: "results.view", target: `${second.slug} units comparison` },
      { action: "results.view", target: `${first.slug} units comparison` },
    ]);

    // Another organisation's reader: 404, and nothing logged.
    db.$client.prepare("DELETE FROM audit_log").run();
    const other = createFixtureCampaign(db, { accessMode: "invitation-codes" });
    for (let i = 0; i < 6; i++) await submit(other.slug, other.inScope[0] as string, 3);
    await settle();
    const outsider = await signIn(
      app,
      insertUser(db, "evaluator", { organisationId: other.organisationId }),
    );
    await expectProblem(await outsider.request("GET", comparisonPath()), 404);

    // A wave of another questionnaire cannot be compared: 409, nothing logged.
    const admin = await signIn(app, insertUser(db, "admin"));
    await expectProblem(
      await admin.request(
        "GET",
        `/api/admin/campaigns/${second.slug}/results/comparison?with=${other.slug}`,
      ),
      409,
    );
    // One campaign alone is not a comparison.
    await expectProblem(
      await admin.request("GET", `/api/admin/campaigns/${second.slug}/results/comparison`),
      422,
    );
    expect(resultsLog()).toEqual([]);
  });

  it("keeps phased access: a wave still open for admins only refuses the whole comparison", async () => {
    const phased = secondWave(first, { interimResultRoles: "" });
    const [a] = first.inScope as [string];
    for (let i = 0; i < 12; i++) await submit(first.slug, a, 3);
    for (let i = 0; i < 12; i++) await submit(phased.slug, a, 3);
    await settle();
    const response = await reader.request(
      "GET",
      `/api/admin/campaigns/${phased.slug}/results/comparison?with=${first.slug}`,
    );
    await expectProblem(response, 403, "results-at-close");
    expect(resultsLog()).toEqual([]);
  });

  it("shows a unit evaluator the groups of their unit only, in every wave", async () => {
    const { a } = await twoWaves();
    const unitReader = await signIn(
      app,
      insertUser(db, "evaluator", { organisationId: first.organisationId, unitId: a }),
    );
    const answer = await compare(unitReader);
    expect(new Set(answer.groups.map((group) => group.unitId))).toEqual(new Set([a]));
  });

  it("exports the comparison: CSV for analysis, CSV for Excel in Dutch, XLSX with a first sheet naming the waves", async () => {
    await twoWaves();
    const answer = await compare();
    const organisation = answer.groups.find(
      (group) => group.unitId === first.organisationId && group.part === "all",
    );
    const step = organisation?.items.find((item) => item.key === "satisfaction")?.steps[0];
    if (!step?.compared || !step.mean || step.mean.verdict === "too-few-answers")
      throw new Error("not compared");
    const [before, after] =
      organisation?.items.find((item) => item.key === "satisfaction")?.waves ?? [];
    if (before?.state !== "shown" || after?.state !== "shown") throw new Error("hidden");
    const means = [before.mean, after.mean, step.mean.change] as number[];
    const base = `/api/admin/campaigns/${second.slug}/results/comparison`;
    const query = `?with=${first.slug}&table=units`;

    const analysis = await reader.request("GET", `${base}/export.csv${query}`);
    expect(analysis.status).toBe(200);
    const analysisText = await analysis.text();
    const header = analysisText.split("\r\n")[0]?.split(",");
    expect(header).toContain("p_adjusted");
    const meanLine = analysisText
      .split("\r\n")
      .find((line) => line.startsWith("org-") && line.includes(",satisfaction,mean,"));
    expect(meanLine).toMatch(/,clearly-better$/);
    expect(meanLine).toContain(`,22,${means.map((mean) => mean.toFixed(3)).join(",")},`);
    expect(analysisText).toMatch(/not compared \(hidden primary\)/);
    // Negative figures are numbers for R or pandas, not texts defused with an apostrophe.
    expect(analysisText).toMatch(/,-\d+\.\d+,/);
    expect(analysisText).not.toMatch(/'-\d/);

    const excel = await reader.request("GET", `${base}/export-for-excel.csv${query}&lang=nl`);
    expect(excel.status).toBe(200);
    const bytes = new Uint8Array(await excel.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const excelText = new TextDecoder().decode(bytes);
    const dutchMean = excelText
      .split("\r\n")
      .find((line) => line.includes(";Gemiddelde;") && line.startsWith("Org;"));
    expect(dutchMean).toContain(
      `;${means.map((mean) => mean.toFixed(2).replace(".", ",")).join(";")};`,
    );
    expect(dutchMean).toMatch(/;duidelijk beter;satisfaction;$/);
    expect(excelText).toContain(
      "niet vergeleken: in Diagnose ◌ verborgen: minder dan 5 respondenten",
    );

    const workbookAnswer = await reader.request("GET", `${base}/export.xlsx${query}&lang=en`);
    expect(workbookAnswer.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await workbookAnswer.arrayBuffer());
    const [about, sheet] = workbook.worksheets;
    const aboutText = JSON.stringify(about?.getSheetValues());
    expect(aboutText).toContain(`Diagnosis (${first.slug})`);
    expect(aboutText).toContain(`Diagnosis, second wave (${second.slug})`);
    expect(aboutText).toContain("Holm");
    expect(aboutText).toContain("Groups of 1 to 4 people are hidden");
    const rows = (sheet?.getSheetValues() ?? []) as unknown[][];
    const mean = rows.find(
      (row) => Array.isArray(row) && row.includes("Org") && row.includes("Mean"),
    );
    // Numbers as numbers: the published means and their difference, exactly.
    expect(mean).toEqual(expect.arrayContaining([...means, 32, 22, "clearly better"]));

    const targets = resultsLog().map((entry) => (entry as { target: string }).target);
    for (const format of ["comparison-csv", "comparison-csv-for-excel", "comparison-xlsx"]) {
      expect(targets).toContain(`${first.slug} units ${format}`);
      expect(targets).toContain(`${second.slug} units ${format}`);
    }
  });
});
