import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { serve } from "@hono/node-server";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { createApp } from "../../server/app";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { builtOncePerRun, runCacheDir } from "../built-once-per-run";
import { copyDemoDatabase } from "../demo-database";
import { findChromium } from "./find-chromium";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const viteBin = join(dirname(require.resolve("vite/package.json")), "bin", "vite.js");
const execFileAsync = promisify(execFile);

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The screens a page is checked on in each language, for pages whose every language and width
 * is worth a look but not every pair: each language on a phone, where the length of its texts
 * decides what fits, and each desktop width in one language (French has the longest texts).
 * Each pair cost a browser test seconds of CPU: nine pairs per page added up to a minute a run.
 */
export const LANGUAGE_SCREENS = [
  { lang: "nl", width: 390, height: 844 },
  { lang: "fr", width: 390, height: 844 },
  { lang: "en", width: 390, height: 844 },
  { lang: "en", width: 1366, height: 768 },
  { lang: "fr", width: 1920, height: 1080 },
] as const;

/** Where browser tests save their screenshots (ignored by git). */
export const SCREENSHOTS = join(root, "test-results", "screenshots");

/**
 * Builds the client as `npm run build` does (vite.config.ts, both entries) into `outDir`, in a
 * process of its own: inside Vitest NODE_ENV is "test", and a build there bundles React's
 * development runtime, several times slower than what `npm start` serves, and not what ships.
 */
export async function buildClient(outDir: string): Promise<void> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== "NODE_ENV" && !key.startsWith("VITEST")),
  );
  await execFileAsync(
    process.execPath,
    [viteBin, "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "error"],
    { cwd: root, env: { ...env, NODE_ENV: "production" } },
  );
}

/**
 * The client built once per `vitest run` (test/built-once-per-run.ts), for the browser test files
 * to serve side by side: the server only reads it, and the sources do not change within a run.
 * Each build cost a browser test file seconds of CPU (brotli at quality 11 over every asset).
 */
export function builtClient(): Promise<string> {
  return builtOncePerRun(join(runCacheDir(), "client"), buildClient);
}

/** Serves an app on a free loopback port; `close` stops it. */
export async function serveApp(app: {
  fetch: (request: Request) => Response | Promise<Response>;
}): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
      resolve(started),
    );
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Chromium (see `findChromium`), headless, with no background traffic (no internet here). */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, env } = await findChromium();
  return chromium.launch({
    executablePath,
    env: { ...process.env, ...env },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page as it is now and fails the test on any violation. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  // Evaluated through the DevTools protocol: the page's strict CSP (rightly) refuses a script tag.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  const readable = (violations as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(readable, `axe violations on ${state}`).toEqual([]);
}

/**
 * Watches a page for what must never happen on a respondent page: a request to another
 * origin, a Content-Security-Policy violation, or a script error.
 */
export function watchPage(page: Page, origin: string) {
  const problems: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:")) problems.push(`request to ${url}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 40[34]|status of 410/.test(message.text())) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** A running demo: the built client served over the seeded demo database, and a browser. */
export interface DemoSite {
  db: DbConnection;
  browser: Browser;
  origin: string;
  close: () => Promise<void>;
}

/**
 * Takes the run's client build, copies the demo seeded today (with the releases
 * of `releases`, built in that order: test/demo-database.ts) into a database file of its own,
 * serves both on a loopback port and launches Chromium; `close` undoes all of it.
 */
export async function startDemoSite(
  name: string,
  { releases }: { releases?: readonly string[] } = {},
): Promise<DemoSite> {
  const workDir = mkdtempSync(join(tmpdir(), `peilpunt-${name}-`));
  const clientDir = await builtClient();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await copyDemoDatabase(join(workDir, "e2e.db"), { releases });
  const db = openDatabase(join(workDir, "e2e.db"));
  const server = await serveApp(createApp({ db, config: { clientDir } }));
  const browser = await launchChromium();
  return {
    db,
    browser,
    origin: server.origin,
    close: async () => {
      await browser.close();
      await server.close();
      db.$client.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/**
 * What a reader would find cut off: a page wider than the viewport, an element of the header,
 * main or footer that sticks out of the viewport, or one cut by the nearest box that scrolls or
 * clips it. Children of a sideways-scrolling wrapper (`scrollers`, e.g. a wide table on a
 * phone) extend it by design: only the wrapper itself must fit.
 */
export async function clippedElements(
  page: Page,
  scrollers = ".table-wrap, .marks-table-wrap",
): Promise<string[]> {
  return page.evaluate((scrollerSelector) => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`page is ${document.documentElement.scrollWidth}px wide`);
    for (const element of document.querySelectorAll("main *, header *, footer *")) {
      const box = element.getBoundingClientRect();
      if (box.width === 0) continue;
      const scroller = element.closest(scrollerSelector);
      if (scroller && scroller !== element) continue;
      if (element.closest(".visually-hidden")) continue;
      if (box.left < -0.5 || box.right > width + 0.5) {
        out.push(`${element.tagName}.${element.className} ${box.left}..${box.right}`);
        continue;
      }
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX === "visible") continue;
        const clip = parent.getBoundingClientRect();
        if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) {
          out.push(`${element.tagName}.${element.className} clipped by ${parent.className}`);
        }
        break;
      }
    }
    return out;
  }, scrollers);
}
