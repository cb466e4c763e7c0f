import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Release } from "../../analysis/release-types";
import { randomCampaign } from "../analysis/random-campaign";
import { insertUser, PASSWORD } from "../server/admin-fixture";
import { buildReleaseNow } from "../server/campaign-fixture";
import { storeRandomCampaign } from "../server/random-campaign-in-db";
import {
  type DemoSite,
  expectNoAxeViolations,
  LANGUAGE_SCREENS,
  SCREENSHOTS as shots,
  startDemoSite,
  watchPage,
} from "./browser";

let site: DemoSite;
let evaluator: string;

beforeAll(async () => {
  site = await startDemoSite("results-ui", {
    releases: ["diagnose-2020", "diagnose-2021", "campagne-2022"],
  });
  const organisationId = (
    site.db.$client.prepare("SELECT id FROM organisations").get() as { id: string }
  ).id;
  evaluator = insertUser(site.db, "evaluator", { organisationId });
}, 600_000);

afterAll(async () => {
  await site?.close();
});

/** expect.poll with room for a machine under load (sign-in hashes a password, charts load apart). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000 });

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

async function openSignedIn(
  viewport: { width: number; height: number },
  lang: "nl" | "fr" | "en" = "en",
  reader = evaluator,
) {
  const context = await site.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = watchPage(page, site.origin);
  await page.goto(`${site.origin}/admin?lang=${lang}`);
  await page.locator('input[type="email"]').fill(reader);
  await page.locator('input[type="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  const signOut = { nl: "Afmelden", fr: "Se déconnecter", en: "Sign out" }[lang];
  await poll(() => page.getByRole("button", { name: signOut }).count()).toBe(1);
  const unexpected = () => problems.filter((problem) => !/status of 401/.test(problem));
  return { context, page, unexpected };
}

/** Nothing in the page's main part sticks out of the screen, but inside a scrolling table. */
async function expectNothingClipped(page: Page, state: string) {
  const outside = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const element of document.querySelectorAll("main *")) {
      if (element.closest(".table-wrap")) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && (box.right > width + 1 || box.left < -1)) {
        found.push(`${element.tagName}.${element.getAttribute("class")} ${box.left}–${box.right}`);
      }
    }
    return { found: found.slice(0, 5), scrollWidth: document.documentElement.scrollWidth, width };
  });
  expect(outside.found, `clipped on ${state}`).toEqual([]);
  expect(outside.scrollWidth, `page wider than the screen on ${state}`).toBe(outside.width);
}

async function chartsDrawn(page: Page, selector: string) {
  await expect
    .poll(() => page.locator(`${selector} svg.recharts-surface`).count())
    .toBeGreaterThan(0);
}

