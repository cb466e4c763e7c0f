import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createApp } from "./app";
import type { Config } from "./config";
import { openDatabase } from "./db/open-database";
import { organisations } from "./db/schema";
import { seedDemo } from "./demo/seed-demo";
import { listen } from "./http/listen";
import { loadBundledVersions } from "./questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "./questionnaires/sync-bundled-questionnaires";
import { workerBuilder } from "./results/release-builders";
import { createReleaseScheduler } from "./results/release-scheduler";

const clientDir = fileURLToPath(new URL("../dist/client", import.meta.url));

/** Migrates, loads the bundled questionnaires, seeds the demo into an empty database, serves. */
export function startServer(config: Config) {
  const db = openDatabase(config.databasePath);
  syncBundledQuestionnaires(db, loadBundledVersions());
  const empty = db.select({ id: organisations.id }).from(organisations).limit(1).all().length === 0;
  const demo = empty ? seedDemo(db, { now: new Date() }) : undefined;
  const releases = createReleaseScheduler({
    db,
    builder: workerBuilder(config.databasePath),
    debounceMs: config.releaseDebounceMs,
  });
  // Campaigns whose audited release is missing or behind are rebuilt in the background.
  void releases.catchUp();
  const adminToken = config.adminToken ?? randomBytes(24).toString("base64url");
  const app = createApp({
    db,
    config: { clientDir, submissionsPerMinute: config.submissionsPerMinute, releases, adminToken },
  });
  const server = listen(app, { port: config.port, hostname: config.host }, (info) => {
    const base = `http://${config.host}:${info.port}`;
    console.log(`Peilpunt is running at ${base}`);
    console.log(`Database: ${config.databasePath}`);
    if (!config.adminToken) {
      console.log(`Results API token for this run (set PEILPUNT_ADMIN_TOKEN to fix one):`);
      console.log(`  ${adminToken}`);
    }
    if (demo) {
      console.log(`Seeded the demo organisation "${demo.organisation}":`);
      for (const campaign of demo.campaigns) {
        const state = campaign.open ? "open" : "closed";
        console.log(`  ${campaign.title} (${state}, ${campaign.responses} synthetic responses)`);
        console.log(`    ${base}/s/${campaign.slug}`);
      }
    }
  });
  return { server, db, releases };
}
