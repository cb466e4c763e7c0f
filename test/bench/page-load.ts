// Page load of the respondent page on a throttled phone: the build before issue 11 (a git ref,
// served as it was: uncompressed, never cached) against this tree's build (precompressed,
// immutable assets, SurveyJS loaded after the privacy notice), measured in the same run.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { createApp } from "../../server/app";
import { type Db, type DbConnection, openDatabase } from "../../server/db/open-database";
import { seedDemo } from "../../server/demo/seed-demo";
import { securityHeaders } from "../../server/http/security-headers";
import { loadBundledVersions } from "../../server/questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "../../server/questionnaires/sync-bundled-questionnaires";
import { buildClient, launchChromium, serveApp } from "../e2e/browser";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Lighthouse's mobile profile ("slow 4G"): 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up,
 * and a CPU four times slower than this machine's.
 */
export const SLOW_4G = {
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
  cpuSlowdown: 4,
};

/** The last main commit before issue 11; PEILPUNT_BENCH_BASELINE=<git ref> picks another. */
const DEFAULT_BASELINE = "4120f64";

export interface VisitFigures {
  /** From navigation start until the privacy notice is painted (and its button live). */
  noticeMs: number;
  /** Bytes over the network (headers included) until then. */
  noticeBytes: number;
  /** From navigation start until the first question is ready after pressing start at once. */
  questionsMs: number;
  /** Bytes over the network until then. */
  questionsBytes: number;
  requests: number;
}

export interface PageLoadFigures {
  baselineRef: string;
  runs: number;
  before: { first: VisitFigures; repeat: VisitFigures };
  after: { first: VisitFigures; repeat: VisitFigures };
}

/** Builds the client of a git ref (from a copy of that commit's tree) into `outDir`. */
async function buildClientOfRef(ref: string, workDir: string, outDir: string): Promise<void> {
  const source = join(workDir, "baseline-source");
  mkdirSync(source, { recursive: true });
  const archive = execFileSync("git", ["archive", ref], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  execFileSync("tar", ["-x", "-C", source], { input: archive });
  symlinkSync(join(root, "node_modules"), join(source, "node_modules"));
  await build({
    configFile: join(source, "vite.config.ts"),
    logLevel: "error",
    build: { outDir, emptyOutDir: true },
  });
}

/** The respondent page as it was served before: no compression (the form's neither), no cache header. */
function servedAsBefore(db: Db, clientDir: string) {
  const app = new Hono();
  app.use(securityHeaders({ https: false }));
  const html = (file: string) =>
    serveStatic({ root: relative(process.cwd(), clientDir), path: file });
  app.get("/s/:slug", async (c, next) => {
    c.header("Cache-Control", "no-store");
    return html("respondent/index.html")(c, next);
  });
  app.use("/assets/*", serveStatic({ root: relative(process.cwd(), clientDir) }));
  app.route("/", createApp({ db, config: { compressForm: false } }));
  return app;
}

async function visit(page: Page, url: string): Promise<VisitFigures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: SLOW_4G.latency,
    downloadThroughput: SLOW_4G.downloadThroughput,
    uploadThroughput: SLOW_4G.uploadThroughput,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOW_4G.cpuSlowdown });
  let bytes = 0;
  let requests = 0;
  cdp.on("Network.loadingFinished", (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
  });
  cdp.on("Network.responseReceived", () => {
    requests++;
  });
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector(".notice button.primary", { timeout: 120_000 });
  const noticeBytes = bytes;
  const noticeMs = await noticePaintedAt(page);
  await page.locator(".notice button.primary").click();
  const questionsMs = Number(
    await (
      await page.waitForFunction(
        () => (document.querySelector(".sd-question") ? performance.now() : 0),
        undefined,
        { polling: "raf", timeout: 120_000 },
      )
    ).jsonValue(),
  );
  const figures = { noticeMs, noticeBytes, questionsMs, questionsBytes: bytes, requests };
  await cdp.detach();
  return figures;
}

/**
 * When the privacy notice was painted, from the browser's Largest Contentful Paint entries: the
 * first whose element lies in the notice. Polling for the notice instead would measure late
 * whenever the page is busy right after painting it (it then compiles SurveyJS).
 */
async function noticePaintedAt(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            element: Element | null;
            renderTime: number;
          })[]) {
            if (entry.element?.closest(".notice")) {
              observer.disconnect();
              resolve(entry.renderTime || entry.startTime);
              return;
            }
          }
        });
        observer.observe({ type: "largest-contentful-paint", buffered: true });
        setTimeout(() => reject(new Error("no paint of the notice recorded")), 30_000);
      }),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function medianFigures(runs: VisitFigures[]): VisitFigures {
  const pick = (key: keyof VisitFigures) => median(runs.map((run) => run[key]));
  return {
    noticeMs: pick("noticeMs"),
    noticeBytes: pick("noticeBytes"),
    questionsMs: pick("questionsMs"),
    questionsBytes: pick("questionsBytes"),
    requests: pick("requests"),
  };
}

/** First visit in a fresh browser profile, then a repeat visit with that profile's cache. */
async function firstAndRepeat(browser: Browser, url: string, runs: number) {
  const first: VisitFigures[] = [];
  const repeat: VisitFigures[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    first.push(await visit(page, url));
    await page.close();
    const again = await context.newPage();
    repeat.push(await visit(again, url));
    await context.close();
  }
  return { first: medianFigures(first), repeat: medianFigures(repeat) };
}

/**
 * Median of `runs` first and repeat visits (PEILPUNT_BENCH_RUNS, default 5), before and after,
 * on the slow-4G phone profile. CPU figures move with whatever else the machine runs: compare
 * the two builds of one run, not runs of different days.
 */
export async function measurePageLoad({
  runs = Number(process.env.PEILPUNT_BENCH_RUNS ?? 5),
} = {}): Promise<PageLoadFigures> {
  const baselineRef = process.env.PEILPUNT_BENCH_BASELINE ?? DEFAULT_BASELINE;
  const workDir = mkdtempSync(join(tmpdir(), "peilpunt-bench-page-"));
  let browser: Browser | undefined;
  let db: DbConnection | undefined;
  const servers: Awaited<ReturnType<typeof serveApp>>[] = [];
  try {
    const beforeDir = join(workDir, "before");
    const afterDir = join(workDir, "after");
    await buildClientOfRef(baselineRef, workDir, beforeDir);
    await buildClient(afterDir);
    db = openDatabase(join(workDir, "bench.db"));
    syncBundledQuestionnaires(db, loadBundledVersions());
    seedDemo(db, { now: new Date() });
    const before = await serveApp(servedAsBefore(db, beforeDir));
    const after = await serveApp(createApp({ db, config: { clientDir: afterDir } }));
    servers.push(before, after);
    browser = await launchChromium();
    const path = "/s/diagnose-2026?lang=nl";
    return {
      baselineRef,
      runs,
      before: await firstAndRepeat(browser, before.origin + path, runs),
      after: await firstAndRepeat(browser, after.origin + path, runs),
    };
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
    db?.$client.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
