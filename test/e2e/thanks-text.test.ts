import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser, PASSWORD } from "../server/admin-fixture";
import {
  type DemoSite,
  expectNoAxeViolations,
  SCREENSHOTS as shots,
  startDemoSite,
  watchPage,
} from "./browser";

// Issue 11: the coordinator writes, per language, when and how results will be shared; the
// respondent reads it on the thank-you page in the page's language (the standard text where
// the coordinator left a language empty).

const SLUG = "e2e-bedankt";
const WIDTHS = [390, 1366, 1920] as const;
const THANKS_NL = "De resultaten volgen op 15 juni in een infosessie.\nZie ook het intranet.";
const THANKS_FR = "Les résultats seront présentés le 15 juin en séance d'information.";
const THANKS_FR_NEW = "Les résultats seront présentés le 22 juin. <b>Pas de HTML</b> ici.";

let site: DemoSite;
let coordinator: string;

beforeAll(async () => {
  site = await startDemoSite("thanks");
  const organisationId = (
    site.db.$client.prepare("SELECT id FROM organisations").get() as { id: string }
  ).id;
  coordinator = insertUser(site.db, "coordinator", { organisationId });
});

afterAll(async () => {
  await site?.close();
});

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * What of the page's visible content is cut off: every text, field and button inside `main`
 * must lie inside the viewport and inside every box around it that clips, and the page must not
 * be wider than the screen.
 */
async function clippedParts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clipped: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth) {
      clipped.push(`page ${document.documentElement.scrollWidth} px wide at ${innerWidth} px`);
    }
    const main = document.querySelector("main");
    const selector = "h1, h2, p, li, label, legend, q, textarea, input, select, button, a";
    for (const element of main?.querySelectorAll(selector) ?? []) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const name = `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 40)}"`;
      if (box.left < -0.5 || box.right > innerWidth + 0.5) {
        clipped.push(`${name}: ${box.left}–${box.right} outside 0–${innerWidth}`);
        continue;
      }
      for (let outer = element.parentElement; outer && outer !== document.body; ) {
        const style = getComputedStyle(outer);
        if (style.overflowX !== "visible" || style.overflowY !== "visible") {
          const clip = outer.getBoundingClientRect();
          if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) {
            clipped.push(`${name}: clipped by ${outer.tagName} ${outer.className}`);
            break;
          }
        }
        outer = outer.parentElement;
      }
      // A field's own text must fit it too (no sideways scrolling inside a text area).
      if (element instanceof HTMLTextAreaElement && element.scrollWidth > element.clientWidth) {
        clipped.push(`${name}: text wider than its field`);
      }
    }
    return clipped;
  });
}

/** At each width: nothing clipped, axe clean, a screenshot to look at. */
async function checkWidths(page: Page, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    expect(await clippedParts(page), `${name} at ${width} px`).toEqual([]);
    await expectNoAxeViolations(page, `${name} at ${width} px`);
    await page.screenshot({ path: join(shots, `thanks-${name}-${width}.png`), fullPage: true });
  }
}

describe("the thank-you text of a campaign", () => {
  it("is written on the campaign form, changed while open, and read by respondents in nl and fr", async () => {
    const { browser, origin } = site;
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems = watchPage(page, origin);

    // The coordinator creates a campaign with its thank-you text in Dutch and French.
    await page.goto(`${origin}/admin?lang=en`);
    await page.getByLabel("E-mail address").fill(coordinator);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Sign out" }).count()).toBe(1);
    await page.getByRole("link", { name: "New campaign" }).click();
    await page.getByLabel("Title in Dutch").fill("Bedankt e2e");
    await page.getByLabel("Title in French").fill("Merci e2e");
    await page.getByLabel("Title in English").fill("Thanks e2e");
    await page.getByLabel("Address (slug)").fill(SLUG);
    await page.locator("#campaign-questionnaire-slug").selectOption("campaign-evaluation");
    await page.getByRole("button", { name: "Select all" }).click();
    await page.getByLabel("First day").fill(isoDay(0));
    await page.getByLabel("Last day").fill(isoDay(30));
    // Left empty, each language shows the standard text its respondents would read.
    const standardEn = await page.locator("#campaign-thanksText-en-standard q").textContent();
    expect(standardEn).toContain("groups of at least 5 people");
    await page.getByRole("textbox", { name: /^Text in Dutch/ }).fill(THANKS_NL);
    await page.getByRole("textbox", { name: /^Text in French/ }).fill(THANKS_FR);
    await checkWidths(page, "campaign-form");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole("button", { name: "Create campaign" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Thanks e2e" }).count()).toBe(1);
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await page.getByRole("button", { name: "Yes, open now" }).click();
    await expect.poll(() => page.getByText("The campaign is open.").count()).toBe(1);

    // While open, the card on the campaign page changes it.
    const french = page.getByRole("textbox", { name: /^Text in French/ });
    expect(await french.inputValue()).toBe(THANKS_FR);
    await french.fill(THANKS_FR_NEW);
    await checkWidths(page, "campaign-open");
    await page.getByRole("button", { name: "Save the thank-you text" }).click();
    await expect.poll(() => page.getByText("The thank-you text has been saved.").count()).toBe(1);
    await context.close();

    // A respondent answers (in English) and reads the thank-you page in each language.
    const respondent = await browser.newPage({ viewport: { width: 390, height: 900 } });
    respondent.setDefaultTimeout(15_000);
    const respondentProblems = watchPage(respondent, origin);
    await respondent.goto(`${origin}/s/${SLUG}?lang=en`);
    await respondent.getByRole("button", { name: "Start the questionnaire" }).click();
    await respondent.locator(".sd-dropdown").first().click();
    await respondent.getByRole("option", { name: "Faculty of Law", exact: true }).click();
    await respondent.getByRole("button", { name: "Next", exact: true }).click();
    await respondent.getByText("No", { exact: true }).click();
    await respondent.getByText("Strongly agree", { exact: true }).click();
    await respondent.getByRole("button", { name: "Complete", exact: true }).click();
    const thanks = respondent.getByText("Thank you for taking part!");
    await expect.poll(() => thanks.count()).toBe(1);
    // English was left empty: the standard text, as the form said respondents would read it.
    expect(await respondent.getByRole("status").locator("p").last().textContent()).toBe(standardEn);

    await respondent.getByRole("button", { name: "Nederlands" }).click();
    await expect.poll(() => respondent.getByText("Bedankt voor je deelname!").count()).toBe(1);
    const own = respondent.locator(".thanks-results");
    expect(await own.textContent()).toBe(THANKS_NL);
    // Its line break shows as one (pre-line), not as a space.
    expect(await own.evaluate((p) => (p as HTMLElement).innerText)).toBe(THANKS_NL);
    await checkWidths(respondent, "respondent-nl");

    await respondent.getByRole("button", { name: "Français" }).click();
    await expect.poll(() => respondent.getByText("Merci de votre participation !").count()).toBe(1);
    expect(await own.textContent()).toBe(THANKS_FR_NEW);
    // Text, never markup: nothing the coordinator typed becomes an element.
    expect(await respondent.locator("main b").count()).toBe(0);
    await checkWidths(respondent, "respondent-fr");

    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    expect(respondentProblems).toEqual([]);
    await respondent.close();
  });
});