describe("an evaluator reads results as charts and compares two diagnoses", () => {
  it("reads the overview and a chart of diagnose-2021 on a phone and on desktops", async () => {
    for (const viewport of VIEWPORTS) {
      const { context, page, unexpected } = await openSignedIn(viewport);
      await page.goto(`${site.origin}/admin/campaigns/diagnose-2021/results?question=climate`);
      const overview = page.getByRole("region", { name: "At a glance" });
      await poll(() => overview.getByText("2,650").count()).toBe(1);
      await chartsDrawn(page, ".answers-chart");
      // The question chosen stays in the address, so a shared link shows it.
      expect(new URL(page.url()).searchParams.get("question")).toBe("climate");
      await expectNoAxeViolations(page, `results overview at ${viewport.width}px`);
      await expectNothingClipped(page, `results at ${viewport.width}px`);
      await page.screenshot({ path: join(shots, `results-ui-overview-${viewport.width}.png`) });
      // The answer check's figures, and its neutral mark in the legend (no rule, no unanimity).
      const facts = page.locator("dl.facts");
      await poll(() =>
        facts
          .getByText(/^[\d,]+ of [\d,]+ answer distributions \(question × group shown\) are hidden/)
          .count(),
      ).toBe(1);
      const legend = page.getByRole("region", { name: "How to read these figures" });
      expect(
        await legend.getByText("Hidden to keep the answers of small groups private").count(),
      ).toBe(1);
      await facts.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: join(shots, `results-ui-audit-figures-${viewport.width}.png`),
      });
      await page.locator(".answers-chart").first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `results-ui-chart-${viewport.width}.png`) });
      expect(unexpected()).toEqual([]);
      await context.close();
    }
  }, 300_000);

  it("shows campagne-2022's 1,800 answers and its 9-in-10 / 47.8% headline without scrolling at 1366 px", async () => {
    const { context, page, unexpected } = await openSignedIn({ width: 1366, height: 768 });
    await page.goto(`${site.origin}/admin/campaigns/campagne-2022/results`);
    const overview = page.getByRole("region", { name: "At a glance" });
    const respondents = overview.getByText("1,800");
    const headline = overview.getByText(/about 9 in 10; 47\.8% “Strongly agree”/);
    await poll(() => headline.count()).toBe(1);
    for (const locator of [respondents, headline]) {
      const box = await locator.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(768);
    }
    await page.screenshot({ path: join(shots, "results-ui-campagne-2022-1366.png") });
    expect(unexpected()).toEqual([]);
    await context.close();
  });

  it("opens the 2020 → 2021 comparison, downloads both CSVs and the XLSX, and prints it to PDF", async () => {
    for (const viewport of VIEWPORTS) {
      const { context, page, unexpected } = await openSignedIn(viewport);
      await page.goto(`${site.origin}/admin/campaigns/diagnose-2021/results`);
      await page.getByRole("link", { name: "Compare with another campaign" }).click();
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toMatch(/^Comparison: /);
      // The previous diagnosis is chosen by default; climate shows its clear improvement.
      await page.getByLabel("Question").selectOption({
        label: "To what extent do you agree with these statements about your unit?",
      });
      await poll(() => page.locator(".compare-item").count()).toBeGreaterThan(0);
      const firstItem = page.locator(".compare-item").first();
      await poll(() => firstItem.getByText("clearly better").count()).toBeGreaterThan(0);
      expect(new URL(page.url()).searchParams.get("with")).toBe("diagnose-2020");
      await chartsDrawn(page, ".compare-chart");
      await expectNoAxeViolations(page, `comparison at ${viewport.width}px`);
      await expectNothingClipped(page, `comparison at ${viewport.width}px`);
      await page.screenshot({ path: join(shots, `results-ui-comparison-${viewport.width}.png`) });
      await firstItem.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: join(shots, `results-ui-comparison-item-${viewport.width}.png`),
      });
      // p and interval on demand.
      await firstItem.getByText("p-value and confidence interval").first().click();
      await poll(() => firstItem.getByText(/^p [=<] /).count()).toBeGreaterThan(0);

      if (viewport.width === 1366) {
        for (const [name, check] of [
          [
            "Comparison for Excel (CSV)",
            (bytes: Buffer) => expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]),
          ],
          [
            "Comparison for analysis (CSV, codes)",
            (bytes: Buffer) =>
              expect(bytes.toString("utf8")).toMatch(/^unit,unit_name,part,question,measure/),
          ],
          [
            "Comparison (Excel workbook)",
            (bytes: Buffer) => expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK"),
          ],
        ] as const) {
          const [download] = await Promise.all([
            page.waitForEvent("download"),
            page.getByRole("link", { name }).click(),
          ]);
          const path = await download.path();
          check(readFileSync(path));
          expect(download.suggestedFilename()).toMatch(
            /^diagnose-2020-to-diagnose-2021-units-comparison/,
          );
        }
        await page.emulateMedia({ media: "print" });
        expect(await page.locator(".admin-header").isVisible()).toBe(false);
        expect(await page.getByRole("button", { name: "Print / save as PDF" }).isVisible()).toBe(
          false,
        );
        expect(await page.locator(".compare-chart").first().isVisible()).toBe(true);
        const pdf = await page.pdf({ format: "A4", printBackground: true });
        expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        await page.screenshot({ path: join(shots, "results-ui-comparison-print.png") });
        await page.emulateMedia({ media: "screen" });
      }
      expect(unexpected()).toEqual([]);
      await context.close();
    }
  }, 300_000);

  it("shows the tables a newer release hides as the release before showed them, with its date", async () => {
    // A reader is served campagne-2022's release; then a rebuild that hides every table of the
    // organisation (as the sequence audit may) is stored, and served next.
    const first = await openSignedIn({ width: 1366, height: 768 });
    await first.page.goto(`${site.origin}/admin/campaigns/campagne-2022/results`);
    await poll(() =>
      first.page.getByRole("region", { name: "At a glance" }).getByText("1,800").count(),
    ).toBe(1);
    await first.context.close();
    const db = site.db.$client;
    const shown = db
      .prepare(
        `SELECT r.id, r.campaign_id AS campaignId, r.built_at AS builtAt, r.respondents, r.release
         FROM releases r JOIN campaigns c ON c.id = r.campaign_id
         WHERE c.slug = 'campagne-2022' AND r.first_served_at IS NOT NULL ORDER BY r.id DESC`,
      )
      .get() as {
      id: number;
      campaignId: string;
      builtAt: string;
      respondents: number;
      release: string;
    };
    const release = JSON.parse(shown.release) as Release;
    const root = release.units.find((unit) => unit.parentId === null)?.id;
    for (const group of release.groups)
      if (group.unitId === root && group.part === "all" && group.filters.length === 0)
        group.items = group.items.map(({ key, kind }) => ({ key, kind, hidden: "protected" }));
    db.prepare(
      `INSERT INTO releases (campaign_id, built_at, respondents, release, servable, audited_after)
       VALUES (?, ?, ?, ?, 1, ?)`,
    ).run(
      shown.campaignId,
      new Date(Date.parse(shown.builtAt) + 86_400_000).toISOString(),
      shown.respondents,
      JSON.stringify(release),
      shown.id,
    );
    const earlierNote = {
      nl: /Cijfers van .+ \(n = 1\D?800\); de nieuwere antwoorden blijven verborgen/,
      fr: /Chiffres du .+ \(n = 1\D?800\).?; les réponses plus récentes restent masquées/,
      en: /Figures of .+ \(n = 1,800\); the newer answers stay hidden/,
    };
    for (const { lang, width, height } of LANGUAGE_SCREENS) {
      const state = `earlier tables, ${lang} ${width}px`;
      const { context, page, unexpected } = await openSignedIn({ width, height }, lang);
      await page.goto(`${site.origin}/admin/campaigns/campagne-2022/results`);
      const note = page.locator(".earlier-note", { hasText: earlierNote[lang] });
      await poll(() => note.count()).toBeGreaterThan(0);
      await note.first().scrollIntoViewIfNeeded();
      await expectNoAxeViolations(page, state);
      await expectNothingClipped(page, state);
      await page.screenshot({ path: join(shots, `results-ui-earlier-${lang}-${width}.png`) });
      expect(unexpected()).toEqual([]);
      await context.close();
    }
  }, 300_000);

  it("says so when a closed campaign's release at close was held back and an earlier one stays", async () => {
    // diagnose-2021 as the sequence audit leaves it when its release at close is held back: the
    // release served was built before it closed, the one built at close is not servable.
    const db = site.db.$client;
    const served = db
      .prepare(
        `SELECT r.campaign_id AS campaignId, r.built_at AS builtAt, r.respondents, r.release
         FROM releases r JOIN campaigns c ON c.id = r.campaign_id
         WHERE c.slug = 'diagnose-2021' AND r.servable = 1 ORDER BY r.id DESC`,
      )
      .get() as { campaignId: string; builtAt: string; respondents: number; release: string };
    const closesAt = new Date(Date.parse(served.builtAt) + 60_000).toISOString();
    db.prepare("UPDATE campaigns SET closes_at = ? WHERE id = ?").run(closesAt, served.campaignId);
    db.prepare(
      `INSERT INTO releases (campaign_id, built_at, respondents, release, servable, audited_after)
       VALUES (?, ?, ?, ?, 0, 0)`,
    ).run(served.campaignId, closesAt, served.respondents + 3, served.release);
    const notice = {
      nl: /De bevraging is afgesloten, maar dit blijven de cijfers van .+, toen ze nog liep/,
      fr: /L'enquête est clôturée, mais ces chiffres restent ceux du .+, quand elle était encore ouverte/,
      en: /The survey is closed, but these remain the figures of .+, while it was still open/,
    };
    for (const { lang, width, height } of LANGUAGE_SCREENS) {
      const state = `final release held back, ${lang} ${width}px`;
      const { context, page, unexpected } = await openSignedIn({ width, height }, lang);
      await page.goto(`${site.origin}/admin/campaigns/diagnose-2021/results`);
      const box = page.locator(".notice-box", { hasText: notice[lang] });
      await poll(() => box.count()).toBe(1);
      await box.scrollIntoViewIfNeeded();
      await expectNoAxeViolations(page, state);
      await expectNothingClipped(page, state);
      await page.screenshot({ path: join(shots, `results-ui-held-back-${lang}-${width}.png`) });
      expect(unexpected()).toEqual([]);
      await context.close();
    }
    // The comparison marks that wave.
    for (const viewport of VIEWPORTS.filter((each) => each.width !== 1366)) {
      const state = `comparison with a held-back wave at ${viewport.width}px`;
      const { context, page, unexpected } = await openSignedIn(viewport);
      await page.goto(`${site.origin}/admin/campaigns/diagnose-2021/comparison`);
      const facts = page.locator("#compare-facts").locator("..");
      await poll(() =>
        facts.getByText("(figures from before closing, without the last answers)").count(),
      ).toBe(1);
      await expectNoAxeViolations(page, state);
      await expectNothingClipped(page, state);
      await facts.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: join(shots, `results-ui-held-back-comparison-${viewport.width}.png`),
      });
      expect(unexpected()).toEqual([]);
      await context.close();
    }
  }, 300_000);

  it("says why an open campaign's interim results hold the organisation only", async () => {
    // A campaign on invitation codes, open, with live interim results for evaluators.
    const campaign = fc.sample(randomCampaign(150, ["mixed"]), { numRuns: 1, seed: 4 })[0];
    if (!campaign) throw new Error("no campaign");
    const { campaignId, slug, organisationId } = storeRandomCampaign(site.db, campaign, {
      interimResultRoles: "evaluator",
    });
    await buildReleaseNow(site.db, campaignId);
    const reader = insertUser(site.db, "evaluator", { organisationId });
    const notice = {
      nl: "Zolang de bevraging loopt, gelden de resultaten alleen voor de organisatie als geheel.",
      fr: "Tant que l'enquête est ouverte, les résultats portent uniquement sur l'organisation dans son ensemble.",
      en: "While the survey is open, results cover the organisation as a whole only.",
    };
    const show = {
      nl: "Tussentijdse resultaten tonen",
      fr: "Afficher les résultats intermédiaires",
      en: "Show interim results",
    };
    for (const { lang, width, height } of LANGUAGE_SCREENS) {
      const state = `interim results while open, ${lang} ${width}px`;
      const { context, page, unexpected } = await openSignedIn({ width, height }, lang, reader);
      await page.goto(`${site.origin}/admin/campaigns/${slug}/results`);
      const box = page.locator(".notice-box", { hasText: notice[lang] });
      const button = page.getByRole("button", { name: show[lang] });
      // The first look asks first; later ones show the release at once.
      await poll(async () => (await box.count()) + (await button.count())).toBe(1);
      if ((await button.count()) === 1) await button.click();
      await poll(() => box.count()).toBe(1);
      await box.scrollIntoViewIfNeeded();
      await expectNoAxeViolations(page, state);
      await expectNothingClipped(page, state);
      await page.screenshot({ path: join(shots, `results-ui-while-open-${lang}-${width}.png`) });
      expect(unexpected()).toEqual([]);
      await context.close();
    }
  }, 300_000);
});
