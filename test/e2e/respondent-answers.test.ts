import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbConnection } from "../../server/db/open-database";
import {
  type DemoSite,
  expectNoAxeViolations,
  SCREENSHOTS as shots,
  startDemoSite,
  watchPage,
} from "./browser";

const SLUG = "diagnose-2026";

let site: DemoSite;
let db: DbConnection;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  site = await startDemoSite("e2e-answers");
  ({ db, browser, origin } = site);
});

afterAll(async () => {
  await site?.close();
});

function storedWithComment(comment: string): Record<string, unknown>[] {
  const rows = db.$client
    .prepare(
      "SELECT r.answers FROM responses r JOIN campaigns c ON c.id = r.campaign_id WHERE c.slug = ?",
    )
    .all(SLUG) as { answers: string }[];
  return rows
    .map((row) => JSON.parse(row.answers) as Record<string, unknown>)
    .filter((answers) => answers.comment === comment);
}

/** A page in its own browser context that accepts "leave this page?" and counts it. */
async function openPage(context: BrowserContext) {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems = watchPage(page, origin);
  const leaveWarnings: string[] = [];
  page.on("dialog", (dialog) => {
    leaveWarnings.push(dialog.type());
    void dialog.accept();
  });
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.postData() ?? "");
  });
  return { page, problems, leaveWarnings, posts };
}

/** Everything any browser storage of this origin holds, seen from the page. */
async function browserStorage(page: Page) {
  const inPage = await page.evaluate(async () => ({
    session: { ...sessionStorage },
    local: { ...localStorage },
    cookie: document.cookie,
    indexedDb: (await indexedDB.databases()).map((database) => database.name),
    caches: await caches.keys(),
  }));
  return { ...inPage, cookies: await page.context().cookies() };
}

const NOTHING_STORED = {
  session: {},
  local: {},
  cookie: "",
  indexedDb: [],
  caches: [],
  cookies: [],
};

async function clickButton(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).click();
}

async function onPage(page: Page, text: string) {
  await expect.poll(() => page.locator(".survey-progress p").textContent()).toBe(text);
}

/** Answers a grid statement (row index) with a value, in table or stacked layout alike. */
async function answerGrid(page: Page, question: string, row: number, value: number) {
  await page
    .locator(`.sd-question[data-name="${question}"] input[type=radio][value="${value}"]`)
    .nth(row)
    .check({ force: true });
}

async function gridAnswer(page: Page, question: string, row: number): Promise<string | null> {
  return page
    .locator(
      `.sd-question[data-name="${question}"] tr, .sd-question[data-name="${question}"] .sd-table__row`,
    )
    .filter({ has: page.locator("input[type=radio]") })
    .nth(row)
    .locator("input[type=radio]:checked")
    .getAttribute("value", { timeout: 2_000 })
    .catch(() => null);
}

async function chooseUnit(page: Page, name: string) {
  await page.locator(".sd-dropdown").first().click();
  await page.getByRole("option", { name, exact: true }).click();
}

