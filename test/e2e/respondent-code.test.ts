import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import type { SessionUser } from "../../server/auth/sessions";
import { createCampaign } from "../../server/campaigns/create-campaign";
import { openCampaign } from "../../server/campaigns/open-campaign";
import { DEFAULT_MAX_CODES_PER_CAMPAIGN } from "../../server/contract/staff-limits";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { generateCodes } from "../../server/invitations/generate-codes";
import { CROCKFORD_ALPHABET } from "../../server/invitations/invitation-code";
import { inProcessBulkWriter } from "../../server/jobs/bulk-writer";
import { heavyJobQueue } from "../../server/jobs/heavy-jobs";
import { copyDemoDatabase } from "../demo-database";
import {
  builtClient,
  expectNoAxeViolations,
  launchChromium,
  serveApp,
  SCREENSHOTS as shots,
  watchPage,
} from "./browser";

const SLUG = "uitnodiging-2026";
const secretKey = new Uint8Array(32).fill(7);

let db: DbConnection;
let browser: Browser;
let server: Awaited<ReturnType<typeof serveApp>>;
let origin: string;
let workDir: string;
let codes: string[];

/** A coordinator of the demo organisation, as the admin routes would see them. */
function demoCoordinator(): SessionUser {
  return db.$client
    .prepare(
      `SELECT id, email, role, organisation_id AS organisationId, unit_id AS unitId, locale
       FROM users WHERE role = 'coordinator' LIMIT 1`,
    )
    .get() as SessionUser;
}

/** An open invitation-codes copy of the demo diagnosis, with codes made by the admin service. */
function createCodesCampaign(now: Date): Promise<string[]> {
  const actor = demoCoordinator();
  const demo = db.$client
    .prepare(
      `SELECT c.id, c.organisation_id AS organisationId, q.slug AS questionnaire, v.number AS version
       FROM campaigns c JOIN questionnaire_versions v ON v.id = c.questionnaire_version_id
       JOIN questionnaires q ON q.id = v.questionnaire_id WHERE c.slug = 'diagnose-2026'`,
    )
    .get() as { id: string; organisationId: string; questionnaire: string; version: number };
  const unitIds = (
    db.$client
      .prepare("SELECT unit_id AS id FROM campaign_units WHERE campaign_id = ?")
      .all(demo.id) as { id: string }[]
  ).map((u) => u.id);
  createCampaign({
    db,
    actor,
    now,
    input: {
      slug: SLUG,
      organisationId: demo.organisationId,
      title: { nl: "Uitnodiging 2026", fr: "Invitation 2026", en: "Invitation 2026" },
      questionnaire: { slug: demo.questionnaire, version: demo.version },
      unitIds,
      locales: ["nl", "fr", "en"],
      k: 5,
      opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
      closesAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
      accessMode: "invitation-codes",
      retentionDays: 365,
    },
  });
  openCampaign({ db, actor, slug: SLUG, now });
  return generateCodes({
    db,
    actor,
    slug: SLUG,
    unitId: unitIds[0] as string,
    count: 4,
    now,
    bulkWriter: inProcessBulkWriter(db, secretKey),
    maxCodesPerCampaign: DEFAULT_MAX_CODES_PER_CAMPAIGN,
    heavyJobs: heavyJobQueue(),
  });
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "peilpunt-e2e-code-"));
  const clientDir = await builtClient();
  mkdirSync(shots, { recursive: true });
  const now = new Date();
  await copyDemoDatabase(join(workDir, "e2e.db"), { now });
  db = openDatabase(join(workDir, "e2e.db"));
  codes = await createCodesCampaign(now);
  const app = createApp({ db, config: { clientDir, secretKey } });
  server = await serveApp(app);
  origin = server.origin;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  db?.$client.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function storedResponses(): { unit_id: string; answers: Record<string, unknown> }[] {
  const rows = db.$client
    .prepare(
      `SELECT r.unit_id, r.answers FROM responses r JOIN campaigns c ON c.id = r.campaign_id
       WHERE c.slug = ?`,
    )
    .all(SLUG) as { unit_id: string; answers: string }[];
  return rows.map((row) => ({ unit_id: row.unit_id, answers: JSON.parse(row.answers) }));
}

/** The code with one character changed: the check character makes it "mistyped". */
function withTypo(code: string): string {
  const replacement = [...CROCKFORD_ALPHABET].find((char) => char !== code[1]) as string;
  return code.slice(0, 1) + replacement + code.slice(2);
}

/** Opens a page that records every POST body and everything that must not happen. */
async function openPage(viewport = { width: 360, height: 780 }) {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(30_000);
  const problems = watchPage(page, origin);
  const posts: { path: string; body: unknown }[] = [];
  page.on("request", (request) => {
    if (request.method() !== "POST") return;
    posts.push({
      path: new URL(request.url()).pathname,
      body: JSON.parse(request.postData() ?? ""),
    });
  });
  // Refused codes answer 409 and 422 on purpose; the browser logs those as failed loads.
  const unexpected = () => problems.filter((p) => !/status of (409|422)/.test(p));
  return { page, posts, unexpected };
}

