import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { DEMO_CAMPAIGNS } from "../../server/demo/demo-campaigns";
import { generateAnswers } from "../../server/demo/generate-answers";
import { seededRandom } from "../../server/demo/seeded-random";
import { choiceValues, walkQuestions } from "../../surveys/model/walk-questions";

export interface LoadFigures {
  label: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  serverRssMb: number;
}

const OPEN_CAMPAIGN = "diagnose-2026";

async function startServer(mode: "peilpunt" | "bare", dir: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/bench/bench-server.ts", mode, join(dir, `${mode}.db`)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      const match = /READY (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  return { child, port };
}

function rssOf(child: ChildProcess): number {
  // /proc is Linux-only, which is what the benchmark runs on.
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Valid submission bodies for the open demo campaign, generated as the demo generates them. */
async function validBodies(port: number, count: number): Promise<string[]> {
  const form = (await (
    await fetch(`http://127.0.0.1:${port}/api/campaigns/${OPEN_CAMPAIGN}/form`)
  ).json()) as {
    questionnaire: { definition: unknown };
  };
  const demo = DEMO_CAMPAIGNS.find((c) => c.slug === OPEN_CAMPAIGN);
  if (!demo) throw new Error("open demo campaign missing");
  const unitQuestion = walkQuestions(form.questionnaire.definition).find(
    (q) => q.element.unitPicker === true,
  );
  const unitIds = choiceValues(unitQuestion?.element.choices).map(String);
  const random = seededRandom(7);
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      answers: generateAnswers(
        form.questionnaire.definition,
        demo.profile,
        random,
        unitIds[i % unitIds.length] ?? "",
      ),
    }),
  );
}

/** The same bodies made invalid in the ways clients get wrong: a bad value or an unknown key. */
function invalidBodies(valid: string[]): string[] {
  return valid.map((body, i) => {
    const { answers } = JSON.parse(body) as { answers: Record<string, unknown> };
    const broken = i % 2 === 0 ? { ...answers, gender: "robot" } : { ...answers, tracking_id: "x" };
    return JSON.stringify({ answers: broken });
  });
}

async function fire(url: string, bodies: string[], connections: number, seconds: number) {
  let next = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => {
          next = (next + 1) % bodies.length;
          return { ...request, body: bodies[next] };
        },
      },
    ],
  });
}

/** Validated submissions per second against the bare insert endpoint, same SQLite settings. */
export async function measureSubmissionThroughput({
  connections = [50],
  seconds = 8,
}: {
  connections?: number[];
  seconds?: number;
} = {}): Promise<LoadFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), "peilpunt-bench-"));
  const figures: LoadFigures[] = [];
  try {
    const peilpunt = await startServer("peilpunt", dir);
    const bare = await startServer("bare", dir);
    const bodies = await validBodies(peilpunt.port, 500);
    const invalid = invalidBodies(bodies);
    const submissions = `/api/campaigns/${OPEN_CAMPAIGN}/responses`;
    for (const c of connections) {
      for (const [label, server, path, sent] of [
        ["bare Hono + SQLite insert", bare, "/bare", bodies],
        ["Peilpunt validated submission", peilpunt, submissions, bodies],
        ["Peilpunt invalid submission (422)", peilpunt, submissions, invalid],
      ] as const) {
        // Warm-up: JIT, compiled validator and SQLite page cache, not measured.
        await fire(`http://127.0.0.1:${server.port}${path}`, sent, c, 2);
        const result = await fire(`http://127.0.0.1:${server.port}${path}`, sent, c, seconds);
        figures.push({
          label,
          connections: c,
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
          serverRssMb: rssOf(server.child),
        });
      }
    }
    peilpunt.child.kill("SIGTERM");
    bare.child.kill("SIGTERM");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
