import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
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

/** Staff of the fixture campaign's units A, B and C on 31 December 2024 (B is under k). */
const HEADCOUNTS = [
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown",
  "A;support;30;20;10;6;24;0;6;24;0",
  "B;support;3;1;2;0;3;0;0;3;0",
  "C;support;12;6;6;5;7;0;5;7;0",
].join("\n");

export interface HeadcountSurveySite {
  site: DemoSite;
  releases: ReleaseScheduler;
  campaign: FixtureCampaign;
  admin: string;
}

/**
 * A demo site with a campaign on invitation codes (10 answers per unit in scope) and the
 * headcounts of its reference date imported, every release built. Answers and the import go
 * through an app of the test's own (its code key, its release scheduler) on the site's
 * database; the browser reads what they stored.
 */
export async function startHeadcountSurveySite(name: string): Promise<HeadcountSurveySite> {
  const site = await startDemoSite(name);
  const secretKey = randomBytes(32);
  const releases = createReleaseScheduler({
    db: site.db,
    builder: inProcessBuilder(site.db),
    debounceMs: 0,
  });
  const { app, releasesBuilt } = headcountTestApp(site.db, { releases, secretKey });
  const campaign = createFixtureCampaign(site.db, { accessMode: "invitation-codes" });
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
  const admin = insertUser(site.db, "admin");
  const api = await signIn(app, admin);
  const imported = await api.request(
    "POST",
    `/api/admin/organisations/org-${campaign.organisationId}/headcounts/2024-12-31`,
    { headers: { "Content-Type": "text/csv" }, rawBody: HEADCOUNTS },
  );
  expect(imported.status).toBe(201);
  await releasesBuilt();
  await releases.idle();
  return { site, releases, campaign, admin };
}

/** A browser page of the admin app signed in as `email`, in `lang`, 1366 px wide. */
export async function signedInAs(site: DemoSite, email: string, lang: string) {
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
export async function lookAtEveryWidth(page: Page, name: string, state: string, part: Locator) {
  for (const width of [390, 1366, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${state} at ${width} px`);
    expect(await clippedElements(page), `${state} at ${width} px`).toEqual([]);
    await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
    await part.screenshot({ path: join(shots, `${name}-part-${width}.png`) });
  }
}