async function startWithCode(page: Page) {
  await page.goto(`${origin}/s/${SLUG}?lang=nl`);
  await page.getByRole("button", { name: "Start de vragenlijst" }).click();
  await expect
    .poll(() => page.getByRole("heading", { name: "Je uitnodigingscode" }).count())
    .toBe(1);
}

async function enterCode(page: Page, code: string, button = "Verder") {
  const field = page.getByRole("textbox", { name: "Uitnodigingscode", exact: true });
  await field.fill("");
  // Typed key by key, lower case and without hyphens, as a person might.
  await field.pressSequentially(code.replaceAll("-", "").toLowerCase());
  await page.getByRole("button", { name: button, exact: true }).click();
}

async function next(page: Page, label = "Volgende") {
  await page.getByRole("button", { name: label, exact: true }).click();
}

/** Answers the first page and walks to the last; only the unit is required, and it is gone. */
async function fillSurvey(page: Page, comment: string) {
  await expect.poll(() => page.getByText("Vrouw", { exact: true }).count()).toBe(1);
  expect(await page.locator(".sd-dropdown").count()).toBe(0);
  await page.getByText("Vrouw", { exact: true }).click();
  for (let i = 0; i < 6; i++) await next(page);
  await page.getByRole("textbox").fill(comment);
}

