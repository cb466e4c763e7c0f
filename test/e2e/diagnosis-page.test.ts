import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessBuilder } from "../../server/results/release-builders";
import {
  createReleaseScheduler,
  type ReleaseScheduler,
} from "../../server/results/release-scheduler";
import { insertUser, PASSWORD, signIn } from "../server/admin-fixture";
import {
  createFixtureCampaign,
  type FixtureCampaign,
  issueFixtureCode,
} from "../server/campaign-fixture";
import { headcountTestApp } from "../server/headcounts/headcount-app";
import {
  clippedElements,
  type DemoSite,
  expectNoAxeViolations,
  SCREENSHOTS as shots,
  startDemoSite,
  watchPage,
} from "./browser";

// The combined diagnosis page per unit (issue 14 point 5): the unit's staff from the headcount
// release beside the survey's key results and the respondents against the staff, every figure
// equal to what the APIs publish for that unit.

let site: DemoSite;
let releases: ReleaseScheduler;
let campaign: FixtureCampaign;
let admin: string;

const HEADCOUNTS = [
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown",
  "A;support;30;20;10;6;24;0;6;24;0",
  "B;support;3;1;2;0;3;0;0;3;0",
  "C;support;12;6;6;5;7;0;5;7;0",
].join("\n");

beforeAll(async () => {
  site = await startDemoSite("diagnosis-page");
  const secretKey = randomBytes(32);
  releases = createReleaseScheduler({
    db: site.db,
    builder: inProcessBuilder(site.db),
    debounceMs: 0,
  });
  // Answers and the import go through an app of the test's own (its code key, its release
  // scheduler) on the site's database; the browser reads what they stored.
  const { app, releasesBuilt } = headcountTestApp(site.db, { releases, secretKey });
  campaign = createFixtureCampaign(site.db, { accessMode: "invitation-codes" });
  for (const unit of campaign.inScope) {
    for (let i = 0; i < 10; i++) {
      const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          answers: { gender: i % 2 ? "woman" : "man", excluded: "no", satisfaction: 4 },
          code: issueFixtureCode(site.db, secretKey, campaign.campaignId, unit),
        }),
      });
      expect(response.status).toBe(201);
    }
  }
  admin = insertUser(site.db, "admin");
  const api = await signIn(app, admin);
  const imported = await api.request(
    "POST",
    `/api/admin/organisations/org-${campaign.organisationId}/headcounts/2024-12-31`,
    { headers: { "Content-Type": "text/csv" }, rawBody: HEADCOUNTS },
  );
  expect(imported.status).toBe(201);
  await releasesBuilt();
  await releases.idle();
}, 600_000);

afterAll(async () => {
  await releases?.close();
  await site?.close();
});

async function signedIn(lang: string, email = admin) {
  const context = await site.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = watchPage(page, site.origin);
  await page.goto(`${site.origin}/admin?lang=${lang}`);
  await page.locator("input[type=email]").fill(email);
  await page.locator("input[type=password]").fill(PASSWORD);
  await page.locator("button[type=submit]").click();
  await expect.poll(() => page.locator(".signed-in-as").count()).toBe(1);
  return { context, page, problems: () => problems.filter((p) => !/status of 401/.test(p)) };
}

