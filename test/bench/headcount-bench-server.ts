// A server process for the headcount benchmark: the real app on a seeded demo database (its
// open campaign's form is the respondent page measured), an organisation of UNITS synthetic
// units and an admin whose password the benchmark knows. Headcount releases are built by the
// bulk worker, as start-server.ts sets it up. Prints `READY <port> <campaign slug>`.
import { randomBytes, randomUUID } from "node:crypto";
import { serve } from "@hono/node-server";
import { createApp } from "../../server/app";
import { hashPasswordSync } from "../../server/auth/password";
import type { SessionUser } from "../../server/auth/sessions";
import { openDatabase } from "../../server/db/open-database";
import { users } from "../../server/db/schema";
import { seedDemo } from "../../server/demo/seed-demo";
import { headcountReleaseQueue } from "../../server/headcounts/headcount-release-queue";
import { syntheticOrganisation } from "../../server/headcounts/synthetic-organisation";
import { workerBulkWriter } from "../../server/jobs/bulk-writer";
import { createOrganisation } from "../../server/organisations/create-organisation";
import { loadBundledVersions } from "../../server/questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "../../server/questionnaires/sync-bundled-questionnaires";
import { insertBenchUnits } from "./bench-units";

const BENCH_ADMIN = { email: "bench-admin@example.org", password: "bench password, not secret" };

const [databasePath, units = "1000"] = process.argv.slice(2);
if (!databasePath) throw new Error("usage: headcount-bench-server.ts <database file> [units]");

const db = openDatabase(databasePath);
const now = new Date();
syncBundledQuestionnaires(db, loadBundledVersions());
seedDemo(db, { now });
const admin: SessionUser = {
  id: randomUUID(),
  email: BENCH_ADMIN.email,
  role: "admin",
  organisationId: null,
  unitId: null,
  locale: "en",
};
db.insert(users)
  .values({ ...admin, passwordHash: hashPasswordSync(BENCH_ADMIN.password) })
  .run();
const organisation = createOrganisation({
  db,
  actor: admin,
  input: { slug: "bench-headcounts", name: { nl: "B", fr: "B", en: "B" } },
  now,
});
insertBenchUnits(db, organisation.id, syntheticOrganisation(Number(units), 1).units);
const open = db.$client
  .prepare("SELECT slug FROM campaigns WHERE status = 'open' ORDER BY slug LIMIT 1")
  .get() as { slug: string };

const secretKey = randomBytes(32);
const bulkWriter = workerBulkWriter(databasePath, secretKey);
const app = createApp({
  db,
  config: {
    secretKey,
    bulkWriter,
    headcountReleases: headcountReleaseQueue({
      build: (id) => bulkWriter.buildHeadcountRelease(id),
    }),
  },
});
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`READY ${info.port} ${open.slug}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