describe("a respondent with an invitation code", () => {
  it("is told about a typo, then answers, and cannot use the code twice (refused at submission)", async () => {
    const { page, posts, unexpected } = await openPage();
    const [code] = codes as [string];
    await startWithCode(page);
    await expectNoAxeViolations(page, "code step");
    await page.screenshot({ path: join(shots, "code-1-step-phone.png"), fullPage: true });

    await enterCode(page, withTypo(code));
    const field = page.getByRole("textbox", { name: "Uitnodigingscode", exact: true });
    // Formatted while typing.
    expect(await field.inputValue()).toBe(withTypo(code));
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("tikfout");
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
    const alertId = (await page.getByRole("alert").getAttribute("id")) as string;
    expect(describedBy.split(" ")).toContain(alertId);
    await expectNoAxeViolations(page, "code step with a mistyped code");
    await page.screenshot({ path: join(shots, "code-2-mistyped-phone.png"), fullPage: true });

    await enterCode(page, code);
    await fillSurvey(page, "Met code ingevuld.");
    await page.screenshot({ path: join(shots, "code-3-last-page-phone.png"), fullPage: true });
    await next(page, "Verzenden");
    await expect.poll(() => page.getByText("Bedankt voor je deelname!").count()).toBe(1);
    await page.screenshot({ path: join(shots, "code-4-thanks-phone.png"), fullPage: true });

    const mine = storedResponses().filter((r) => r.answers.comment === "Met code ingevuld.");
    expect(mine).toHaveLength(1);
    expect(mine[0]?.answers).toMatchObject({ gender: "woman" });
    expect(mine[0]?.answers).not.toHaveProperty("unit");
    // Only the code and the answers leave the page: no language, no timing.
    const checks = posts.filter((p) => p.path.endsWith("/code-check"));
    expect(checks.map((p) => Object.keys(p.body as object))).toEqual([["code"], ["code"]]);
    const submissions = posts.filter((p) => p.path.endsWith("/responses"));
    expect(submissions).toHaveLength(1);
    const sent = submissions[0]?.body as Record<string, unknown>;
    expect(Object.keys(sent).sort()).toEqual(["answers", "code"]);
    expect(sent.code).toBe(code);
    // The code was kept in memory only.
    const kept = await page.evaluate(() =>
      JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie, location.href]),
    );
    expect(kept.toUpperCase()).not.toContain(code.slice(0, 4));
    expect(await page.context().cookies()).toEqual([]);

    // The code step does not tell a used code from an unused one (whoever holds someone's
    // code must not learn that they took part); the submission refuses it, answers kept.
    await startWithCode(page);
    await enterCode(page, code);
    await fillSurvey(page, "Tweede keer.");
    await next(page, "Verzenden");
    await expect.poll(() => page.getByText("Deze code werd al gebruikt.").count()).toBe(1);
    expect(await page.locator("textarea").inputValue()).toBe("Tweede keer.");
    await page.screenshot({ path: join(shots, "code-5-used-phone.png"), fullPage: true });
    expect(unexpected()).toEqual([]);
    await page.close();
  });

  it("keeps the answers when the code is used elsewhere before sending, and takes another", async () => {
    const { page, unexpected } = await openPage();
    const [, second, third] = codes as [string, string, string];
    await startWithCode(page);
    await page.getByRole("button", { name: "English" }).click();
    await expect
      .poll(() => page.getByRole("textbox", { name: "Invitation code", exact: true }).count())
      .toBe(1);
    await page.getByRole("button", { name: "Nederlands" }).click();
    await enterCode(page, second);
    await fillSurvey(page, "Code intussen gebruikt.");

    // The same code is used in another tab meanwhile.
    const elsewhere = await fetch(`${origin}/api/campaigns/${SLUG}/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answers: {}, code: second }),
    });
    expect(elsewhere.status).toBe(201);

    await next(page, "Verzenden");
    await expect.poll(() => page.getByText("Deze code werd al gebruikt.").count()).toBe(1);
    expect(await page.locator("textarea").inputValue()).toBe("Code intussen gebruikt.");
    await expectNoAxeViolations(page, "code refused at submission");
    await page.screenshot({
      path: join(shots, "code-6-refused-at-send-phone.png"),
      fullPage: true,
    });

    await enterCode(page, third, "Deze code gebruiken");
    await expect.poll(() => page.getByText("Code aanvaard.", { exact: false }).count()).toBe(1);
    await next(page, "Verzenden");
    await expect.poll(() => page.getByText("Bedankt voor je deelname!").count()).toBe(1);
    const mine = storedResponses().filter((r) => r.answers.comment === "Code intussen gebruikt.");
    expect(mine).toHaveLength(1);
    expect(mine[0]?.answers).toMatchObject({ gender: "woman" });
    expect(unexpected()).toEqual([]);
    await page.close();
  });

  it("after a reload keeps the answers in the tab but asks for the code again", async () => {
    const { page, unexpected } = await openPage();
    const [, , , fourth] = codes as [string, string, string, string];
    page.on("dialog", (dialog) => void dialog.accept());
    await startWithCode(page);
    await enterCode(page, fourth);
    await expect.poll(() => page.getByText("Vrouw", { exact: true }).count()).toBe(1);
    await page.getByText("Vrouw", { exact: true }).click();
    // The tab keeps the answers, never the code.
    const kept = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
    expect(kept).toContain("woman");
    expect(kept.toUpperCase().replaceAll("-", "")).not.toContain(
      fourth.replaceAll("-", "").slice(0, 8),
    );

    await page.reload();
    await expect
      .poll(() => page.getByText("Vul je code opnieuw in", { exact: false }).count())
      .toBe(1);
    await enterCode(page, fourth);
    await expect.poll(() => page.getByRole("radio", { name: "Vrouw" }).isChecked()).toBe(true);
    await page.screenshot({ path: join(shots, "code-8-after-reload-phone.png"), fullPage: true });
    expect(unexpected()).toEqual([]);
    await page.close();
  });

  it("shows the code step in French and English with the format hint", async () => {
    const { page, unexpected } = await openPage({ width: 1280, height: 900 });
    await page.goto(`${origin}/s/${SLUG}?lang=fr`);
    await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
    await expect
      .poll(() => page.getByRole("textbox", { name: "Code d'invitation", exact: true }).count())
      .toBe(1);
    expect(await page.getByText("Format : XXXX-XXXX-XXXX-X", { exact: false }).count()).toBe(1);
    const field = page.getByRole("textbox", { name: "Code d'invitation", exact: true });
    expect(await field.getAttribute("autocomplete")).toBe("off");
    expect(await field.getAttribute("autocapitalize")).toBe("characters");
    expect(await field.getAttribute("spellcheck")).toBe("false");
    expect(await field.getAttribute("inputmode")).toBe("text");
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Introduisez le code");
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Enter the code");
    await expectNoAxeViolations(page, "code step in English, empty code");
    await page.screenshot({ path: join(shots, "code-7-empty-en-desktop.png"), fullPage: true });
    expect(unexpected()).toEqual([]);
    await page.close();
  });

  it("takes the code from a personal link's fragment and removes it from the address bar", async () => {
    const { page, posts, unexpected } = await openPage();
    const code = codes[3] as string;
    await page.goto(`${origin}/s/${SLUG}?lang=nl#code=${code}`);
    await page.getByRole("button", { name: "Start de vragenlijst" }).click();
    const field = page.getByRole("textbox", { name: "Uitnodigingscode", exact: true });
    await expect.poll(() => field.count()).toBe(1);
    expect(await field.inputValue()).toBe(code);
    expect(await page.evaluate(() => location.href)).toBe(`${origin}/s/${SLUG}?lang=nl`);
    await page.getByRole("button", { name: "Verder", exact: true }).click();
    await expect.poll(() => page.getByText("Vrouw", { exact: true }).count()).toBe(1);
    expect(posts.map((p) => p.path)).toEqual([`/api/campaigns/${SLUG}/code-check`]);
    expect(unexpected()).toEqual([]);
    await page.close();
  });
});
