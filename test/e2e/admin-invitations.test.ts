import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import type { SessionUser } from "../../server/auth/sessions";
import { createCampaign } from "../../server/campaigns/create-campaign";
import { openCampaign } from "../../server/campaigns/open-campaign";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { createMailer, type Mailer } from "../../server/invitations/mailer";
import { copyDemoDatabase } from "../demo-database";
import { insertUser, PASSWORD } from "../server/admin-fixture";
import { startTestSmtpServer, type TestSmtpServer } from "../server/test-smtp-server";
import {
  builtClient,
  expectNoAxeViolations,
  launchChromium,
  serveApp,
  SCREENSHOTS as shots,
  watchPage,
} from "./browser";

const SLUG = "e2e-mail-2026";

let db: DbConnection;
let browser: Browser;
let withMail: Awaited<ReturnType<typeof serveApp>>;
let withoutMail: Awaited<ReturnType<typeof serveApp>>;
let smtp: TestSmtpServer;
let mailer: Mailer;
let workDir: string;
let coordinator: string;
let unitCodes: string[];

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "peilpunt-e2e-mail-"));
  const clientDir = await builtClient();
  mkdirSync(shots, { recursive: true });
  const now = new Date();
  await copyDemoDatabase(join(workDir, "e2e.db"), { now });
  db = openDatabase(join(workDir, "e2e.db"));
  const demo = db.$client
    .prepare(
      `SELECT c.id, c.organisation_id AS organisationId, q.slug AS questionnaire, v.number AS version
       FROM campaigns c JOIN questionnaire_versions v ON v.id = c.questionnaire_version_id
       JOIN questionnaires q ON q.id = v.questionnaire_id WHERE c.slug = 'diagnose-2026'`,
    )
    .get() as { id: string; organisationId: string; questionnaire: string; version: number };
  const scope = db.$client
    .prepare(
      "SELECT u.id, u.code FROM campaign_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.campaign_id = ?",
    )
    .all(demo.id) as { id: string; code: string }[];
  unitCodes = scope.map((unit) => unit.code);
  coordinator = insertUser(db, "coordinator", { organisationId: demo.organisationId });
  const actor = db.$client
    .prepare(
      `SELECT id, email, role, organisation_id AS organisationId, unit_id AS unitId, locale
       FROM users WHERE email = ?`,
    )
    .get(coordinator) as SessionUser;
  createCampaign({
    db,
    actor,
    now,
    input: {
      slug: SLUG,
      organisationId: demo.organisationId,
      title: { nl: "Bevraging 2026", fr: "Enquête 2026", en: "Survey 2026" },
      questionnaire: { slug: demo.questionnaire, version: demo.version },
      unitIds: scope.map((unit) => unit.id),
      locales: ["nl", "fr", "en"],
      k: 5,
      opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
      closesAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
      accessMode: "invitation-codes",
      retentionDays: 365,
    },
  });
  openCampaign({ db, actor, slug: SLUG, now });
  smtp = await startTestSmtpServer();
  mailer = createMailer({
    host: "127.0.0.1",
    port: smtp.port,
    tls: "none",
    from: "peilpunt@example.test",
    ratePerSecond: 1000,
  });
  withMail = await serveApp(createApp({ db, config: { clientDir, mailer } }));
  withoutMail = await serveApp(createApp({ db, config: { clientDir } }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await withMail?.close();
  await withoutMail?.close();
  mailer?.close();
  await smtp?.close();
  db?.$client.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function openCampaignPage(origin: string, width: number, lang = "en") {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems = watchPage(page, origin);
  await page.goto(`${origin}/admin?lang=en`);
  await page.getByLabel("E-mail address").fill(coordinator);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(() => page.getByRole("button", { name: "Sign out" }).count()).toBe(1);
  await page.goto(`${origin}/admin/campaigns/${SLUG}?lang=${lang}`);
  return { page, problems: () => problems.filter((p) => !/status of 401/.test(p)) };
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(shots, name), fullPage: true });
}

describe("the invitation sender", () => {
  it("uploads a list, shows counts and the preview per language; axe clean at 390, 1366 and 1920 px", async () => {
    const { page, problems } = await openCampaignPage(withMail.origin, 390);
    await expect
      .poll(() => page.getByRole("heading", { name: "Send invitations" }).count())
      .toBe(1);
    await expect
      .poll(() => page.getByText("separation of duties", { exact: false }).count())
      .toBeGreaterThan(0);
    const list = `email;unit\n${["an", "bo", "cy"].map((name, i) => `${name}@example.org;${unitCodes[i]}`).join("\n")}\n`;
    await page.getByLabel("Address list (Excel or CSV)").setInputFiles({
      name: "list.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(list),
    });
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "3 invitations sent" }).textContent())
      .toContain("Done.");
    expect(smtp.received).toHaveLength(3);
    // No code on the page, only the preview's placeholder.
    const body = (await page.locator("body").textContent())?.replaceAll("XXXX-XXXX-XXXX-X", "");
    expect(body).not.toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]\b/);
    await page.getByText("Preview of the e-mail").click();
    await expect.poll(() => page.getByRole("heading", { name: "French" }).count()).toBe(1);
    await expectNoAxeViolations(page, "invitation sender (en, phone)");
    await shoot(page, "invitations-1-phone.png");
    for (const width of [1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(page, `invitation sender (en, ${width})`);
      await shoot(page, `invitations-2-${width}.png`);
    }
    expect(problems()).toEqual([]);
  });

  it("says in Dutch and French that mail is not configured, and keeps the code download", async () => {
    const { page, problems } = await openCampaignPage(withoutMail.origin, 1366, "nl");
    await expect
      .poll(() => page.getByText("Mail is op deze server niet ingesteld", { exact: false }).count())
      .toBe(1);
    expect(await page.getByRole("heading", { name: "Uitnodigingscodes" }).count()).toBe(1);
    await expectNoAxeViolations(page, "invitation sender without mail (nl)");
    await shoot(page, "invitations-3-no-mail-nl.png");
    await page.getByRole("button", { name: "Français" }).click();
    await expect
      .poll(() => page.getByText("L'e-mail n'est pas configuré", { exact: false }).count())
      .toBe(1);
    expect(problems()).toEqual([]);
  });
});
