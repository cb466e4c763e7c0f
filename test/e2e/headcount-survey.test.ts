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

// Headcounts on the survey's screens (issue 14 point 4): the response rate against staff in
// participation, and the respondents' composition against the staff's on the results screen.

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
  site = await startDemoSite("headcount-survey");
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

async function signedIn(lang: string) {
  const context = await site.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = watchPage(page, site.origin);
  await page.goto(`${site.origin}/admin?lang=${lang}`);
  await page.locator("input[type=email]").fill(admin);
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

describe("headcounts on the survey screens", () => {
  it("participation shows each unit's staff and the response rate where both are shown", async () => {
    const { context, page, problems } = await signedIn("en");
    await page.goto(`${site.origin}/admin/campaigns/${campaign.slug}`);
    const table = page.locator("table.participation");
    await expect
      .poll(() => table.locator("th", { hasText: "Response rate (staff)" }).count())
      .toBe(1);
    const rowA = table.locator("tbody tr", { hasText: "Unit A" });
    // 10 respondents of 30 staff; unit B's 3 staff are "fewer than 5": no rate.
    // Respondents, codes issued, their rate, then staff and the rate against staff.
    await expect
      .poll(() => rowA.locator("td").allTextContents())
      .toEqual(["10", "10", "100%", "30", "33%"]);
    const rowB = table.locator("tbody tr", { hasText: "Unit B" });
    expect(await rowB.locator("td").nth(3).textContent()).toContain("fewer than 5 staff");
    expect((await rowB.locator("td").nth(4).textContent())?.trim()).toBe("—");
    await expect.poll(() => page.getByText("the published headcounts of").count()).toBe(1);
    await look(
      page,
      "headcount-participation",
      "participation with staff",
      page.locator("section.card", { has: table }),
    );
    expect(problems()).toEqual([]);
    await context.close();
  }, 240_000);

  it("results set the respondents' composition against the staff's and mark under-representation", async () => {
    const { context, page, problems } = await signedIn("en");
    const [a] = campaign.inScope as [string];
    await page.goto(`${site.origin}/admin/campaigns/${campaign.slug}/results?unit=${a}`);
    const section = page.locator("section.staff-composition");
    await expect.poll(() => section.locator("h2").textContent()).toBe("Respondents and staff");
    const woman = section.locator("tbody tr", { hasText: "Woman" });
    await expect
      .poll(() => woman.locator("td").allTextContents())
      .toEqual(["50.0%", "66.7%", "-16.7 points under-represented"]);
    const man = section
      .locator("tbody tr")
      .filter({ has: page.getByRole("rowheader", { name: "Man", exact: true }) });
    expect(await man.locator("td").allTextContents()).toEqual(["50.0%", "33.3%", "+16.7 points"]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("link", { name: "Download every unit (CSV for Excel)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${campaign.slug}-staff-composition-excel-en.csv`);
    await section.scrollIntoViewIfNeeded();
    await look(page, "headcount-composition", "composition of respondents and staff", section);
    expect(problems()).toEqual([]);
    await context.close();
  }, 240_000);

  it("reads in Dutch with Dutch numbers", async () => {
    const { context, page, problems } = await signedIn("nl");
    const [a] = campaign.inScope as [string];
    await page.goto(`${site.origin}/admin/campaigns/${campaign.slug}/results?unit=${a}`);
    const section = page.locator("section.staff-composition");
    await expect.poll(() => section.locator("h2").textContent()).toBe("Respondenten en personeel");
    const woman = section.locator("tbody tr", { hasText: "Vrouw" });
    await expect
      .poll(() => woman.locator("td").allTextContents())
      .toEqual(["50,0%", "66,7%", "-16,7 %-punt te weinig vertegenwoordigd"]);
    await page.setViewportSize({ width: 390, height: 900 });
    // The answers chart above redraws for the new width a moment later.
    await expect.poll(() => clippedElements(page), { message: "Dutch at 390 px" }).toEqual([]);
    await section.screenshot({ path: join(shots, "headcount-composition-nl-390.png") });
    expect(problems()).toEqual([]);
    await context.close();
  }, 240_000);
});
