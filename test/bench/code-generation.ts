import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { MAX_CODES_PER_CALL } from "../../server/contract/staff-limits";

/** People in the campaign whose codes are generated while respondents load their page. */
export const CAMPAIGN_PEOPLE = 5000;
// Mirrors codes-bench-server.ts (not imported: importing it would start a server here).
const BENCH_ADMIN = { email: "bench-admin@example.org", password: "bench password, not secret" };

export interface PageLatency {
  label: string;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
}

export interface CodeGenerationFigures {
  baseline: PageLatency;
  duringGeneration: PageLatency;
  /** Complete 5,000-person generations during the measured run, and their mean duration. */
  generations: number;
  generationMs: number;
}

async function startServer(dir: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/bench/codes-bench-server.ts", join(dir, "codes.db")],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const ready = await new Promise<string[]>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      const line = /READY (.+)\n/.exec(chunk.toString());
      if (line?.[1]) resolve(line[1].split(" "));
    });
  });
  const [port, slug, ...unitIds] = ready;
  return { child, base: `http://127.0.0.1:${port}`, slug: slug as string, unitIds };
}

async function signIn(base: string) {
  const answer = await fetch(`${base}/api/admin/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (answer.status !== 200) throw new Error(`bench sign-in answered ${answer.status}`);
  const cookie = (answer.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken } = (await answer.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** Codes for CAMPAIGN_PEOPLE people, spread over the campaign's units, as a coordinator would. */
async function generateForCampaign(
  base: string,
  slug: string,
  unitIds: string[],
  session: { cookie: string; csrfToken: string },
) {
  const perUnit = Math.min(MAX_CODES_PER_CALL, Math.ceil(CAMPAIGN_PEOPLE / unitIds.length));
  let left = CAMPAIGN_PEOPLE;
  for (const unitId of unitIds) {
    if (left <= 0) break;
    const count = Math.min(perUnit, left);
    const answer = await fetch(`${base}/api/admin/campaigns/${slug}/codes`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Cookie: session.cookie,
        "X-CSRF-Token": session.csrfToken,
      },
      body: JSON.stringify({ unitId, count }),
    });
    if (answer.status !== 201) throw new Error(`code generation answered ${answer.status}`);
    await answer.arrayBuffer();
    left -= count;
  }
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
 * The respondent page's latency (GET of its form, 10 connections) while a coordinator
 * generates codes for a 5,000-person campaign over and over, against the same load with no
 * generation, on one server in the same run.
 */
export async function measureCodeGeneration({ seconds = 8 } = {}): Promise<CodeGenerationFigures> {
  const dir = mkdtempSync(join(tmpdir(), "peilpunt-bench-codes-"));
  try {
    const server = await startServer(dir);
    const session = await signIn(server.base);
    const page = `${server.base}/api/campaigns/${server.slug}/form`;
    // Warm-up of both paths, not measured.
    await loadPage(page, 2, "warm-up");
    await generateForCampaign(server.base, server.slug, server.unitIds, session);

    const baseline = await loadPage(page, seconds, "respondent page alone");
    let generating = true;
    let generations = 0;
    let generatingMs = 0;
    const generator = (async () => {
      while (generating) {
        const started = performance.now();
        await generateForCampaign(server.base, server.slug, server.unitIds, session);
        generatingMs += performance.now() - started;
        generations++;
      }
    })();
    const duringGeneration = await loadPage(
      page,
      seconds,
      `respondent page, ${CAMPAIGN_PEOPLE.toLocaleString("en")}-person code generation running`,
    );
    generating = false;
    await generator;
    server.child.kill("SIGTERM");
    return {
      baseline,
      duringGeneration,
      generations,
      generationMs: generations > 0 ? generatingMs / generations : 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
