// `npm run seed`: replaces the database with a fresh copy of the demo. Stop the server first.
import { rmSync } from "node:fs";
import highsLoader from "highs";
import { readConfig } from "./config";
import { closeDatabase, openDatabase } from "./db/open-database";
import { announceDemoAccounts } from "./demo/demo-accounts-file";
import { seedDemoHeadcounts } from "./demo/demo-headcounts";
import { seedDemo } from "./demo/seed-demo";
import { buildAndStoreHeadcountRelease } from "./headcounts/build-headcount-release";
import { createFilesOwnerOnly } from "./owner-only-files";
import { loadBundledVersions } from "./questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "./questionnaires/sync-bundled-questionnaires";

createFilesOwnerOnly();
const { databasePath } = readConfig();
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databasePath}${suffix}`, { force: true });
const db = openDatabase(databasePath);
syncBundledQuestionnaires(db, loadBundledVersions());
const summary = seedDemo(db, { now: new Date() });
const highs = await highsLoader();
// Each date's audited release is built here, in this process (about a minute for the demo's
// five dates on a 2-core machine), so the server starts with them in place.
const headcountDates = await seedDemoHeadcounts({
  db,
  now: () => new Date(),
  afterImport: (organisationId) =>
    buildAndStoreHeadcountRelease({ db, highs, organisationId, now: () => new Date() }),
});
closeDatabase(db);
console.log(`Seeded "${summary.organisation}" into ${databasePath}:`);
for (const campaign of summary.campaigns) {
  console.log(`  ${campaign.slug}: ${campaign.responses} synthetic responses`);
}
console.log(`  headcounts: ${headcountDates.join(", ")}`);
for (const line of announceDemoAccounts(summary.accounts, databasePath)) console.log(line);