/** Axe and bounding boxes at each width; the whole page and the part under test photographed. */
async function look(page: Page, name: string, state: string, part: Locator) {
  for (const width of [390, 1366, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${state} at ${width} px`);
    expect(await clippedElements(page), `${state} at ${width} px`).toEqual([]);
    await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
    await part.screenshot({ path: join(shots, `${name}-part-${width}.png`) });
  }
}

interface Figure {
  value?: number;
  hidden?: string;
}

/** GET of the admin API in the signed-in browser's session (the page's own cookies). */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${site.origin}/api/admin${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

const percent = (share: number) =>
  new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 }).format(share);

describe("the diagnosis page of a unit", () => {
  it("shows the unit's published staff, survey results and composition, as the APIs publish them", async () => {
    const { context, page, problems } = await signedIn("en");
    const [a] = campaign.inScope as [string];
    const organisation = `org-${campaign.organisationId}`;
    // Reached from the results screen's link for the chosen unit.
    await page.goto(`${site.origin}/admin/campaigns/${campaign.slug}/results?unit=${a}`);
    await page.getByRole("link", { name: "Diagnosis page of Unit A" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Diagnosis: Unit A");
    expect(new URL(page.url()).pathname).toBe(
      `/admin/organisations/${organisation}/diagnosis/${a}`,
    );

    // Staff: the unit's published total and levels at the latest date, as GET …/headcounts.
    const release = await apiGet<{
      k: number;
      levels: string[];
      dates: {
        referenceDate: string;
        cells: {
          unitId: string;
          part: string;
          level: string | null;
          dimension: string | null;
          n: Figure;
        }[];
      }[];
    }>(page, `/organisations/${organisation}/headcounts`);
    const latest = release.dates.at(-1);
    if (!latest) throw new Error("no headcount date");
    const staffCell = (level: string | null) =>
      latest.cells.find(
        (cell) =>
          cell.unitId === a &&
          cell.part === "all" &&
          cell.level === level &&
          cell.dimension === null,
      )?.n;
    const levels = page.locator("table.diagnosis-levels");
    const everyone = staffCell(null);
    expect(everyone?.value).toBe(30);
    await expect
      .poll(() => levels.locator("tbody tr", { hasText: "Everyone" }).locator("td").textContent())
      .toBe(String(everyone?.value));
    const support = staffCell("support");
    expect(
      await levels.locator("tbody tr", { hasText: "Support" }).locator("td").textContent(),
    ).toBe(support && "value" in support ? String(support.value) : "◌ fewer than 5");

    // Indicators: the latest published share of each, as GET …/headcounts/indicators.
    const indicators = await apiGet<{
      indicators: { spec: { key: string }; points: { share: number | null }[] }[];
    }>(page, `/organisations/${organisation}/headcounts/indicators?unit=${a}&targets=organisation`);
    const staff = page.locator("section.diagnosis-staff");
    await expect
      .poll(() => staff.locator("section.headcount-indicator").count())
      .toBe(indicators.indicators.length);
    for (const [index, indicator] of indicators.indicators.entries()) {
      const shown = [...indicator.points].reverse().find((point) => point.share !== null);
      const text = await staff
        .locator("section.headcount-indicator")
        .nth(index)
        .locator("p")
        .first()
        .textContent();
      if (shown?.share != null) expect(text).toContain(percent(shown.share));
    }

    // Survey: the unit's respondents and answer shares, as GET …/results/tables/units.
    const units = await apiGet<{
      groups: {
        unitId: string;
        part: string;
        filters: unknown[];
        n: Figure;
        items: { key: string; options?: { value: string | null; share: number }[] }[];
      }[];
    }>(page, `/campaigns/${campaign.slug}/results/tables/units`);
    const group = units.groups.find(
      (entry) => entry.unitId === a && entry.part === "all" && entry.filters.length === 0,
    );
    if (!group) throw new Error("unit A is not in the release");
    const survey = page.locator("section.diagnosis-survey");
    await expect
      .poll(() => survey.locator(".diagnosis-respondents dd").textContent())
      .toBe(String(group.n.value));
    await expect.poll(() => survey.locator("section.question-results").count()).toBeGreaterThan(0);
    const shownShares = await survey.locator("tbody span.share").allTextContents();
    const publishedShares = group.items.flatMap((item) =>
      (item.options ?? [])
        .filter((option) => option.value !== null)
        .map((option) => percent(option.share)),
    );
    for (const share of publishedShares) expect(shownShares).toContain(share);
    expect(shownShares.length).toBeGreaterThan(0);

    // Respondents against staff: the results screen's table, for this unit.
    const section = page.locator("section.staff-composition");
    const woman = section.locator("tbody tr", { hasText: "Woman" });
    await expect
      .poll(() => woman.locator("td").allTextContents())
      .toEqual(["50.0%", "66.7%", "-16.7 points under-represented"]);

    await look(page, "diagnosis-page", "diagnosis page", page.locator("main"));
    // On paper: the results screen's print rules, no buttons or pickers, the release date said.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("button", { name: "Print or save as PDF" }).isVisible()).toBe(
      false,
    );
    expect(await page.getByLabel("Survey", { exact: true }).isVisible()).toBe(false);
    expect(await page.locator(".print-rules").isVisible()).toBe(true);
    await page.screenshot({ path: join(shots, "diagnosis-page-print.png"), fullPage: true });
    await page.emulateMedia({ media: "screen" });
    expect(problems()).toEqual([]);
    await context.close();
  }, 300_000);

  it("is linked from the headcount screen and says hidden staff in words, in Dutch", async () => {
    const { context, page, problems } = await signedIn("nl");
    const b = campaign.inScope[1] as string;
    const organisation = `org-${campaign.organisationId}`;
    await page.goto(`${site.origin}/admin/organisations/${organisation}/headcounts`);
    await page
      .getByRole("region", { name: "Indicatoren en streefcijfers" })
      .getByLabel("Eenheid", { exact: true })
      .selectOption(b);
    await page.getByRole("link", { name: "Diagnosepagina van Eenheid B" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Diagnose: Eenheid B");
    // Unit B has 3 staff: "fewer than 5", never the number.
    await expect
      .poll(() =>
        page.locator("table.diagnosis-levels tbody tr").first().locator("td").textContent(),
      )
      .toBe("◌ minder dan 5");
    await page.setViewportSize({ width: 390, height: 900 });
    await expect.poll(() => clippedElements(page), { message: "Dutch at 390 px" }).toEqual([]);
    await expectNoAxeViolations(page, "Dutch diagnosis at 390 px");
    await page.screenshot({ path: join(shots, "diagnosis-page-nl-390.png"), fullPage: true });
    expect(problems()).toEqual([]);
    await context.close();
  }, 300_000);

  it("shows an evaluator their own unit and refuses another, as the headcount screen does", async () => {
    const [a] = campaign.inScope as [string];
    const c = campaign.outOfScope;
    const evaluator = insertUser(site.db, "evaluator", {
      organisationId: campaign.organisationId,
      unitId: a,
    });
    const { context, page, problems } = await signedIn("en", evaluator);
    const organisation = `org-${campaign.organisationId}`;
    await page.goto(`${site.origin}/admin/organisations/${organisation}/diagnosis/${c}`);
    await expect
      .poll(() => page.locator(".notice-box").textContent())
      .toBe("This unit is not among the headcounts you may see, or does not exist.");
    expect(await page.locator("table.diagnosis-levels").count()).toBe(0);
    expect(await page.locator("section.diagnosis-survey").count()).toBe(0);
    await expectNoAxeViolations(page, "evaluator refused");
    await page.goto(`${site.origin}/admin/organisations/${organisation}/diagnosis/${a}`);
    await expect.poll(() => page.locator(".diagnosis-respondents dd").textContent()).toBe("10");
    await expect
      .poll(() =>
        page.locator("table.diagnosis-levels tbody tr").first().locator("td").textContent(),
      )
      .toBe("30");
    expect(problems()).toEqual([]);
    await context.close();
  }, 300_000);
});
