import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser, PASSWORD } from "../server/admin-fixture";
import {
  EXCLUDED,
  file,
  GENDER,
  questionnaire,
} from "../server/questionnaires/questionnaire-files";
import {
  clippedElements,
  type DemoSite,
  expectNoAxeViolations,
  SCREENSHOTS as shots,
  startDemoSite,
  watchPage,
} from "./browser";

let site: DemoSite;
let coordinator: string;

beforeAll(async () => {
  site = await startDemoSite("questionnaires");
  const organisationId = (
    site.db.$client.prepare("SELECT id FROM organisations").get() as { id: string }
  ).id;
  coordinator = insertUser(site.db, "coordinator", { organisationId });
});

afterAll(async () => {
  await site?.close();
});

async function openPage(width: number) {
  const context = await site.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = watchPage(page, site.origin);
  // Before sign-in the app hears 401; a refused upload answers 422.
  const unexpected = () => problems.filter((p) => !/status of (401|422)/.test(p));
  await page.goto(`${site.origin}/admin?lang=en`);
  await page.getByLabel("E-mail address").fill(coordinator);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(() => page.getByRole("button", { name: "Sign out" }).count()).toBe(1);
  return { context, page, unexpected };
}

const upload = (page: Page, name: string, text: string) =>
  page.getByLabel("JSON file").setInputFiles({
    name,
    mimeType: "application/json",
    buffer: Buffer.from(text),
  });

describe("a coordinator's own questionnaire", () => {
  it("uploads a JSON (a broken one is refused with its problem named), previews it in French, marks, publishes, uploads version 2 and reads the diff", async () => {
    const { context, page, unexpected } = await openPage(1366);
    await page.getByRole("link", { name: "Questionnaires" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Questionnaires", level: 1 }).count())
      .toBe(1);
    // Listed by title in the reader's language, with version and status.
    await expect
      .poll(() => page.getByRole("link", { name: "Diversity diagnosis" }).count())
      .toBe(1);
    await page.getByRole("link", { name: "New questionnaire" }).click();

    await upload(page, "broken.json", '{"pages": [');
    const form = page.getByRole("region", { name: "Upload a SurveyJS file" });
    await form.getByLabel("Address (technical name)").fill("broken");
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect.poll(() => page.getByText("The file has 1 problem:").count()).toBe(1);
    await expect.poll(() => page.getByText(/not valid JSON/).count()).toBe(1);

    await upload(page, "team.json", file(questionnaire()));
    // The address is proposed from the file's title in the reader's language.
    await expect
      .poll(() => form.getByLabel("Address (technical name)").inputValue())
      .toBe("team-survey");
    await expectNoAxeViolations(page, "new questionnaire");
    await page.screenshot({ path: join(shots, "questionnaires-1-new.png"), fullPage: true });
    await page.getByRole("button", { name: "Upload", exact: true }).click();

    await expect
      .poll(() => page.getByRole("heading", { name: "Team survey — version 1", level: 1 }).count())
      .toBe(1);
    await page.getByRole("button", { name: "Show preview" }).click();
    await page.getByRole("button", { name: "French", exact: true }).click();
    await expect.poll(() => page.getByText("Preview in French").count()).toBe(1);
    await expect
      .poll(() =>
        page
          .locator(".survey-preview")
          .getByText("Did you feel excluded? (fr)", { exact: true })
          .count(),
      )
      .toBe(1);
    // (The marks table below names the questions in the reader's language: only the preview counts.)
    expect(
      await page
        .locator(".survey-preview")
        .getByText("Did you feel excluded?", { exact: true })
        .count(),
    ).toBe(0);
    await expectNoAxeViolations(page, "draft with its French preview");
    await page.screenshot({ path: join(shots, "questionnaires-2-draft-fr.png"), fullPage: true });

    await page.getByRole("checkbox", { name: "Sensitive: Did you feel excluded?" }).check();
    await page.getByRole("button", { name: "Save marks" }).click();
    await expect.poll(() => page.getByText("The marks were saved.").count()).toBe(1);
    const stored = site.db.$client
      .prepare(
        "SELECT definition FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id WHERE q.slug = 'team-survey'",
      )
      .get() as { definition: string };
    expect(JSON.parse(stored.definition).pages[1].elements[1]).toMatchObject({
      name: "excluded",
      sensitive: true,
    });

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect.poll(() => page.getByText("The version is published.").count()).toBe(1);
    await expect.poll(() => page.getByText(/is published and never changes again/).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Delete draft" }).count()).toBe(0);

    const v2 = questionnaire([
      GENDER,
      { ...EXCLUDED, name: "left_out", previousName: "excluded", title: EXCLUDED.title },
    ]);
    await upload(page, "team-v2.json", file(v2));
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Team survey — version 2", level: 1 }).count())
      .toBe(1);
    await expect.poll(() => page.getByText("What changed since version 1").count()).toBe(1);
    await expect.poll(() => page.getByText("excluded → left_out").count()).toBe(1);
    await expectNoAxeViolations(page, "version 2 with its diff");
    await page.screenshot({ path: join(shots, "questionnaires-3-diff.png"), fullPage: true });
    expect(unexpected()).toEqual([]);
    await context.close();
  });

  for (const width of [390, 1366, 1920]) {
    it(`at ${width} px: list and version page fit, axe clean, in nl and fr too`, async () => {
      const { context, page, unexpected } = await openPage(width);
      await page.goto(`${site.origin}/admin/questionnaires?lang=nl`);
      await expect
        .poll(() => page.getByRole("heading", { name: "Vragenlijsten", level: 1 }).count())
        .toBe(1);
      await expect
        .poll(() => page.getByRole("link", { name: "Diversiteitsdiagnose" }).count())
        .toBe(1);
      expect(await clippedElements(page)).toEqual([]);
      await expectNoAxeViolations(page, `list at ${width} px`);
      await page.screenshot({
        path: join(shots, `questionnaires-list-${width}.png`),
        fullPage: true,
      });

      await page.goto(`${site.origin}/admin/questionnaires/team-survey/versions/2?lang=fr`);
      await expect
        .poll(() =>
          page.getByRole("heading", { name: "Team survey (fr) — version 2", level: 1 }).count(),
        )
        .toBe(1);
      await page.getByRole("button", { name: "Afficher l'aperçu" }).click();
      await expect
        .poll(() =>
          page
            .locator(".survey-preview")
            .getByText("Did you feel excluded? (fr)", { exact: true })
            .count(),
        )
        .toBe(1);
      await expect.poll(() => page.getByText("Questions renommées (1)").count()).toBe(1);
      expect(await clippedElements(page)).toEqual([]);
      await expectNoAxeViolations(page, `version page at ${width} px`);
      await page.screenshot({
        path: join(shots, `questionnaires-version-${width}.png`),
        fullPage: true,
      });
      expect(unexpected()).toEqual([]);
      await context.close();
    });
  }
});
