import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clippedElements,
  type DemoSite,
  expectNoAxeViolations,
  SCREENSHOTS as shots,
  startDemoSite,
  watchPage,
} from "./browser";

let site: DemoSite;
let browser: Browser;
let origin: string;

// With campaigns in the database, to show that the front door lists none of them.
beforeAll(async () => {
  site = await startDemoSite("front-door");
  ({ browser, origin } = site);
});

afterAll(async () => {
  await site?.close();
});

describe("the front door at /", () => {
  for (const [locale, heading] of [
    ["fr-BE", "Enquêtes anonymes auprès du personnel"],
    ["en-GB", "Anonymous staff surveys"],
    ["nl-BE", "Anonieme personeelsbevragingen"],
    ["de-DE", "Anonieme personeelsbevragingen"],
  ] as const) {
    it(`answers in the browser's language (${locale}), else Dutch`, async () => {
      const page = await browser.newPage({ locale });
      const problems = watchPage(page, origin);
      const response = await page.goto(`${origin}/`);
      expect(response?.status()).toBe(200);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(heading);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  for (const width of [390, 1366, 1920]) {
    it(`at ${width} px: what it is, staff sign-in, a lost link's answer; axe clean, nothing clipped, no survey code`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, locale: "nl-BE" });
      const problems = watchPage(page, origin);
      const loaded: string[] = [];
      page.on("request", (request) => loaded.push(request.url()));
      await page.goto(`${origin}/`);
      await expect.poll(() => page.getByText("Link kwijt?", { exact: false }).count()).toBe(1);
      await expectNoAxeViolations(page, `front door (${width} px)`);
      expect(await clippedElements(page)).toEqual([]);
      await page.screenshot({ path: join(shots, `front-door-nl-${width}.png`), fullPage: true });

      // No campaign is named or linked: slugs are not secrets, but an index invites scraping.
      const text = (await page.textContent("body")) ?? "";
      expect(text).not.toMatch(/diagnose-20|campagne-20/);
      const links = await page.$$eval("a", (anchors) => anchors.map((a) => a.getAttribute("href")));
      expect(links.some((href) => href?.startsWith("/s/"))).toBe(false);
      // The front door does not download SurveyJS.
      expect(loaded.filter((url) => /survey/.test(url))).toEqual([]);

      await page.getByRole("button", { name: "Français" }).click();
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toBe("Enquêtes anonymes auprès du personnel");
      expect(await page.getAttribute("html", "lang")).toBe("fr");
      await expectNoAxeViolations(page, `front door in French (${width} px)`);
      expect(await clippedElements(page)).toEqual([]);
      await page.screenshot({ path: join(shots, `front-door-fr-${width}.png`), fullPage: true });

      // (The admin page's "who am I" answers 401 before sign-in, which the watcher would count.)
      expect(problems).toEqual([]);
      await page.getByRole("link", { name: "Connexion du personnel" }).click();
      await page.waitForURL(`${origin}/admin?lang=fr`);
      await expect.poll(() => page.locator("input[type=password]").count()).toBe(1);
      await page.close();
    });
  }
});
