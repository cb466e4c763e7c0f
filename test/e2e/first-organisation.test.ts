import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { generatePassword } from "../../server/auth/password";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { loadBundledVersions } from "../../server/questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "../../server/questionnaires/sync-bundled-questionnaires";
import { createUser } from "../../server/users/manage-users";
import {
  builtClient,
  expectNoAxeViolations,
  launchChromium,
  serveApp,
  SCREENSHOTS as shots,
  watchPage,
} from "./browser";

let workDir: string;
let db: DbConnection;
let browser: Browser;
let server: Awaited<ReturnType<typeof serveApp>>;
const ADMIN = "first-admin@agentschap.example";
const password = generatePassword();

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "peilpunt-e2e-first-"));
  const clientDir = await builtClient();
  mkdirSync(shots, { recursive: true });
  // What `PEILPUNT_DEMO=false npm start` leaves: the bundled questionnaires and nothing else.
  db = openDatabase(join(workDir, "e2e.db"));
  syncBundledQuestionnaires(db, loadBundledVersions());
  // The first admin, made as `npm run user:create -- --email … --role admin` does.
  await createUser({
    db,
    actor: null,
    input: { email: ADMIN, role: "admin", organisationId: null, unitId: null, password },
    now: new Date(),
  });
  server = await serveApp(createApp({ db, config: { clientDir } }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  db?.$client.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(shots, `first-organisation-${name}.png`), fullPage: true });
}

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe("a real organisation from an empty database", () => {
  it("the first admin creates an organisation, imports its units, uploads and publishes a questionnaire, opens a campaign on it, and a respondent answers", async () => {
    expect(count("SELECT count(*) AS n FROM organisations")).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(30_000);
    const problems = watchPage(page, server.origin);

    await page.goto(`${server.origin}/admin?lang=en`);
    await page.getByLabel("E-mail address").fill(ADMIN);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("navigation").getByRole("link", { name: "Organisations" }).click();
    await expect.poll(() => page.getByText("There is no organisation yet.").count()).toBe(1);
    await page.getByLabel("Name in Dutch").fill("Agentschap Gelijke Kansen");
    await page.getByLabel("Name in French").fill("Agence Égalité des chances");
    await page.getByLabel("Name in English").fill("Equal Opportunities Agency");
    await page.getByRole("button", { name: "Create organisation" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Units of Equal Opportunities Agency");

    // A CSV as Excel saves it: byte-order mark, ";", CRLF.
    const csv = [
      "code;parent_code;kind;name_nl;name_fr;name_en;headcount",
      "DIR;;entity;Directie;Direction;Directorate;",
      "HR;DIR;service;Personeelsdienst;Service du personnel;HR department;42",
      "COM;DIR;service;Communicatie;Communication;Communication;18",
    ].join("\r\n");
    await page.getByLabel("Unit file").setInputFiles({
      name: "eenheden.csv",
      mimeType: "text/csv",
      buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]),
    });
    await page.getByRole("button", { name: "Show what changes" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Added (3)" }).count()).toBe(1);
    await page.getByRole("button", { name: "Apply these changes" }).click();
    await expect.poll(() => page.getByText("3 changes were applied.").count()).toBe(1);
    await expectNoAxeViolations(page, "imported tree");
    await shoot(page, "1-units");
    expect(count("SELECT count(*) AS n FROM units")).toBe(3);

    // The organisation's own questionnaire: the bundled campaign evaluation under a new title.
    const definition = JSON.parse(
      readFileSync(join(import.meta.dirname, "../../surveys/campaign-evaluation/v1.json"), "utf8"),
    );
    definition.title = {
      nl: "Evaluatie van onze campagne",
      fr: "Évaluation de notre campagne",
      en: "Evaluation of our campaign",
    };
    await page.getByRole("navigation").getByRole("link", { name: "Questionnaires" }).click();
    await page.getByRole("link", { name: "New questionnaire" }).click();
    await page.getByLabel("JSON file").setInputFiles({
      name: "onze-campagne.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(definition, null, 2)),
    });
    const uploadForm = page.getByRole("region", { name: "Upload a SurveyJS file" });
    await expect
      .poll(() => uploadForm.getByLabel("Address (technical name)").inputValue())
      .toBe("evaluation-of-our-campaign");
    await uploadForm.getByLabel("Kind").selectOption("campaign");
    await uploadForm.getByLabel("For").selectOption({ label: "Equal Opportunities Agency" });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect
      .poll(() =>
        page
          .getByRole("heading", { name: "Evaluation of our campaign — version 1", level: 1 })
          .count(),
      )
      .toBe(1);
    await page.getByRole("button", { name: "Show preview" }).click();
    await page.getByRole("button", { name: "French", exact: true }).click();
    await expect.poll(() => page.getByText("Preview in French").count()).toBe(1);
    const frenchQuestion =
      "Avez-vous vu notre campagne sur la diversité ou en avez-vous entendu parler ?";
    await expect.poll(() => page.getByText(frenchQuestion, { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page, "uploaded questionnaire with its French preview");
    await shoot(page, "2-questionnaire-fr");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect.poll(() => page.getByText("The version is published.").count()).toBe(1);

    // A campaign on that questionnaire, with an open link, on the two services.
    await page.getByRole("navigation").getByRole("link", { name: "Campaigns" }).click();
    await page.getByRole("link", { name: "New campaign" }).click();
    await page.getByLabel("Title in Dutch").fill("Evaluatie campagne");
    await page.getByLabel("Title in French").fill("Évaluation de la campagne");
    await page.getByLabel("Title in English").fill("Campaign evaluation");
    await page
      .getByRole("combobox", { name: /^Questionnaire/ })
      .selectOption("evaluation-of-our-campaign");
    await page.getByRole("button", { name: "Select all" }).click();
    await page.getByLabel("First day").fill(isoDay(0));
    await page.getByLabel("Last day").fill(isoDay(30));
    await expectNoAxeViolations(page, "new campaign form");
    await page.getByRole("button", { name: "Create campaign" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Campaign evaluation" }).count())
      .toBe(1);
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await page.getByRole("button", { name: "Yes, open now" }).click();
    await expect.poll(() => page.getByText("The campaign is open.").count()).toBe(1);
    await shoot(page, "3-campaign");
    const campaign = db.$client
      .prepare(
        `SELECT c.slug, q.slug AS questionnaire, q.organisation_id AS owner, v.published
           FROM campaigns c
           JOIN questionnaire_versions v ON v.id = c.questionnaire_version_id
           JOIN questionnaires q ON q.id = v.questionnaire_id`,
      )
      .get() as { slug: string; questionnaire: string; owner: string | null; published: number };
    const organisationId = (
      db.$client.prepare("SELECT id FROM organisations").get() as { id: string }
    ).id;
    expect(campaign).toMatchObject({
      questionnaire: "evaluation-of-our-campaign",
      owner: organisationId,
      published: 1,
    });
    const slug = campaign.slug;
    expect(slug).toBe("campaign-evaluation");

    // A respondent, in French.
    const respondent = await browser.newPage({ viewport: { width: 390, height: 800 } });
    respondent.setDefaultTimeout(30_000);
    const respondentProblems = watchPage(respondent, server.origin);
    await respondent.goto(`${server.origin}/s/${slug}?lang=fr`);
    await respondent.getByRole("button", { name: /^Commencer/ }).click();
    await respondent.locator(".sd-dropdown").first().click();
    await respondent
      .getByRole("option", { name: "Direction › Service du personnel", exact: true })
      .click();
    await respondent.getByRole("button", { name: "Suivant", exact: true }).click();
    await respondent
      .locator('.sd-question[data-name="campaign_seen"]')
      .getByText("Oui", { exact: true })
      .click();
    await respondent
      .locator('.sd-question[data-name="diverse_workplace_matters"]')
      .locator(".sd-item")
      .first()
      .click();
    await expectNoAxeViolations(respondent, "respondent page (fr)");
    await respondent.getByRole("button", { name: "Terminer", exact: true }).click();
    await expect
      .poll(() => respondent.getByText("Merci", { exact: false }).count())
      .toBeGreaterThan(0);
    await respondent.screenshot({
      path: join(shots, "first-organisation-4-thanks.png"),
      fullPage: true,
    });
    expect(count("SELECT count(*) AS n FROM responses")).toBe(1);
    expect(respondentProblems).toEqual([]);
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });
});
