import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { syntheticOrganisation } from "../../server/headcounts/synthetic-organisation";
import type { PageLatency } from "./code-generation";
import { headcountFile } from "./headcount-data";

// Mirrors headcount-bench-server.ts (not imported: importing it would start a server here).
const BENCH_ADMIN = { email: "bench-admin@example.org", password: "bench password, not secret" };
const SLUG = "bench-headcounts";

export interface HeadcountFormFigures {
  units: number;
  baseline: PageLatency;
  during: PageLatency;
  /** Each import request's answer time. */
  importMs: number[];
  /** From the first import until the release of the last date was served (building: false). */
  releasesMs: number;
}

async function loadPage(url: string, seconds: number, label: string): Promise<PageLatency> {
  const result = await autocannon({ url, connections: 10, duration: seconds });
  return {
    label,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
  };
}

/**
 * The respondent page's latency (GET of its form, 10 connections) while a coordinator imports
 * five dates of headcounts for a large organisation and the bulk worker builds their releases,
 * against the same load with nothing else running, on one server process in the same run.
 */
export async function measureFormDuringHeadcounts({
  units = 1000,
  seconds = 8,
} = {}): Promise<HeadcountFormFigures> {
  const dir = mkdtempSync(join(tmpdir(), "peilpunt-bench-headcounts-"));
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/bench/headcount-bench-server.ts", join(dir, "h.db"), String(units)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    const [port, campaign] = await new Promise<string[]>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
      child.stdout?.on("data", (chunk: Buffer) => {
        const line = /READY (.+)\n/.exec(chunk.toString());
        if (line?.[1]) resolve(line[1].split(" "));
      });
    });
    const base = `http://127.0.0.1:${port}`;
    const signIn = await fetch(`${base}/api/admin/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(BENCH_ADMIN),
    });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const page = `${base}/api/campaigns/${campaign}/form`;
    await loadPage(page, 2, "warm-up");
    const baseline = await loadPage(page, seconds, "respondent page alone");

    const organisation = syntheticOrganisation(units, 5);
    const importMs: number[] = [];
    const started = performance.now();
    let releasesMs = 0;
    const importer = (async () => {
      for (const date of organisation.dates) {
        const before = performance.now();
        const answer = await fetch(
          `${base}/api/admin/organisations/${SLUG}/headcounts/${date.referenceDate}`,
          {
            method: "POST",
            headers: { "Content-Type": "text/csv", Cookie: cookie, "X-CSRF-Token": csrfToken },
            body: headcountFile(date.rows),
          },
        );
        if (answer.status !== 201) throw new Error(`headcount import answered ${answer.status}`);
        await answer.arrayBuffer();
        importMs.push(performance.now() - before);
      }
      for (;;) {
        const tables = await fetch(`${base}/api/admin/organisations/${SLUG}/headcounts`, {
          headers: { Cookie: cookie },
        });
        const body = (await tables.json()) as { building?: boolean; dates?: unknown[] };
        if (body.building === false && body.dates?.length === 5) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      releasesMs = performance.now() - started;
    })();
    const during = await loadPage(
      page,
      seconds,
      "respondent page, headcount imports and releases running",
    );
    await importer;
    return { units, baseline, during, importMs, releasesMs };
  } finally {
    child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}
