import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "../../client/i18n/locales";
import { ASSET_CACHE_CONTROL } from "../../server/http/client-pages";
import {
  type DemoSite,
  expectNoAxeViolations,
  SCREENSHOTS as shots,
  startDemoSite,
  watchPage,
} from "./browser";

// Every width a respondent's screen might have, from a small phone to a wide desktop.
const WIDTHS = [320, 390, 768, 1366, 1920] as const;
const SCREENSHOT_WIDTHS = new Set<number>([390, 1366, 1920]);
const NEXT: Record<Locale, string> = { nl: "Volgende", fr: "Suivant", en: "Next" };

interface Grid {
  name: string;
  rows: number;
  columns: number;
}

/** The grid questions of the demo diagnosis, read from the questionnaire itself. */
function gridsOfDiagnosis(): Grid[] {
  const definition = JSON.parse(
    readFileSync(new URL("../../surveys/diversity-diagnosis/v1.json", import.meta.url), "utf8"),
  ) as { pages: { name: string; elements: Record<string, unknown>[] }[] };
  return definition.pages.flatMap((page) =>
    page.elements
      .filter((element) => element.type === "matrix")
      .map((element) => ({
        name: String(element.name),
        rows: (element.rows as unknown[]).length,
        columns: (element.columns as unknown[]).length,
      })),
  );
}

let site: DemoSite;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  site = await startDemoSite("e2e-layout");
  ({ browser, origin } = site);
});

afterAll(async () => {
  await site?.close();
});

/**
 * What of a question cannot be seen without scrolling sideways: every choice (radio or rating
 * button) and every column heading must lie inside the viewport and inside every scrolling
 * or clipping box around it, and the page itself must not be wider than the screen.
 */
async function hiddenParts(page: Page, question: string) {
  return page.evaluate((name) => {
    const root = document.querySelector(`.sd-question[data-name="${name}"]`);
    if (!root) return { found: 0, hidden: [`no question ${name}`] };
    // Column headings count where the grid is a table; stacked on a phone, each choice
    // carries its own label (checked below: the choice's whole label box is in view).
    const headings = [...root.querySelectorAll(".sd-table__cell--header:not(:empty)")].filter(
      (heading) => heading.getClientRects().length > 0,
    );
    const targets = [
      ...root.querySelectorAll("input[type=radio]"),
      ...headings,
      ...root.querySelectorAll(".sd-rating__item"),
    ].map((element) => ({
      box: element instanceof HTMLInputElement ? (element.closest("label") ?? element) : element,
      label: (element.getAttribute("aria-label") || element.textContent || "").trim(),
    }));
    const hidden: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth) {
      hidden.push(`page ${document.documentElement.scrollWidth} px wide`);
    }
    for (const { box: target, label } of targets) {
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) {
        hidden.push(`${label}: not drawn at ${innerWidth} px`);
        continue;
      }
      if (box.left < 0 || box.right > innerWidth + 0.5) {
        hidden.push(`${label}: ${box.left}–${box.right} outside 0–${innerWidth}`);
        continue;
      }
      for (let box2 = target.parentElement; box2 && box2 !== root.parentElement; ) {
        const style = getComputedStyle(box2);
        if (style.overflowX !== "visible") {
          const clip = box2.getBoundingClientRect();
          if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) {
            hidden.push(`${label}: clipped by ${box2.className} at ${innerWidth} px`);
            break;
          }
        }
        box2 = box2.parentElement;
      }
    }
    return { found: targets.length, hidden };
  }, question);
}

/**
 * Resizes the viewport and waits until SurveyJS has applied its layout for the new width: it
 * switches between table and stacked (mobile) rendering from a resize observer, below 600 px
 * of survey width. Checking before that would check the previous layout.
 */
