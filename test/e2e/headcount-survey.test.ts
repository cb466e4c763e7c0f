import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeFixtureCampaign, type FixtureCampaign } from "../server/campaign-fixture";
import { lookAtEveryWidth as look, signedInAs } from "./admin-session";
import {
  clippedElements,
  type DemoSite,
  expectNoAxeViolations,
  SCREENSHOTS as shots,
} from "./browser";
import { type HeadcountSurveySite, startHeadcountSurveySite } from "./headcount-survey-site";

// Headcounts on the survey's screens (issue 14 point 4): the response rate against staff in
// participation, and the respondents' composition against the staff's on the results screen.

let site: DemoSite;
let releases: HeadcountSurveySite["releases"];
let campaign: FixtureCampaign;
let admin: string;

beforeAll(async () => {
  ({ site, releases, campaign, admin } = await startHeadcountSurveySite("headcount-survey"));
}, 600_000);

afterAll(async () => {
  await releases?.close();
  await site?.close();
});

function signedIn(lang: string) {
  return signedInAs(site, admin, lang);
}

describe("headcounts on the survey screens", () => {
  it("participation shows each unit's staff and the response rate where both are shown", async () => {
    const { context, page, problems } = await signedIn("en");
    await page.goto(`${site.origin}/admin/campaigns/${campaign.slug}`);
    const table = page.locator("table.participation");
    // Opening the campaign page of an open campaign shows no release: participation is read from
    // the interim release, which then joins the sequence the final release is audited against.
    const shown = () =>
      (
        site.db.$client
          .prepare(
            "SELECT count(*) AS n FROM releases WHERE campaign_id = ? AND first_served_at IS NOT NULL",
          )
          .get(campaign.campaignId) as { n: number }
      ).n;
    const show = page.getByRole("button", { name: "Show participation" });
    await expect.poll(() => show.count()).toBe(1);
    await look(
      page,
      "participation-on-request",
      "participation on request",
      page.locator("section.card", { has: show }),
    );
    for (const [lang, name] of [
      ["nl", "Deelname tonen"],
      ["fr", "Afficher la participation"],
    ] as const) {
      const other = await signedInAs(site, admin, lang, { width: 390 });
      await other.page.goto(`${site.origin}/admin/campaigns/${campaign.slug}`);
      const button = other.page.getByRole("button", { name });
      await expect.poll(() => button.count()).toBe(1);
      await expectNoAxeViolations(other.page, `participation on request, ${lang} 390 px`);
      expect(await clippedElements(other.page), `${lang} 390 px`).toEqual([]);
      await other.page.screenshot({
        path: join(shots, `participation-on-request-${lang}-390.png`),
        fullPage: true,
      });
      expect(other.problems()).toEqual([]);
      await other.context.close();
    }
    expect(shown()).toBe(0);
    expect(await table.count()).toBe(0);

    // The answer count (issue 10 point 4): the organisation's answers rounded down to a
    // multiple of k, with the codes issued; it shows no release, and fixes k.
    const { n, issued, k } = site.db.$client
      .prepare(
        `SELECT (SELECT count(*) FROM responses WHERE campaign_id = c.id) AS n,
                (SELECT count(*) FROM invitation_codes WHERE campaign_id = c.id) AS issued,
                c.min_cell_size AS k
         FROM campaigns c WHERE c.id = ?`,
      )
      .get(campaign.campaignId) as { n: number; issued: number; k: number };
    const atLeast = Math.floor(n / k) * k;
    const countCard = page.locator("section.card", {
      has: page.getByRole("heading", { name: "Answers so far" }),
    });
    await countCard.getByRole("button", { name: "Show the answer count" }).click();
    await expect
      .poll(() => countCard.locator(".answer-count").textContent())
      .toBe(
        `At least ${atLeast} answers of ${issued} invitation codes issued (at least ${Math.floor((atLeast / issued) * 100)}%)`,
      );
    await expect
      .poll(() => page.getByText(`k = ${k} is fixed: the answer count was shown`).count())
      .toBe(1);
    expect(shown()).toBe(0);
    await look(page, "answer-count", "answer count", countCard);
    // In French, once shown (k is fixed), with the raise-k card saying so.
    const french = await signedInAs(site, admin, "fr");
    await french.page.goto(`${site.origin}/admin/campaigns/${campaign.slug}`);
    const frenchCard = french.page.locator("section.card", {
      has: french.page.getByRole("heading", { name: "Réponses jusqu'ici" }),
    });
    await expect
      .poll(() => frenchCard.locator(".answer-count").textContent())
      .toMatch(/^Au moins /);
    await expect
      .poll(() =>
        french.page.getByText(/ est fixé\u00a0: le nombre de réponses a été affiché/).count(),
      )
      .toBe(1);
    await frenchCard.scrollIntoViewIfNeeded();
    await look(french.page, "answer-count-fr", "French answer count", frenchCard);
    expect(french.problems()).toEqual([]);
    await french.context.close();

    // Shown while open, participation is the interim release's: the organisation as a whole.
    await show.click();
    const total = table.locator("tbody tr", { hasText: "(total)" });
    await expect.poll(() => total.locator("td").first().textContent()).toBe(String(n));
    expect(await table.locator("tbody tr", { hasText: "Unit A" }).count()).toBe(0);
    const whileOpen = page.getByText("per unit once it is closed");
    expect(await whileOpen.count()).toBe(1);
    expect(shown()).toBe(1);
    await look(
      page,
      "participation-while-open",
      "participation while open",
      page.locator("section.card", { has: table }),
    );
    for (const [lang, name, hint] of [
      ["nl", "Deelname tonen", "per eenheid zodra ze afgesloten is"],
      ["fr", "Afficher la participation", "par unité dès sa clôture"],
    ] as const) {
      const other = await signedInAs(site, admin, lang, { width: 390 });
      await other.page.goto(`${site.origin}/admin/campaigns/${campaign.slug}`);
      const button = other.page.getByRole("button", { name });
      const otherTable = other.page.locator("table.participation");
      await expect.poll(async () => (await button.count()) + (await otherTable.count())).toBe(1);
      if ((await button.count()) === 1) await button.click();
      await expect.poll(() => other.page.getByText(hint).count()).toBe(1);
      expect(await otherTable.locator("tbody tr", { hasText: "Unit A" }).count()).toBe(0);
      await expectNoAxeViolations(other.page, `participation while open, ${lang} 390 px`);
      expect(await clippedElements(other.page), `${lang} 390 px`).toEqual([]);
      await other.page.screenshot({
        path: join(shots, `participation-while-open-${lang}-390.png`),
        fullPage: true,
      });
      await other.page
        .locator("section.card", { has: otherTable })
        .screenshot({ path: join(shots, `participation-while-open-${lang}-part-390.png`) });
      expect(other.problems()).toEqual([]);
      await other.context.close();
    }

    // Closed: the release at close has the units, their staff and the response rates.
    closeFixtureCampaign(site.db, campaign.campaignId);
    await releases.rebuild(campaign.campaignId);
    await page.reload();
    await expect
      .poll(() => table.locator("th", { hasText: "Response rate (staff)" }).count())
      .toBe(1);
    expect(await whileOpen.count()).toBe(0);
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
    expect(shown()).toBe(2);
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
    const [forAnalysis] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("link", { name: "Download every unit (CSV for analysis" }).click(),
    ]);
    expect(forAnalysis.suggestedFilename()).toBe(`${campaign.slug}-staff-composition-en.csv`);
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

  it("reads in French, the longest texts, without clipping on a phone or a wide screen", async () => {
    const { context, page, problems } = await signedIn("fr");
    const [a] = campaign.inScope as [string];
    await page.goto(`${site.origin}/admin/campaigns/${campaign.slug}/results?unit=${a}`);
    const section = page.locator("section.staff-composition");
    await expect.poll(() => section.locator("h2").textContent()).toBe("Répondants et personnel");
    const woman = section.locator("tbody tr", { hasText: "Femme" });
    // French puts a (narrow) no-break space before the percent sign.
    const cells = async () =>
      (await woman.locator("td").allTextContents()).map((text) => text.replace(/\s+/gu, " "));
    await expect.poll(cells).toEqual(["50,0 %", "66,7 %", "-16,7 points sous-représenté"]);
    await expect
      .poll(() =>
        section
          .getByRole("link", { name: "Télécharger toutes les unités (CSV pour Excel)" })
          .count(),
      )
      .toBe(1);
    await section.scrollIntoViewIfNeeded();
    await look(
      page,
      "headcount-composition-fr",
      "French composition of respondents and staff",
      section,
    );
    expect(problems()).toEqual([]);
    await context.close();
  }, 240_000);
});
