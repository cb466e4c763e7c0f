import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { PASSWORD } from "../server/admin-fixture";
import {
  clippedElements,
  type DemoSite,
  expectNoAxeViolations,
  SCREENSHOTS as shots,
  watchPage,
} from "./browser";

/**
 * A browser page of the admin app signed in as `email`, in `lang`. `problems()` lists the
 * page's faults except answers the screen is meant to show: 401 before signing in, and the
 * statuses in `expected` (e.g. a refused import, 422).
 */
export async function signedInAs(
  site: DemoSite,
  email: string,
  lang: string,
  { width = 1366, expected = [] }: { width?: number; expected?: readonly number[] } = {},
) {
  const context = await site.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const watched = watchPage(page, site.origin);
  await page.goto(`${site.origin}/admin?lang=${lang}`);
  await page.locator("input[type=email]").fill(email);
  await page.locator("input[type=password]").fill(PASSWORD);
  await page.locator("button[type=submit]").click();
  await expect.poll(() => page.locator(".signed-in-as").count()).toBe(1);
  const shown = new RegExp(`status of (${[401, ...expected].join("|")})`);
  return { context, page, problems: () => watched.filter((p) => !shown.test(p)) };
}

/**
 * Axe and bounding boxes at each width, the whole page photographed (and `part`, the piece
 * under test, when given).
 */
export async function lookAtEveryWidth(page: Page, name: string, state: string, part?: Locator) {
  for (const width of [390, 1366, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${state} at ${width} px`);
    expect(await clippedElements(page), `${state} at ${width} px`).toEqual([]);
    await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
    await part?.screenshot({ path: join(shots, `${name}-part-${width}.png`) });
  }
}