async function resizeAndSettle(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await expect
    .poll(() =>
      page.evaluate(() => {
        const root = document.querySelector(".sd-root-modern") as HTMLElement | null;
        if (!root) return false;
        const mobile = root.classList.contains("sd-root-modern--mobile");
        return mobile === root.offsetWidth < 600;
      }),
    )
    .toBe(true);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

async function choiceCount(page: Page, question: string): Promise<number> {
  return page.locator(`.sd-question[data-name="${question}"] input[type=radio]`).count();
}

/** The unit list's labels as shown, in order. */
async function unitOptions(page: Page): Promise<string[]> {
  await page.locator(".sd-dropdown").first().click();
  const options = page.getByRole("option");
  await expect.poll(() => options.count()).toBeGreaterThan(10);
  return options.allTextContents();
}

describe("grids and scales at every width, in every language", () => {
  for (const locale of ["nl", "fr", "en"] as const) {
    it(`shows every choice of every grid in view at 320–1920 px (${locale})`, async () => {
      const grids = gridsOfDiagnosis();
      expect(grids.length).toBeGreaterThanOrEqual(4);
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      page.setDefaultTimeout(30_000);
      const problems = watchPage(page, origin);
      const assets: { url: string; encoding?: string; cache?: string; size: number }[] = [];
      page.on("response", (response) => {
        if (!response.url().includes("/assets/")) return;
        const headers = response.headers();
        assets.push({
          url: response.url(),
          encoding: headers["content-encoding"],
          cache: headers["cache-control"],
          size: Number(headers["content-length"] ?? 0),
        });
      });
      const entry = await page.goto(`${origin}/s/diagnose-2026?lang=${locale}`);
      // The page asks for its form at once (server/http/client-pages.ts checks the address).
      expect(entry?.headers().link).toMatch(
        /^<\/api\/campaigns\/diagnose-2026\/form>; rel=preload/,
      );
      await page.locator(".notice button.primary").click();

      // Units in the page's language and its alphabetical order.
      const units = await unitOptions(page);
      const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
      expect(units).toEqual([...units].sort(collator.compare));
      await page.getByRole("option").first().click();

      let checkedGrids = 0;
      const progress = page.locator(".survey-progress p");
      for (let step = 0; step < 8; step++) {
        const shown = await page
          .locator(".sd-question[data-name]")
          .evaluateAll((questions) => questions.map((q) => q.getAttribute("data-name")));
        for (const grid of grids.filter((grid) => shown.includes(grid.name))) {
          expect(await choiceCount(page, grid.name)).toBe(grid.rows * grid.columns);
          for (const width of WIDTHS) {
            await resizeAndSettle(page, width);
            const { found, hidden } = await hiddenParts(page, grid.name);
            expect(hidden, `${grid.name} at ${width} px (${locale})`).toEqual([]);
            expect(found).toBeGreaterThanOrEqual(grid.rows * grid.columns);
            if (grid.name === "climate") {
              await expectNoAxeViolations(page, `${grid.name} at ${width} px (${locale})`);
              if (SCREENSHOT_WIDTHS.has(width)) {
                await page.screenshot({
                  path: join(shots, `layout-${grid.name}-${locale}-${width}.png`),
                  fullPage: true,
                });
              }
            }
          }
          checkedGrids++;
        }
        const rating = page.locator('.sd-question[data-name="career_satisfaction"]');
        if ((await rating.count()) > 0) {
          for (const width of WIDTHS) {
            await resizeAndSettle(page, width);
            // A row of five buttons, never a dropdown, and all of it in view.
            expect(await rating.locator(".sd-rating__item").count()).toBe(5);
            expect(await rating.locator(".sd-dropdown").count()).toBe(0);
            const { hidden } = await hiddenParts(page, "career_satisfaction");
            expect(hidden, `rating at ${width} px (${locale})`).toEqual([]);
            const tops = await rating
              .locator(".sd-rating__item")
              .evaluateAll((items) => items.map((item) => item.getBoundingClientRect().top));
            expect(new Set(tops).size, `rating on one row at ${width} px`).toBe(1);
          }
          if (locale === "fr") {
            await page.setViewportSize({ width: 320, height: 900 });
            await rating.screenshot({ path: join(shots, "layout-rating-fr-320.png") });
          }
        }
        const next = page.getByRole("button", { name: NEXT[locale], exact: true });
        if ((await next.count()) === 0) break;
        const before = await progress.textContent();
        await next.click();
        await expect.poll(() => progress.textContent()).not.toBe(before);
      }
      expect(checkedGrids).toBe(grids.length);

      // The page's code and styles arrived compressed (all but files under 1 kB, where it would
      // not pay) and cacheable for good.
      const scripts = assets.filter((asset) => /\.(js|css)$/.test(new URL(asset.url).pathname));
      expect(scripts.filter((asset) => asset.encoding === "br").length).toBeGreaterThan(3);
      for (const asset of scripts) {
        expect(asset.cache, asset.url).toBe(ASSET_CACHE_CONTROL);
        if (asset.encoding !== "br") expect(asset.size, asset.url).toBeLessThan(1024);
      }
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
