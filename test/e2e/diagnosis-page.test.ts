import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser } from "../server/admin-fixture";
import { closeFixtureCampaign, type FixtureCampaign } from "../server/campaign-fixture";
import { lookAtEveryWidth as look, signedInAs } from "./admin-session";
import {
  clippedElements,
  type DemoSite,
  expectNoAxeViolations,
  SCREENSHOTS as shots,
} from "./browser";
import { type HeadcountSurveySite, startHeadcountSurveySite } from "./headcount-survey-site";

// The combined diagnosis page per unit (issue 14 point 5): the unit's staff from the headcount
// release beside the survey's key results and the respondents against the staff, every figure
// equal to what the APIs publish for that unit.

let site: DemoSite;
let releases: HeadcountSurveySite["releases"];
let campaign: FixtureCampaign;
let admin: string;

beforeAll(async () => {
  ({ site, releases, campaign, admin } = await startHeadcountSurveySite("diagnosis-page"));
}, 600_000);

afterAll(async () => {
  await releases?.close();
  await site?.close();
});

function signedIn(lang: string, email = admin) {
  return signedInAs(site, email, lang);
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

/** Closes the campaign (once) and waits for its release at close, which has the units. */
async function closed() {
  const { status } = site.db.$client
    .prepare("SELECT status FROM campaigns WHERE id = ?")
    .get(campaign.campaignId) as { status: string };
  if (status === "closed") return;
  closeFixtureCampaign(site.db, campaign.campaignId);
  await releases.rebuild(campaign.campaignId);
}

describe("the diagnosis page of a unit", () => {
  it("shows the unit's published staff, survey results and composition, as the APIs publish them", async () => {
    const { context, page, problems } = await signedIn("en");
    const [a] = campaign.inScope as [string];
    const organisation = `org-${campaign.organisationId}`;
    // Reached from the results screen's link for the chosen unit.
    await page.goto(`${site.origin}/admin/campaigns/${campaign.slug}/results?unit=${a}`);
    // The campaign is open and nobody has looked yet: its first look waits for a click, because
    // showing the interim release fixes k and starts the sequence every later release answers to.
    const firstLook = page.getByRole("button", { name: "Show interim results" });
    await expect.poll(() => firstLook.count()).toBe(1);
    const looked = () =>
      site.db.$client
        .prepare(
          "SELECT (SELECT count(*) FROM releases WHERE campaign_id = ? AND first_served_at IS NOT NULL) AS shown, (SELECT results_viewed_at FROM campaigns WHERE id = ?) AS viewedAt",
        )
        .get(campaign.campaignId, campaign.campaignId) as {
        shown: number;
        viewedAt: string | null;
      };
    expect(looked()).toEqual({ shown: 0, viewedAt: null });
    await look(page, "results-first-look", "results before the first look");
    // The comparison screen asks for the same release: it waits for the same click.
    await page.goto(`${site.origin}/admin/campaigns/${campaign.slug}/comparison`);
    await expect.poll(() => firstLook.count()).toBe(1);
    expect(looked()).toEqual({ shown: 0, viewedAt: null });
    await page.goto(`${site.origin}/admin/campaigns/${campaign.slug}/results?unit=${a}`);
    await page.setViewportSize({ width: 1366, height: 900 });
    await firstLook.click();
    await expect.poll(() => looked().shown).toBe(1);
    // While open, the release holds the organisation only; the unit's figures come at close.
    await closed();
    await page.reload();
    await page.getByRole("link", { name: "Diagnosis page of Unit A" }).click();
    expect(looked().shown).toBe(2);
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
    await closed();
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
