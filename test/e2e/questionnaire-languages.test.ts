import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser, PASSWORD } from "../server/admin-fixture";
import { file } from "../server/questionnaires/questionnaire-files";
import {
  clippedElements,
  type DemoSite,
  expectNoAxeViolations,
  LANGUAGE_SCREENS,
  SCREENSHOTS as shots,
  startDemoSite,
  watchPage,
} from "./browser";

// Issue 12: a Brussels body's nl/fr questionnaire; a refused upload's problems in the reader's
// language; the version page in nl, fr and en at a phone's, a laptop's and a wide screen's width.

let site: DemoSite;
let coordinator: string;

const nlFr = (en: string) => ({ nl: `${en} (nl)`, fr: `${en} (fr)` });
const yesNo = [
  { value: "yes", text: nlFr("yes") },
  { value: "no", text: nlFr("no") },
];

function bilingual(extra: unknown[] = []) {
  return {
    title: { nl: "Brusselse bevraging", fr: "Enquête bruxelloise" },
    pages: [
      {
        name: "p",
        elements: [
          {
            type: "dropdown",
            name: "unit",
            unitPicker: true,
            isRequired: true,
            title: nlFr("Unit"),
          },
          {
            type: "radiogroup",
            name: "excluded",
            title: { nl: "Voelde je je uitgesloten?", fr: "Vous êtes-vous senti exclu ?" },
            choices: yesNo,
          },
          { type: "comment", name: "remarks", title: nlFr("Remarks") },
          ...extra,
        ],
      },
    ],
  };
}

/** One French text missing, and a comment area on a choice question. */
const faulty = bilingual([
  { type: "comment", name: "ideas", title: { nl: "Ideeën" } },
  { type: "radiogroup", name: "team", title: nlFr("Team?"), choices: yesNo, showCommentArea: true },
]);

const PROBLEMS = {
  nl: ["mist de tekst in het Frans", "voegt een vrij tekstveld toe"],
  fr: ["n'a pas de texte en français", "ajoute un champ de texte libre"],
  en: ["has no French text", "adds a free-text field"],
} as const;
const FACTS = { nl: "Nederlands, Frans", fr: "néerlandais, français", en: "Dutch, French" };

beforeAll(async () => {
  site = await startDemoSite("questionnaire-languages");
  const organisationId = (
    site.db.$client.prepare("SELECT id FROM organisations").get() as { id: string }
  ).id;
  coordinator = insertUser(site.db, "coordinator", { organisationId });
});

afterAll(async () => {
  await site?.close();
});

async function signedIn(width: number) {
  const context = await site.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = watchPage(page, site.origin);
  await page.goto(`${site.origin}/admin?lang=en`);
  await page.getByLabel("E-mail address").fill(coordinator);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(() => page.getByRole("button", { name: "Sign out" }).count()).toBe(1);
  return {
    context,
    page,
    unexpected: () => problems.filter((p) => !/status of (401|422)/.test(p)),
  };
}

async function uploadFile(page: Page, slug: string, definition: unknown) {
  await page.locator('input[type="file"]').setInputFiles({
    name: `${slug}.json`,
    mimeType: "application/json",
    buffer: Buffer.from(file(definition)),
  });
  await page.locator('input[name="slug"]').fill(slug);
  await page.locator('form.stacked-form button[type="submit"]').first().click();
}

