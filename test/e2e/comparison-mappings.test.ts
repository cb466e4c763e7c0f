import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser, PASSWORD } from "../server/admin-fixture";
import {
  type DemoSite,
  expectNoAxeViolations,
  LANGUAGE_SCREENS,
  SCREENSHOTS as shots,
  startDemoSite,
  watchPage,
} from "./browser";

let site: DemoSite;
let coordinator: string;
/** Two units of the demo's tree: the second is mapped as taking (part of) the first. */
let from: { id: string; name: string };
let to: { id: string; name: string };

beforeAll(async () => {
  site = await startDemoSite("comparison-mappings", {
    releases: ["diagnose-2020", "diagnose-2021"],
  });
  const organisationId = (
    site.db.$client.prepare("SELECT id FROM organisations").get() as { id: string }
  ).id;
  coordinator = insertUser(site.db, "coordinator", { organisationId });
  // Two faculties: ECON is mapped as taking (part of) LAW.
  const byCode = (code: string) =>
    site.db.$client.prepare("SELECT id, name_en AS name FROM units WHERE code = ?").get(code) as {
      id: string;
      name: string;
    };
  const units = [byCode("LAW"), byCode("ECON")];
  [from, to] = units as [typeof from, typeof to];
}, 600_000);

afterAll(async () => {
  await site?.close();
});

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000 });

async function openSignedIn(viewport: { width: number; height: number }, lang: "nl" | "fr" | "en") {
  const context = await site.browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = watchPage(page, site.origin);
  await page.goto(`${site.origin}/admin?lang=${lang}`);
  await page.locator('input[type="email"]').fill(coordinator);
  await page.locator('input[type="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  const signOut = { nl: "Afmelden", fr: "Se déconnecter", en: "Sign out" }[lang];
  await poll(() => page.getByRole("button", { name: signOut }).count()).toBe(1);
  const unexpected = () => problems.filter((problem) => !/status of 401/.test(problem));
  return { context, page, unexpected };
}

/** Nothing in the main part sticks out of the screen; on a phone, no table scrolls either. */
async function expectNothingClipped(page: Page, state: string, phone: boolean) {
  const outside = await page.evaluate((phone) => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const element of document.querySelectorAll("main *")) {
      if (!phone && element.closest(".table-wrap")) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && (box.right > width + 1 || box.left < -1)) {
        found.push(`${element.tagName}.${element.getAttribute("class")} ${box.left}–${box.right}`);
      }
    }
    const scrolling = [...document.querySelectorAll(".compare-item .table-wrap")].filter(
      (wrap) => wrap.scrollWidth > wrap.clientWidth + 1,
    ).length;
    return {
      found: found.slice(0, 5),
      scrolling,
      scrollWidth: document.documentElement.scrollWidth,
      width,
    };
  }, phone);
  expect(outside.found, `clipped on ${state}`).toEqual([]);
  expect(outside.scrollWidth, `page wider than the screen on ${state}`).toBe(outside.width);
  if (phone) expect(outside.scrolling, `a comparison table scrolls on ${state}`).toBe(0);
}

const comparisonUrl = () =>
  `${site.origin}/admin/campaigns/diagnose-2021/comparison?with=diagnose-2020&table=units&unit=${to.id}&question=climate`;

const NOT_SAME = {
  nl: "niet dezelfde populatie",
  fr: "pas la même population",
  en: "not the same population",
};

describe("a coordinator maps units between two diagnoses", () => {
  it("maps a unit on the comparison screen; the comparison labels it in nl/fr/en on a phone, on desktops, and prints p-values", async () => {
    {
      const { context, page, unexpected } = await openSignedIn({ width: 1366, height: 768 }, "en");
      await page.goto(comparisonUrl());
      const card = page.locator("details.unit-mappings");
      await card.locator("summary").click();
      await poll(() => card.getByText("No pairs: units are compared by their code.").count()).toBe(
        1,
      );
      await card.getByRole("button", { name: "Add a pair" }).click();
      await card.getByLabel("Unit then").selectOption(from.id);
      await card.getByLabel("Unit now").selectOption(to.id);
      await expectNoAxeViolations(page, "unit mappings card");
      await page.screenshot({
        path: join(shots, "comparison-mappings-card-1366.png"),
        fullPage: false,
      });
      await card.getByRole("button", { name: "Save the pairs" }).click();
      await poll(() => card.getByText("Pairs saved.").count()).toBe(1);
      await poll(() => card.getByText(/Not the same population: part of/).count()).toBeGreaterThan(
        0,
      );
      expect(unexpected()).toEqual([]);
      await context.close();
    }
    for (const { lang, width, height } of LANGUAGE_SCREENS) {
      const viewport = { width, height };
      const state = `${lang} ${viewport.width}px`;
      const { context, page, unexpected } = await openSignedIn(viewport, lang);
      await page.goto(comparisonUrl());
      await poll(() => page.locator(".compare-item").count()).toBeGreaterThan(0);
      const item = page.locator(".compare-item").first();
      await poll(() => item.getByText(`(${NOT_SAME[lang]})`).count()).toBeGreaterThan(0);
      await poll(() => item.locator(".population-caption").count()).toBe(1);
      await poll(() => page.locator(".notice-box").count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, `comparison ${state}`);
      await expectNothingClipped(page, `comparison ${state}`, viewport.width < 600);
      if (viewport.width < 600) {
        // The verdict is on screen beside the figures, not behind a sideways scroll.
        const verdict = await item.locator("td.verdict-cell").first().boundingBox();
        expect(verdict && verdict.x + verdict.width).toBeLessThanOrEqual(viewport.width);
      }
      await page.screenshot({
        path: join(shots, `comparison-mappings-${lang}-${viewport.width}.png`),
      });
      await item.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: join(shots, `comparison-mappings-item-${lang}-${viewport.width}.png`),
      });
      // The mapping card, opened: its pairs and what each unit is compared with.
      const card = page.locator("details.unit-mappings");
      await card.locator("summary").click();
      await poll(() => card.locator(".mapping-pair select").count()).toBe(2);
      await expectNoAxeViolations(page, `unit mappings ${state}`);
      await expectNothingClipped(page, `unit mappings ${state}`, viewport.width < 600);
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: join(shots, `comparison-mappings-card-${lang}-${viewport.width}.png`),
      });
      await card.locator("summary").click();
      if (lang === "en" && viewport.width === 1366) {
        await page.emulateMedia({ media: "print" });
        // p-values and intervals are printed, not hidden behind a closed <details>.
        const printed = item.locator(".step-printed").first();
        expect(await printed.isVisible()).toBe(true);
        expect(await printed.textContent()).toMatch(/^p [=<] .*95% interval/);
        expect(await item.locator(".step-details").first().isVisible()).toBe(false);
        const pdf = await page.pdf({ format: "A4", printBackground: true });
        expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        await page.screenshot({
          path: join(shots, "comparison-mappings-print.png"),
          fullPage: true,
        });
        await page.emulateMedia({ media: "screen" });
      }
      expect(unexpected()).toEqual([]);
      await context.close();
    }
  }, 600_000);
});
