import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_CAMPAIGNS } from "../../server/demo/demo-campaigns";
import { generateAnswers } from "../../server/demo/generate-answers";
import { seededRandom } from "../../server/demo/seeded-random";
import { choiceValues, walkQuestions } from "../../surveys/model/walk-questions";
import { freePort, startRealServer } from "./real-server";

const dir = mkdtempSync(join(tmpdir(), "peilpunt-crash-"));
const databasePath = join(dir, "crash.db");
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the real server on the crash test's database and waits until it listens. */
async function startServer(port: number): Promise<ChildProcess> {
  const { child } = await startRealServer({
    PEILPUNT_DB: databasePath,
    PORT: String(port),
    PEILPUNT_SUBMISSIONS_PER_MINUTE: "1000000",
  });
  children.push(child);
  return child;
}

describe("crash safety", () => {
  it("keeps every acknowledged response exactly once through a SIGKILL, and serves again", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/api/campaigns/diagnose-2026`;
    const server = await startServer(port);
    const form = (await (await fetch(`${base}/form`)).json()) as {
      questionnaire: { definition: unknown };
    };
    const unitQuestion = walkQuestions(form.questionnaire.definition).find(
      (q) => q.element.unitPicker === true,
    );
    const units = choiceValues(unitQuestion?.element.choices).map(String);
    const profile = DEMO_CAMPAIGNS.find((c) => c.slug === "diagnose-2026")?.profile;
    if (!profile) throw new Error("open demo campaign missing");
    const random = seededRandom(Date.now());
    // Realistic answers, as the demo generates them, each marked by its (always shown) comment.
    const answersMarked = (marker: string, unit: string) => ({
      ...generateAnswers(form.questionnaire.definition, profile, random, unit),
      comment: marker,
    });

    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const submitLoop = async () => {
      while (!killed) {
        const marker = `crash-test-${next++}`;
        try {
          const response = await fetch(`${base}/responses`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({
              answers: answersMarked(marker, units[next % units.length] ?? ""),
            }),
          });
          if (response.status === 201) acknowledged.push(marker);
        } catch {
          // The connection died with the server: this one was not acknowledged.
        }
      }
    };
    const loops = Array.from({ length: 8 }, submitLoop);
    await new Promise((resolve) => setTimeout(resolve, 400 + Math.random() * 1200));
    server.kill("SIGKILL");
    killed = true;
    await Promise.all(loops);
    if (server.exitCode === null && server.signalCode === null) await once(server, "exit");
    expect(acknowledged.length).toBeGreaterThan(10);

    const db = new Database(databasePath);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const counts = new Map<string, number>();
    for (const { answers } of db.prepare("SELECT answers FROM responses").all() as {
      answers: string;
    }[]) {
      const comment = JSON.parse(answers).comment;
      if (typeof comment === "string" && comment.startsWith("crash-test-")) {
        counts.set(comment, (counts.get(comment) ?? 0) + 1);
      }
    }
    db.close();
    for (const marker of acknowledged) expect(counts.get(marker), marker).toBe(1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);

    const restarted = await startServer(port);
    const after = await fetch(`${base}/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answers: answersMarked("after-restart", units[0] ?? "") }),
    });
    expect(after.status).toBe(201);
    expect((await fetch(`${base}/form`)).status).toBe(200);
    restarted.kill("SIGTERM");
  });
});