describe("answers kept in the tab until they are sent", () => {
  it("survive a reload, Back and Forward and a language switch; a new tab starts empty; nothing is left after sending", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems, leaveWarnings, posts } = await openPage(context);
    await page.goto(`${origin}/privacy?lang=nl`);
    await page.goto(`${origin}/s/${SLUG}?lang=nl`);
    await expect
      .poll(() => page.getByText("Invullen duurt ongeveer", { exact: false }).count())
      .toBe(1);
    expect(await page.getByText("in dit browsertabblad alleen", { exact: false }).count()).toBe(1);
    await clickButton(page, "Start de vragenlijst");
    await onPage(page, "Pagina 1 van 8");
    await chooseUnit(page, "Faculteit Rechten");
    await clickButton(page, "Volgende");
    await page.getByText("Vrouw", { exact: true }).click();
    await page.getByText("40 tot 49", { exact: true }).click();
    await page.getByText("Middenkader", { exact: true }).click();
    await clickButton(page, "Volgende");
    await onPage(page, "Pagina 3 van 8");
    await answerGrid(page, "climate", 0, 4);
    await answerGrid(page, "climate", 1, 5);
    await clickButton(page, "Volgende");
    await answerGrid(page, "career", 0, 2);
    await onPage(page, "Pagina 4 van 8");

    // Kept in this tab's sessionStorage only, and nothing went to the server.
    const during = await browserStorage(page);
    expect(Object.keys(during.session)).toEqual([`peilpunt-answers:${SLUG}`]);
    expect(JSON.parse(during.session[`peilpunt-answers:${SLUG}`] as string)).toMatchObject({
      page: 3,
      answers: { gender: "woman", climate: { respected: 4, belong: 5 } },
    });
    expect({ ...during, session: {} }).toEqual(NOTHING_STORED);
    expect(posts).toEqual([]);

    await page.reload();
    await onPage(page, "Pagina 4 van 8");
    expect(
      await page.getByText("Je antwoorden van eerder in dit tabblad zijn teruggezet.").count(),
    ).toBe(1);
    expect(await gridAnswer(page, "career", 0)).toBe("2");
    await expectNoAxeViolations(page, "answers restored after a reload");
    await page.screenshot({ path: join(shots, "answers-1-restored-desktop.png"), fullPage: true });
    await clickButton(page, "Vorige");
    expect(await gridAnswer(page, "climate", 0)).toBe("4");
    expect(await gridAnswer(page, "climate", 1)).toBe("5");
    await clickButton(page, "Vorige");
    await onPage(page, "Pagina 2 van 8");
    expect(await page.getByRole("radio", { name: "Vrouw" }).isChecked()).toBe(true);

    // Back to the page before, and Forward again.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/privacy");
    await page.goForward();
    await onPage(page, "Pagina 2 van 8");
    expect(await page.getByRole("radio", { name: "40 tot 49" }).isChecked()).toBe(true);
    // The browser asked before each of those leaves with unsent answers.
    expect(leaveWarnings.filter((type) => type === "beforeunload").length).toBeGreaterThanOrEqual(
      2,
    );

    // Another tab of the same browser starts empty: the answers are this tab's alone.
    const other = await context.newPage();
    await other.goto(`${origin}/s/${SLUG}?lang=nl`);
    await expect.poll(() => other.getByText("Anoniem en vertrouwelijk").count()).toBe(1);
    expect((await browserStorage(other)).session).toEqual({});
    await other.close();

    // The language chosen comes back after a reload too (from the tab, never the server).
    await clickButton(page, "Français");
    await onPage(page, "Page 2 sur 8");
    await page.reload();
    await onPage(page, "Page 2 sur 8");
    await clickButton(page, "Nederlands");

    for (let pageNo = 2; pageNo < 8; pageNo++) await clickButton(page, "Volgende");
    await onPage(page, "Pagina 8 van 8");
    await page.getByRole("textbox").fill("Bewaard in het tabblad.");
    await clickButton(page, "Verzenden");
    await expect.poll(() => page.getByText("Bedankt voor je deelname!").count()).toBe(1);
    expect(
      await page
        .getByText("De resultaten worden gedeeld na het afsluiten", { exact: false })
        .count(),
    ).toBe(1);
    await expectNoAxeViolations(page, "thank-you with when results are shared");
    await page.screenshot({ path: join(shots, "answers-2-thanks-desktop.png"), fullPage: true });

    const stored = storedWithComment("Bewaard in het tabblad.");
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      gender: "woman",
      age_band: "40_49",
      job_level: "middle_management",
      climate: { respected: 4, belong: 5 },
      career: { equal_chances: 2 },
    });
    // Only the answers were sent, never the language.
    expect(posts.map((body) => Object.keys(JSON.parse(body)))).toEqual([["answers"]]);
    expect(await browserStorage(page)).toEqual(NOTHING_STORED);
    // Nothing left to warn about: leaving now is silent.
    const warningsBefore = leaveWarnings.length;
    await page.goto(`${origin}/privacy?lang=nl`);
    expect(leaveWarnings.length).toBe(warningsBefore);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("are wiped by 'clear my answers', after a second confirming click", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems } = await openPage(context);
    await page.goto(`${origin}/s/${SLUG}?lang=nl`);
    await clickButton(page, "Start de vragenlijst");
    await chooseUnit(page, "Faculteit Rechten");
    await clickButton(page, "Volgende");
    await page.getByText("Man", { exact: true }).click();
    expect(Object.keys((await browserStorage(page)).session)).toHaveLength(1);

    await clickButton(page, "Mijn antwoorden wissen");
    await expect
      .poll(() =>
        page.getByText("Alle antwoorden in dit tabblad wissen?", { exact: false }).count(),
      )
      .toBe(1);
    await expectNoAxeViolations(page, "clear answers, confirming");
    await page.screenshot({
      path: join(shots, "answers-3-clear-confirm-phone.png"),
      fullPage: true,
    });
    // "Not yet" keeps everything.
    await clickButton(page, "Niet wissen");
    expect(await page.getByRole("radio", { name: "Man", exact: true }).isChecked()).toBe(true);

    await clickButton(page, "Mijn antwoorden wissen");
    await clickButton(page, "Ja, alles wissen");
    await expect
      .poll(() => page.getByText("Je antwoorden zijn gewist.", { exact: false }).count())
      .toBe(1);
    await onPage(page, "Pagina 1 van 8");
    expect(await browserStorage(page)).toEqual(NOTHING_STORED);
    await expectNoAxeViolations(page, "answers cleared");
    await page.reload();
    await expect.poll(() => page.getByText("Anoniem en vertrouwelijk").count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("sending on a failing network", () => {
  it("says it is sending, shows and focuses the failure under the send button, keeps the answers and sends again", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems } = await openPage(context);
    await page.goto(`${origin}/s/${SLUG}?lang=nl`);
    await clickButton(page, "Start de vragenlijst");
    await chooseUnit(page, "Faculteit Rechten");
    await clickButton(page, "Volgende");
    await page.getByText("Vrouw", { exact: true }).click();
    for (let pageNo = 2; pageNo < 8; pageNo++) await clickButton(page, "Volgende");
    await page.getByRole("textbox").fill("Verstuurd na een storing.");

    // The connection drops while sending: the request hangs a moment, then fails.
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/responses", async (route) => {
      await released;
      await route.abort("internetdisconnected");
    });
    await clickButton(page, "Verzenden");
    await expect
      .poll(() => page.getByText("Je antwoorden worden verstuurd…").isVisible())
      .toBe(true);
    await page.screenshot({ path: join(shots, "answers-4-sending-phone.png") });
    release();

    const failure = page
      .getByRole("alert")
      .filter({ hasText: "Je antwoorden zijn niet verstuurd" });
    await expect.poll(() => failure.count()).toBe(1);
    // In view and focused: where the person is looking after pressing send.
    const box = await failure.boundingBox();
    const viewport = page.viewportSize() as { width: number; height: number };
    expect(box).not.toBeNull();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
    expect(await failure.evaluate((element) => element.contains(document.activeElement))).toBe(
      true,
    );
    expect(await page.getByText("Je antwoorden worden verstuurd…").count()).toBe(0);
    expect(await page.getByRole("textbox").inputValue()).toBe("Verstuurd na een storing.");
    expect(Object.keys((await browserStorage(page)).session)).toHaveLength(1);
    await expectNoAxeViolations(page, "sending failed");
    await page.screenshot({ path: join(shots, "answers-5-send-failed-phone.png") });
    expect(storedWithComment("Verstuurd na een storing.")).toHaveLength(0);

    await page.unroute("**/responses");
    await clickButton(page, "Opnieuw versturen");
    await expect.poll(() => page.getByText("Bedankt voor je deelname!").count()).toBe(1);
    const stored = storedWithComment("Verstuurd na een storing.");
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ gender: "woman" });
    expect(await browserStorage(page)).toEqual(NOTHING_STORED);
    // The aborted request is the only thing the browser complained about.
    expect(problems.filter((problem) => !/ERR_INTERNET_DISCONNECTED/.test(problem))).toEqual([]);
    await context.close();
  });
});
