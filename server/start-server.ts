import { fileURLToPath } from "node:url";
import { createApp } from "./app";
import { scheduleMaintenance } from "./campaigns/run-maintenance";
import type { Config } from "./config";
import { openDatabase } from "./db/open-database";
import { organisations } from "./db/schema";
import { announceDemoAccounts } from "./demo/demo-accounts-file";
import { seedDemo } from "./demo/seed-demo";
import {
  anyHeadcountsStored,
  organisationsWithStaleHeadcounts,
} from "./headcounts/build-headcount-release";
import { headcountReleaseQueue } from "./headcounts/headcount-release-queue";
import { listen } from "./http/listen";
import { forwardedAddress, socketAddress } from "./http/rate-limit";
import { workerMailer } from "./invitations/mailer";
import { workerBulkWriter } from "./jobs/bulk-writer";
import { restrictToOwner } from "./owner-only-files";
import { loadBundledVersions } from "./questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "./questionnaires/sync-bundled-questionnaires";
import { rebuildingSurveysAfter } from "./results/rebuild-after-headcounts";
import { workerBuilder } from "./results/release-builders";
import { createReleaseScheduler } from "./results/release-scheduler";
import { loadOrCreateSecretKey } from "./secret-key";

const clientDir = fileURLToPath(new URL("../dist/client", import.meta.url));

/**
 * Migrates, loads the bundled questionnaires, seeds the demo into an empty database (unless
 * `config.demo` is false), starts the
 * hourly maintenance job (closing by date, retention) and serves.
 */
export function startServer(config: Config) {
  const secretKey = loadOrCreateSecretKey(config.secretFile);
  const db = openDatabase(config.databasePath);
  restrictToOwner(["", "-wal", "-shm"].map((suffix) => `${config.databasePath}${suffix}`));
  syncBundledQuestionnaires(db, loadBundledVersions());
  const empty = db.select({ id: organisations.id }).from(organisations).limit(1).all().length === 0;
  const demo = empty && config.demo ? seedDemo(db, { now: new Date() }) : undefined;
  const releases = createReleaseScheduler({
    db,
    builder: workerBuilder(config.databasePath),
    debounceMs: config.releaseDebounceMs,
  });
  // Campaigns whose audited release is missing or behind are rebuilt in the background.
  void releases.catchUp();
  const stopMaintenance = scheduleMaintenance({
    db,
    afterClose: (campaignId) => void releases.rebuild(campaignId),
    afterResponsesDeleted: (campaignId) => releases.responsesDeleted(campaignId),
  });
  // Where headcounts are kept, the next import is most often the first build after a start (a
  // file a year): the worker warms their audit at start, holding from then on the memory that
  // import would take (README, "Headcount release — speed"). Elsewhere it warms when someone who
  // can import opens the headcounts (`prepare` below).
  const bulkWriter = workerBulkWriter(config.databasePath, secretKey, {
    warmUp: anyHeadcountsStored(db),
  });
  const headcountReleases = headcountReleaseQueue({
    // A new headcount release rebuilds the survey releases it gives new attacker knowledge.
    build: rebuildingSurveysAfter(
      db,
      (id) => bulkWriter.buildHeadcountRelease(id),
      (campaignId) => releases.rebuild(campaignId),
    ),
    prepare: () => bulkWriter.prepareHeadcountBuilds(),
  });
  // Headcount releases missing or behind their imports (a restart during a build) too.
  for (const id of organisationsWithStaleHeadcounts(db)) headcountReleases.rebuild(id);
  const app = createApp({
    db,
    config: {
      clientDir,
      submissionsPerMinute: config.submissionsPerMinute,
      secretKey,
      secureCookies: config.secureCookies,
      publicOrigin: config.publicOrigin,
      maxCodesPerCampaign: config.maxCodesPerCampaign,
      clientAddress:
        config.trustProxy === "none" ? socketAddress : forwardedAddress(config.trustProxy),
      releases,
      bulkWriter,
      headcountReleases,
      mailer: config.smtp ? workerMailer(config.smtp) : undefined,
      linkOrigin:
        config.publicOrigin ??
        `http://${config.host === "::1" ? "[::1]" : config.host}:${config.port}`,
    },
  });
  const server = listen(app, { port: config.port, hostname: config.host }, (info) => {
    const base = `http://${config.host}:${info.port}`;
    console.log(`Peilpunt is running at ${base}`);
    console.log(`Database: ${config.databasePath}`);
    if (demo) {
      console.log(`Seeded the demo organisation "${demo.organisation}":`);
      for (const campaign of demo.campaigns) {
        const state = campaign.open ? "open" : "closed";
        console.log(`  ${campaign.title} (${state}, ${campaign.responses} synthetic responses)`);
        console.log(`    ${base}/s/${campaign.slug}`);
      }
      console.log(`Staff sign-in at ${base}/admin`);
      for (const line of announceDemoAccounts(demo.accounts, config.databasePath)) {
        console.log(line);
      }
    } else if (empty) {
      console.log("No organisation yet (PEILPUNT_DEMO=false): the database starts empty.");
      console.log(
        "Create the first admin with `npm run user:create -- --email you@example.org --role admin`,",
      );
      console.log(`then sign in at ${base}/admin`);
    }
  });
  return { server, db, releases, stopMaintenance };
}
