import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { insertUser, signIn } from "../server/admin-fixture";
import { lookAtEveryWidth, signedInAs } from "./admin-session";
import { type DemoSite, startDemoSite } from "./browser";

let site: DemoSite;
let admin: string;
const SLUG = "proef-h";

const HEADER =
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown";
/**
 * A small organisation whose groups are 0 or at least 5 people, and change by 0 or at least 5
 * between the dates, except the 2 people of Diversity whose origin is unknown: hidden.
 */
const YEAR_1 = [
  HEADER,
  "HR;top;6;2;4;0;6;0;0;6;0",
  "HR;middle;20;10;10;5;15;0;0;20;0",
  "HR;support;30;20;10;5;25;0;5;25;0",
  "FIN;top;10;5;5;0;10;0;0;10;0",
  "FIN;middle;25;10;15;5;20;0;0;25;0",
  "FIN;support;25;15;10;5;20;0;0;25;0",
  "DIV;support;40;30;10;8;30;2;5;35;0",
].join("\r\n");
const YEAR_2 = [
  HEADER,
  "HR;top;6;2;4;0;6;0;0;6;0",
  "HR;middle;25;15;10;5;20;0;0;25;0",
  "HR;support;30;20;10;5;25;0;5;25;0",
  "FIN;top;10;5;5;0;10;0;0;10;0",
  "FIN;middle;30;10;20;5;25;0;0;30;0",
  "FIN;support;25;15;10;5;20;0;0;25;0",
  "DIV;support;45;35;10;8;35;2;5;40;0",
].join("\r\n");
const FAULTY = [
  HEADER,
  "HR;top;6;2;4;0;6;0;0;6;0",
  "HR;boss;6;2;4;0;6;0;0;6;0",
  "FIN;top;8;3;4;0;8;0;0;8;0",
  "DIV;support;4.5;3;1;0;4;0;0;4;0",
].join("\r\n");

beforeAll(async () => {
  site = await startDemoSite("headcounts");
  admin = insertUser(site.db, "admin");
  const api = await signIn(createApp({ db: site.db }), admin);
  const created = await api.request("POST", "/api/admin/organisations", {
    body: { slug: SLUG, name: { nl: "Agentschap Proef", fr: "Agence Essai", en: "Trial Agency" } },
  });
  expect(created.status).toBe(201);
  const tree = [
    "code;parent_code;kind;name_nl;name_fr;name_en",
    "CEN;;entity;Centrale diensten;Services centraux;Central services",
    "HR;CEN;service;Personeelsdienst;Service du personnel;HR department",
    "FIN;CEN;service;Financiën;Finances;Finance",
    "DIV;;service;Diversiteit;Diversité;Diversity",
  ].join("\n");
  const imported = await api.request("POST", `/api/admin/organisations/${SLUG}/units/import`, {
    headers: { "Content-Type": "text/csv" },
    rawBody: tree,
  });
  expect(imported.status).toBe(200);
}, 240_000);

afterAll(async () => {
  await site?.close();
});

// Signed out before (401), a refused import (422) and no headcounts yet (404) are answers the
// screen shows, not faults of the page.
function signedIn(width: number, lang = "en") {
  return signedInAs(site, admin, lang, { width, expected: [404, 422] });
}