describe("a questionnaire in Dutch and French only", () => {
  it("uploads as a draft; its page lists nl/fr, previews only those, marks its title as Dutch for an English reader", async () => {
    const { context, page, unexpected } = await signedIn(1366);
    await page.goto(`${site.origin}/admin/questionnaires/new?lang=en`);
    await uploadFile(page, "brussels", bilingual());
    await expect.poll(() => page.locator("h1 span[lang='nl']").count()).toBe(1);
    expect(await page.locator("h1").innerText()).toBe("Brusselse bevraging — version 1");
    await expect.poll(() => page.getByText(FACTS.en, { exact: true }).count()).toBe(1);
    await page.getByRole("button", { name: "Show preview" }).click();
    const switcher = page.locator(".preview-languages button");
    await expect.poll(() => switcher.allInnerTexts()).toEqual(["Dutch", "French"]);
    // An English reader's preview opens in Dutch, the first language the questionnaire has.
    await expect.poll(() => page.getByText("Preview in Dutch").count()).toBe(1);
    await expect
      .poll(() =>
        page
          .locator(".survey-preview")
          .getByText("Voelde je je uitgesloten?", { exact: true })
          .count(),
      )
      .toBe(1);
    expect(unexpected()).toEqual([]);
    await context.close();
  });

  for (const { width, lang: locale } of LANGUAGE_SCREENS) {
    it(`at ${width} px in ${locale}: a refused upload names each problem in ${locale}; the version page fits`, async () => {
      const { context, page, unexpected } = await signedIn(width);
      await page.goto(`${site.origin}/admin/questionnaires/new?lang=${locale}`);
      await uploadFile(page, `faulty-${width}-${locale}`, faulty);
      const list = page.locator(".problem-list li");
      await expect.poll(() => list.count()).toBe(2);
      const texts = await list.allInnerTexts();
      expect(texts[0]).toContain("ideas");
      expect(texts[0]).toContain(PROBLEMS[locale][0]);
      expect(texts[1]).toContain("team");
      expect(texts[1]).toContain(PROBLEMS[locale][1]);
      expect(await clippedElements(page)).toEqual([]);
      await expectNoAxeViolations(page, `refused upload ${width} ${locale}`);
      await page.screenshot({
        path: join(shots, `questionnaire-languages-refused-${width}-${locale}.png`),
        fullPage: true,
      });

      await page.goto(`${site.origin}/admin/questionnaires/brussels/versions/1?lang=${locale}`);
      await expect.poll(() => page.getByText(FACTS[locale], { exact: true }).count()).toBe(1);
      // The title is Dutch: marked so on French and English pages, not on a Dutch one.
      expect(await page.locator("h1 span[lang]").count()).toBe(locale === "en" ? 1 : 0);
      await page.locator(".preview-languages, section button[aria-expanded]").first().click();
      await expect.poll(() => page.locator(".preview-languages button").count()).toBe(2);
      await expect
        .poll(() => page.locator(".survey-preview .sd-question").count())
        .toBeGreaterThan(1);
      expect(await clippedElements(page)).toEqual([]);
      await expectNoAxeViolations(page, `nl/fr version page ${width} ${locale}`);
      await page.screenshot({
        path: join(shots, `questionnaire-languages-version-${width}-${locale}.png`),
        fullPage: true,
      });
      expect(unexpected()).toEqual([]);
      await context.close();
    });
  }

  it("once published, the campaign form offers only Dutch and French for it, on a phone and on desktops", async () => {
    const { context, page, unexpected } = await signedIn(1366);
    await page.goto(`${site.origin}/admin/questionnaires/brussels/versions/1?lang=en`);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect
      .poll(() => page.getByText("Published", { exact: true }).count())
      .toBeGreaterThan(0);
    await context.close();
    for (const { width, lang: locale } of LANGUAGE_SCREENS) {
      const { context, page } = await signedIn(width);
      await page.goto(`${site.origin}/admin/campaigns/new?lang=${locale}`);
      await page.locator("#campaign-questionnaire-slug").selectOption("brussels");
      const boxes = page.locator("fieldset input[type='checkbox']");
      const english = page.locator("fieldset label.choice", {
        hasText: /English|Engels|anglais/,
      });
      await expect.poll(() => english.locator("input").isDisabled()).toBe(true);
      expect(await english.locator("input").isChecked()).toBe(false);
      expect(await boxes.count()).toBeGreaterThan(2);
      expect(await clippedElements(page)).toEqual([]);
      await expectNoAxeViolations(page, `campaign form ${width} ${locale}`);
      await english.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: join(shots, `questionnaire-languages-campaign-${width}-${locale}.png`),
      });
      await context.close();
    }
    expect(unexpected()).toEqual([]);
  });
});
