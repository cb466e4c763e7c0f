import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbConnection } from "../../server/db/open-database";
import {
  type DemoSite,
  expectNoAxeViolations,
  SCREENSHOTS as shots,
  startDemoSite,
  watchPage,
} from "./browser";

let site: DemoSite;
let db: DbConnection;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  site = await startDemoSite("e2e");
  ({ db, browser, origin } = site);
});

afterAll(async () => {
  await site?.close();
});

function storedResponses(slug: string): Record<string, unknown>[] {
  const rows = db.$client
    .prepare(
      "SELECT r.answers FROM responses r JOIN campaigns c ON c.id = r.campaign_id WHERE c.slug = ?",
    )
    .all(slug) as { answers: string }[];
  return rows.map((row) => JSON.parse(row.answers));
}

async function chooseUnit(page: Page, name: string) {
  // SurveyJS's dropdown opens a listbox popup when its wrapper is clicked.
  await page.locator(".sd-dropdown").first().click();
  await page.getByRole("option", { name, exact: true }).click();
}

async function next(page: Page, label = "Volgende") {
  await page.getByRole("button", { name: label, exact: true }).click();
}

describe("a respondent fills the demo diagnosis in Dutch", () => {
  for (const [device, viewport] of [
    ["phone", { width: 360, height: 780 }],
    ["desktop", { width: 1280, height: 900 }],
  ] as const) {
    it(`on a ${device}: notice, questions, follow-up, thank-you; stored; no violations`, async () => {
      const page = await browser.newPage({ viewport });
      page.setDefaultTimeout(30_000);
      const problems = watchPage(page, origin);
      const before = storedResponses("diagnose-2026").length;

      await page.goto(`${origin}/s/diagnose-2026?lang=nl`);
      await expect.poll(() => page.getByText("Anoniem en vertrouwelijk").count()).toBe(1);
      expect(await page.getAttribute("html", "lang")).toBe("nl");
      await expectNoAxeViolations(page, `privacy notice (${device})`);
      await page.screenshot({ path: join(shots, `1-notice-${device}.png`), fullPage: true });

      await page.getByRole("button", { name: "Start de vragenlijst" }).click();
      await chooseUnit(page, "Faculteit Rechten");
      await expectNoAxeViolations(page, `unit question (${device})`);
      await page.screenshot({ path: join(shots, `2-unit-${device}.png`), fullPage: true });
      await next(page);

      await page.getByText("Vrouw", { exact: true }).click();
      await page.getByText("40 tot 49", { exact: true }).click();
      await page.getByText("Middenkader", { exact: true }).click();
      await expectNoAxeViolations(page, `demographics (${device})`);
      await page.screenshot({ path: join(shots, `3-about-you-${device}.png`), fullPage: true });
      await next(page);
      await expectNoAxeViolations(page, `climate matrix (${device})`);
      await page.screenshot({ path: join(shots, `4-climate-${device}.png`), fullPage: true });
      await next(page); // climate: optional
      await next(page); // career: optional
      await next(page); // leadership: optional

      expect(await page.getByText("Op welke grond denk je?").count()).toBe(0);
      await page.getByRole("radio", { name: "Ja" }).first().check({ force: true });
      await expect.poll(() => page.getByText("Op welke grond denk je?").count()).toBeGreaterThan(0);
      await page.getByText("Afkomst of huidskleur", { exact: true }).click();
      await expectNoAxeViolations(page, `experiences with follow-up (${device})`);
      await page.screenshot({ path: join(shots, `5-follow-up-${device}.png`), fullPage: true });
      await next(page);
      await next(page); // measures: optional
      await page.getByRole("textbox").fill(`Meer aandacht voor doorstroom (${device}).`);
      await next(page, "Verzenden");

      await expect.poll(() => page.getByText("Bedankt voor je deelname!").count()).toBe(1);
      await expectNoAxeViolations(page, `thank-you (${device})`);
      await page.screenshot({ path: join(shots, `6-thanks-${device}.png`), fullPage: true });

      const after = storedResponses("diagnose-2026");
      expect(after).toHaveLength(before + 1);
      const mine = after.filter((a) => a.comment === `Meer aandacht voor doorstroom (${device}).`);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        gender: "woman",
        age_band: "40_49",
        job_level: "middle_management",
        discrimination_experienced: "yes",
        discrimination_grounds: ["origin"],
      });
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});

describe("the other respondent pages", () => {
  it("switches language without losing answers and never sends the language", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    page.setDefaultTimeout(30_000);
    const problems = watchPage(page, origin);
    const bodies: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") bodies.push(request.postData() ?? "");
    });
    await page.goto(`${origin}/s/campagne-2022?lang=nl`);
    await expect.poll(() => page.getByText("Deze bevraging is afgesloten").count()).toBe(1);
    await page.getByRole("button", { name: "Français" }).click();
    await expect.poll(() => page.getByText("Cette enquête est clôturée").count()).toBe(1);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    // The campaign closed at midnight starting 28 March (Brussels): its last day is the 27th.
    expect(await page.getByText("jusqu'au 27 mars 2022").count()).toBe(1);
    await expectNoAxeViolations(page, "closed campaign (fr)");
    await page.screenshot({ path: join(shots, "7-closed-fr.png"), fullPage: true });

    await page.goto(`${origin}/s/diagnose-2026?lang=fr`);
    await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
    await chooseUnit(page, "Faculté de droit");
    await next(page, "Suivant");
    await page.getByText("Femme", { exact: true }).click();
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.getByText("What is your gender?").count()).toBe(1);
    expect(await page.getByRole("radio", { name: "Woman" }).isChecked()).toBe(true);
    await page.screenshot({ path: join(shots, "8-switched-en.png"), fullPage: true });
    expect(bodies).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("explains an unknown campaign and shows the privacy details in three languages", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    page.setDefaultTimeout(30_000);
    const problems = watchPage(page, origin);
    await page.goto(`${origin}/s/bestaat-niet?lang=en`);
    await expect.poll(() => page.getByText("This survey does not exist").count()).toBe(1);
    await expectNoAxeViolations(page, "unknown campaign");

    for (const [lang, heading] of [
      ["nl", "Je privacy bij Peilpunt"],
      ["fr", "Votre vie privée avec Peilpunt"],
      ["en", "Your privacy with Peilpunt"],
    ]) {
      await page.goto(`${origin}/privacy?lang=${lang}&from=diagnose-2026`);
      await expect
        .poll(() => page.getByRole("heading", { level: 1, name: heading }).count())
        .toBe(1);
      await expectNoAxeViolations(page, `privacy page (${lang})`);
    }
    await page.screenshot({ path: join(shots, "9-privacy-en.png"), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
