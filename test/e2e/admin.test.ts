import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { inProcessBuilder } from "../../server/results/release-builders";
import {
  createReleaseScheduler,
  type ReleaseScheduler,
} from "../../server/results/release-scheduler";
import { copyDemoDatabase } from "../demo-database";
import { insertUser, PASSWORD } from "../server/admin-fixture";
import {
  builtClient,
  expectNoAxeViolations,
  launchChromium,
  serveApp,
  SCREENSHOTS as shots,
  watchPage,
} from "./browser";

const SLUG = "e2e-uitnodiging";

let db: DbConnection;
let browser: Browser;
let server: Awaited<ReturnType<typeof serveApp>>;
let releases: ReleaseScheduler;
let origin: string;
let workDir: string;
let coordinator: string;
let evaluator: string;
let admin: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "peilpunt-e2e-admin-"));
  const clientDir = await builtClient();
  mkdirSync(shots, { recursive: true });
  // With the releases the evaluator reads below, after diagnose-2020's: the results and
  // comparison tests build 2020 then 2021 in the same run (test/demo-database.ts reuses that
  // database), where 2021 alone would be one more final release to audit.
  await copyDemoDatabase(join(workDir, "e2e.db"), {
    releases: ["diagnose-2020", "diagnose-2021", "diagnose-2026"],
  });
  db = openDatabase(join(workDir, "e2e.db"));
  const organisationId = (
    db.$client.prepare("SELECT id FROM organisations").get() as { id: string }
  ).id;
  coordinator = insertUser(db, "coordinator", { organisationId });
  evaluator = insertUser(db, "evaluator", { organisationId });
  admin = insertUser(db, "admin");
  releases = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 50 });
  const app = createApp({ db, config: { clientDir, releases } });
  server = await serveApp(app);
  origin = server.origin;
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await releases?.close();
  db?.$client.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** A fresh browser profile (own cookies) with the page watched for errors and foreign requests. */
async function openPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems = watchPage(page, origin);
  // Before sign-in the app asks who is signed in and hears 401; refused codes answer 409.
  const unexpected = () => problems.filter((p) => !/status of (401|409)/.test(p));
  return { context, page, unexpected };
}

async function signIn(page: Page, email: string) {
  await page.goto(`${origin}/admin?lang=en`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(() => page.getByRole("button", { name: "Sign out" }).count()).toBe(1);
}

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

async function respondentCount(page: Page, unit: string): Promise<string> {
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: unit }) });
  return ((await row.getByRole("cell").first().textContent()) ?? "").trim();
}

