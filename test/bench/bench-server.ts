// A server process for the load benchmark: `peilpunt` serves the real app on a seeded demo
// database; `bare` serves a minimal Hono endpoint that inserts the raw body into an identical
// table with the same SQLite settings, the baseline the real endpoint is compared with.
import { randomBytes } from "node:crypto";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { createApp } from "../../server/app";
import { openDatabase } from "../../server/db/open-database";
import { seedDemo } from "../../server/demo/seed-demo";
import { loadBundledVersions } from "../../server/questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "../../server/questionnaires/sync-bundled-questionnaires";

const [mode, databasePath] = process.argv.slice(2);
if ((mode !== "peilpunt" && mode !== "bare") || !databasePath) {
  throw new Error("usage: bench-server.ts peilpunt|bare <database file>");
}

const db = openDatabase(databasePath);
let app: { fetch: (request: Request) => Response | Promise<Response> };
if (mode === "peilpunt") {
  syncBundledQuestionnaires(db, loadBundledVersions());
  seedDemo(db, { now: new Date() });
  // The benchmark's load comes from one address; the per-address limit would refuse most of it.
  app = createApp({ db, config: { submissionsPerMinute: 1_000_000_000 } });
} else {
  db.$client.exec(
    "CREATE TABLE bare_responses (id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, unit_id TEXT NOT NULL, answers TEXT NOT NULL) WITHOUT ROWID",
  );
  const insert = db.$client.prepare("INSERT INTO bare_responses VALUES (?, ?, ?, ?)");
  app = new Hono().post("/bare", async (c) => {
    const body = (await c.req.json()) as { answers: Record<string, unknown> };
    insert.run(
      randomBytes(16).toString("hex"),
      "bench",
      String(body.answers.unit),
      JSON.stringify(body.answers),
    );
    return c.json({ status: "stored" }, 201);
  });
}

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`READY ${info.port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