async function upload(page: Page, date: string, content: string, name = "headcounts.csv") {
  await page.locator("input[type=date]").fill(date);
  await page.getByLabel("Headcount file").setInputFiles({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(content),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
}

describe("headcount screens", () => {
  it("an admin imports two dates, sees the released tables with hidden cells said in words, and the indicators against their targets", async () => {
    const { page, problems } = await signedIn(1366);
    await page.getByRole("navigation").getByRole("link", { name: "Headcounts" }).click();
    await page.getByRole("link", { name: "Trial Agency" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Headcounts of Trial Agency");
    await expect.poll(() => page.getByText("No headcounts have been imported").count()).toBe(1);

    // A faulty file: every faulty row and field in words, nothing imported.
    await upload(page, "2024-12-31", FAULTY);
    const faults = page.getByRole("alert").filter({ hasText: "faults in the file" });
    await expect.poll(() => faults.count()).toBe(1);
    expect(await faults.locator("tbody tr").allTextContents()).toEqual([
      expect.stringMatching(/^3job_level.*Unknown job level “boss”/),
      expect.stringMatching(/^4gender.*add up to 7, not to the total 8/),
      expect.stringMatching(/^5total.*“4.5” is not a count/),
    ]);
    await lookAtEveryWidth(page, "headcounts-faults", "import faults");

    await upload(page, "2023-12-31", YEAR_1);
    await expect
      .poll(() => page.getByText("Imported for 2023-12-31: 7 rows, 156 staff.").count())
      .toBe(1);
    await upload(page, "2024-12-31", YEAR_2);
    await expect
      .poll(() => page.getByText("Imported for 2024-12-31: 7 rows, 171 staff.").count())
      .toBe(1);

    // The tables: top management of HR (6: 2 women) by gender is never shown as a number.
    const tables = page.locator("section", { has: page.getByRole("heading", { name: "Tables" }) });
    await tables.getByLabel("Breakdown").selectOption("gender");
    await expect
      .poll(() => tables.locator("caption").first().textContent())
      .toBe("Staff by unit and gender, 2024-12-31");
    // Job level × gender for the organisation: top management by gender is published.
    const cross = tables.locator("section.headcount-cross");
    await cross.getByLabel("Unit").selectOption({ label: "Trial Agency" });
    await expect
      .poll(() =>
        cross.locator("tbody tr", { hasText: "Top management" }).locator("td").allTextContents(),
      )
      .toEqual(["16", "7", "9", "0"]);
    // Diversity's 2 people of unknown origin: never a number, the reason in words.
    await tables.getByLabel("Breakdown").selectOption("foreign_origin");
    const diversity = tables
      .locator("table.headcount-table")
      .first()
      .locator("tbody tr", {
        has: page.getByRole("rowheader", { name: "Diversity", exact: true }),
      });
    await expect.poll(() => diversity.locator("td").last().textContent()).toBe("◌ fewer than 5");
    expect(await tables.getByText("hidden to protect others").count()).toBeGreaterThan(0);

    // Indicators: a chart with its target line, the table beside it, the distance in people.
    const indicators = page.locator("section", {
      has: page.getByRole("heading", { name: "Indicators and targets" }),
    });
    const women = indicators.locator("section.headcount-indicator", {
      has: page.getByRole("heading", { name: "Women in middle management" }),
    });
    await expect.poll(() => women.locator(".recharts-reference-line").count()).toBe(1);
    expect(await women.locator("tbody tr").count()).toBe(2);
    await expect
      .poll(() => women.locator("p").first().textContent())
      .toMatch(/^Target 40% · On 2024-12-31: 45%/);
    await lookAtEveryWidth(page, "headcounts-released", "released tables and indicators");

    // The organisation's own targets: the Brussels set, then 7% instead of 2% (10 of 171
    // is 5.8%: 7% of 171 is 11.97, so 2 more people).
    const editor = page.locator("section", {
      has: page.getByRole("heading", { name: "The organisation's targets" }),
    });
    await editor.getByLabel("Default set").selectOption("brussels");
    await editor.getByRole("button", { name: "Use this set" }).click();
    await expect.poll(() => editor.getByText("The targets are saved.").count()).toBe(1);
    await expect
      .poll(() => indicators.locator("section.headcount-indicator h3").allTextContents())
      .toEqual(["Staff with a disability or chronic illness"]);
    await editor.getByLabel("Target for Staff with a disability or chronic illness (%)").fill("7");
    await editor.getByRole("button", { name: "Save targets" }).click();
    await expect
      .poll(() => indicators.locator("section.headcount-indicator p").first().textContent())
      .toMatch(
        /^Target 7% · On 2024-12-31: 6% — 1.2 percentage points below target: 2 more people$/,
      );
    await lookAtEveryWidth(page, "headcounts-targets", "targets edited");

    // The workbook downloads with the session cookie, in the reader's language.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Excel workbook (tables and indicators)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`headcounts-${SLUG}-en.xlsx`);
    const workbook = readFileSync((await download.path()) as string);
    expect(workbook.subarray(0, 2).toString()).toBe("PK");

    // Re-import a date: asked first, then replaced.
    await page.getByRole("button", { name: "Replace the figures of 2024-12-31" }).click();
    expect(await page.locator("input[type=date]").inputValue()).toBe("2024-12-31");
    await page.getByLabel("Headcount file").setInputFiles({
      name: "headcounts.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(YEAR_2),
    });
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect
      .poll(() => page.getByText("There are figures for 2024-12-31 already").count())
      .toBe(1);
    await lookAtEveryWidth(page, "headcounts-confirm", "replace confirmation");
    await page.getByRole("button", { name: "Replace", exact: true }).click();
    await expect
      .poll(() => page.getByText("The figures of 2024-12-31 were replaced").count())
      .toBe(1);
    expect(problems()).toEqual([]);
  });

  it("says faults and a refused person-level file in Dutch, on a phone", async () => {
    const { page, problems } = await signedIn(390, "nl");
    await page.goto(`${site.origin}/admin/organisations/${SLUG}/headcounts`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Personeelscijfers van Agentschap Proef");
    await page.locator("input[type=date]").fill("2025-12-31");
    await page.getByLabel("Bestand met tellingen").setInputFiles({
      name: "personeel.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("personeelsnummer;naam;unit_code;gender\n1001;Jansen;HR;woman\n"),
    });
    await page.getByRole("button", { name: "Importeren", exact: true }).click();
    const faults = page.getByRole("alert").filter({ hasText: "fout in het bestand" });
    await expect.poll(() => faults.count()).toBe(1);
    expect(await faults.locator("tbody td").last().textContent()).toMatch(
      /^Dit lijkt een lijst van personen \(kolom personeelsnummer, naam\)/,
    );
    await page.getByLabel("Bestand met tellingen").setInputFiles({
      name: "tellingen.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(FAULTY),
    });
    await page.getByRole("button", { name: "Importeren", exact: true }).click();
    await expect
      .poll(() => page.getByText("tellen op tot 7, niet tot het totaal 8").count())
      .toBe(1);
    await lookAtEveryWidth(page, "headcounts-nl-faults", "Dutch faults");

    // While a newer release is built, the previous one stays, said so, and the page asks again.
    const path = `**/api/admin/organisations/${SLUG}/headcounts`;
    await page.route(path, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), building: true } });
    });
    await page.reload();
    const building = page.getByText("De cijfers worden bijgewerkt na de laatste import");
    await expect.poll(() => building.count()).toBe(1);
    await page.unroute(path);
    await expect.poll(() => building.count(), { timeout: 10_000 }).toBe(0);

    // A build that failed is said so, with what to do, instead of "being updated" for ever.
    await page.route(path, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        json: {
          ...(await response.json()),
          building: false,
          buildFailed: { failedAt: "2026-11-30T10:00:00.000Z" },
        },
      });
    });
    await page.reload();
    const failed = page.getByText("konden op", { exact: false });
    await expect.poll(() => failed.count()).toBe(1);
    expect(await failed.textContent()).toMatch(
      /^De cijfers van de laatste import konden op .+ niet vrijgegeven worden\. U ziet nog de vorige vrijgave\. Importeer het bestand opnieuw/,
    );
    expect(await building.count()).toBe(0);
    await lookAtEveryWidth(page, "headcounts-nl-build-failed", "build failed");
    await page.unroute(path);
    expect(problems()).toEqual([]);
  });
});