async function answerWithCode(context: BrowserContext, code: string): Promise<string> {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${origin}/s/${SLUG}?lang=en`);
  await page.getByRole("button", { name: "Start the questionnaire" }).click();
  await page.getByRole("textbox", { name: "Invitation code", exact: true }).fill(code);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  const alert = page.getByRole("alert");
  const survey = page.getByText("Have you seen or heard of our diversity campaign?");
  await expect.poll(async () => (await alert.count()) + (await survey.count())).toBeGreaterThan(0);
  if ((await alert.count()) > 0) {
    const text = (await alert.first().textContent()) ?? "";
    await page.close();
    return text;
  }
  await page.getByText("Yes", { exact: true }).click();
  // "Yes" shows follow-up statements; agree strongly with each.
  const agree = page.getByText("Strongly agree", { exact: true });
  for (let i = 0; i < (await agree.count()); i++) await agree.nth(i).click();
  await page.getByRole("button", { name: "Complete", exact: true }).click();
  // A used code is refused at submission (the code step never tells used from unused).
  const thanks = page.getByText("Thank you for taking part!");
  await expect.poll(async () => (await alert.count()) + (await thanks.count())).toBeGreaterThan(0);
  if ((await alert.count()) > 0) {
    const text = (await alert.first().textContent()) ?? "";
    await page.close();
    return text;
  }
  await page.close();
  return "stored";
}

describe("a coordinator runs a campaign with invitation codes", () => {
  it("signs in, creates and opens a campaign, generates codes; answers move the counter; a code works once", async () => {
    const { context, page, unexpected } = await openPage();
    await page.goto(`${origin}/admin?lang=en`);
    await expect.poll(() => page.getByRole("heading", { name: "Sign in" }).count()).toBe(1);
    await expectNoAxeViolations(page, "sign-in");
    await signIn(page, coordinator);
    await expect
      .poll(() => page.getByRole("heading", { name: "Campaigns", level: 1 }).count())
      .toBe(1);
    await expectNoAxeViolations(page, "campaign list");
    await page.screenshot({ path: join(shots, "admin-1-campaigns.png"), fullPage: true });

    await page.getByRole("link", { name: "New campaign" }).click();
    // The address follows the title in the staff member's language until typed by hand.
    await page.getByLabel("Title in English").fill("Invitation é2e — Brussels");
    expect(await page.getByLabel("Address (slug)").inputValue()).toBe("invitation-e2e-brussels");
    await page.getByLabel("Address (slug)").fill(SLUG);
    await page.getByLabel("Title in Dutch").fill("Uitnodiging e2e");
    await page.getByLabel("Title in French").fill("Invitation e2e");
    await page.getByLabel("Title in English").fill("Invitation e2e");
    expect(await page.getByLabel("Address (slug)").inputValue()).toBe(SLUG);
    await page.getByRole("button", { name: "Select all" }).click();
    await page.getByLabel("Minimum group size (k)").fill("3");
    await page.getByLabel("First day").fill(isoDay(0));
    await page.getByLabel("Last day").fill(isoDay(30));
    await page.getByRole("radio", { name: "Invitation codes" }).check();
    await expectNoAxeViolations(page, "new campaign form");
    await page.screenshot({ path: join(shots, "admin-2-new-campaign.png"), fullPage: true });
    await page.getByRole("button", { name: "Create campaign" }).click();

    await expect.poll(() => page.getByRole("heading", { name: "Invitation e2e" }).count()).toBe(1);
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await page.getByRole("button", { name: "Yes, open now" }).click();
    await expect.poll(() => page.getByText("The campaign is open.").count()).toBe(1);

    await page
      .getByRole("combobox", { name: /^Unit\b/ })
      .selectOption({ label: "Faculty of Law (LAW)" });
    await page.getByLabel("Number of codes").fill("4");
    await page.getByRole("button", { name: "Create codes" }).click();
    const codesBox = page.getByRole("textbox", { name: /new codes for Faculty of Law/ });
    await expect.poll(() => codesBox.count()).toBe(1);
    const codes = (await codesBox.inputValue()).split("\n");
    expect(codes).toHaveLength(4);
    for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-.$/);
    await expectNoAxeViolations(page, "campaign page with codes");
    await page.screenshot({ path: join(shots, "admin-3-codes.png"), fullPage: true });
    // The mail-merge file holds exactly the codes shown, with Excel's byte order mark.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${SLUG}-LAW-codes.csv`);
    const csv = readFileSync(await download.path(), "utf8");
    expect(csv.startsWith("\uFEFFunit_code,unit_name,code\r\n")).toBe(true);
    expect(
      csv
        .trimEnd()
        .split("\r\n")
        .slice(1)
        .map((line) => line.split(",").at(-1)),
    ).toEqual(codes);
    // While it is open, participation (read from the interim release) is shown on request only.
    expect(await page.locator("table.participation").count()).toBe(0);
    await page.getByRole("button", { name: "Show participation" }).click();
    await expect.poll(() => respondentCount(page, "Faculty of Law")).toBe("0");

    // Three colleagues answer (k = 3), each with their own code.
    const respondents = await browser.newContext({ viewport: { width: 360, height: 780 } });
    for (const code of codes.slice(0, 3)) {
      expect(await answerWithCode(respondents, code as string)).toBe("stored");
    }
    await page.getByRole("button", { name: "Refresh" }).click();
    // While open, the interim release holds the organisation as a whole only: per unit at close.
    await expect.poll(() => respondentCount(page, "(total)")).toBe("3");
    expect(await page.getByRole("rowheader", { name: "Faculty of Law" }).count()).toBe(0);
    expect(await page.getByText("per unit once it is closed").count()).toBe(1);
    await page.screenshot({ path: join(shots, "admin-4-participation.png"), fullPage: true });

    // A used code is refused, and nothing more is stored.
    expect(await answerWithCode(respondents, codes[0] as string)).toContain("already been used");
    const stored = db.$client
      .prepare(
        "SELECT count(*) AS n FROM responses r JOIN campaigns c ON c.id = r.campaign_id WHERE c.slug = ?",
      )
      .get(SLUG) as { n: number };
    expect(stored.n).toBe(3);
    await respondents.close();

    // On a phone, the campaign page still works and passes axe.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await expect.poll(() => page.getByRole("heading", { name: "Invitation e2e" }).count()).toBe(1);
    await expectNoAxeViolations(page, "campaign page on a phone");
    await page.screenshot({ path: join(shots, "admin-5-campaign-phone.png"), fullPage: true });
    expect(unexpected()).toEqual([]);
    await context.close();
  });
});

describe("an evaluator reads results", () => {
  it("sees the audited release with hidden groups marked, on a phone, in Dutch", async () => {
    const { context, page, unexpected } = await openPage({ width: 375, height: 800 });
    await signIn(page, evaluator);
    await page.getByRole("button", { name: "Nederlands" }).click();
    await page.goto(`${origin}/admin/campaigns/diagnose-2021/results`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).count()).toBe(1);
    await expect.poll(() => page.locator("table").count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, "results (nl, phone)");
    await page.screenshot({ path: join(shots, "admin-6-results-phone.png"), fullPage: true });
    const xlsx = page.locator('a[href*="/results/export.xlsx?lang=nl"]');
    expect(await xlsx.count()).toBe(1);
    // An evaluator may read but not manage: no lifecycle buttons on the campaign page.
    await page.goto(`${origin}/admin/campaigns/diagnose-2026`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Sluiten", exact: true }).count()).toBe(0);
    expect(unexpected()).toEqual([]);
    await context.close();
  });
});

describe("an admin looks after accounts", () => {
  it("reads users, the audit log and their account, in French on a phone and in English on a desktop", async () => {
    const { context, page, unexpected } = await openPage({ width: 375, height: 800 });
    await signIn(page, admin);
    for (const [lang, viewport] of [
      ["fr", { width: 375, height: 800 }],
      ["en", { width: 1280, height: 900 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.getByRole("button", { name: lang === "fr" ? "Français" : "English" }).click();
      for (const screen of ["users", "audit", "account"]) {
        await page.goto(`${origin}/admin/${screen}`);
        await expect.poll(() => page.getByRole("heading", { level: 1 }).count()).toBe(1);
        await expect.poll(() => page.getByRole("status").filter({ hasText: /…/ }).count()).toBe(0);
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        await expectNoAxeViolations(page, `${screen} (${lang})`);
        await page.screenshot({
          path: join(shots, `admin-7-${screen}-${lang}.png`),
          fullPage: true,
        });
      }
    }
    // The coordinator's sign-in and campaign actions above are in the log, by e-mail address.
    await page.goto(`${origin}/admin/audit`);
    await expect.poll(() => page.getByText(coordinator).count()).toBeGreaterThan(0);
    expect(unexpected()).toEqual([]);
    await context.close();
  });
});
