// A server process for the code-generation benchmark: the real app on a seeded demo database,
// plus an open invitation-codes copy of the demo diagnosis and an admin whose password the
// benchmark knows. Prints `READY <port> <slug> <unit ids…>`.
import { randomBytes, randomUUID } from "node:crypto";
import { serve } from "@hono/node-server";
import { createApp } from "../../server/app";
import { hashPasswordSync } from "../../server/auth/password";
import type { SessionUser } from "../../server/auth/sessions";
import { createCampaign } from "../../server/campaigns/create-campaign";
import { openCampaign } from "../../server/campaigns/open-campaign";
import { openDatabase } from "../../server/db/open-database";
import { users } from "../../server/db/schema";
import { seedDemo } from "../../server/demo/seed-demo";
import { workerBulkWriter } from "../../server/jobs/bulk-writer";
import { loadBundledVersions } from "../../server/questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "../../server/questionnaires/sync-bundled-questionnaires";

const BENCH_ADMIN = {
  email: "bench-admin@example.org",
  password: "bench password, not secret",
};
const SLUG = "bench-codes";

const [databasePath] = process.argv.slice(2);
if (!databasePath) throw new Error("usage: codes-bench-server.ts <database file>");

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
const demo = db.$client
  .prepare(
    `SELECT c.id, c.organisation_id AS organisationId, q.slug AS questionnaire, v.number AS version
     FROM campaigns c JOIN questionnaire_versions v ON v.id = c.questionnaire_version_id
     JOIN questionnaires q ON q.id = v.questionnaire_id WHERE c.slug = 'diagnose-2026'`,
  )
  .get() as { id: string; organisationId: string; questionnaire: string; version: number };
const unitIds = (
  db.$client
    .prepare("SELECT unit_id AS id FROM campaign_units WHERE campaign_id = ?")
    .all(demo.id) as { id: string }[]
).map((unit) => unit.id);
createCampaign({
  db,
  actor: admin,
  now,
  input: {
    slug: SLUG,
    organisationId: demo.organisationId,
    title: { nl: "Bench", fr: "Bench", en: "Bench" },
    questionnaire: { slug: demo.questionnaire, version: demo.version },
    unitIds,
    locales: ["nl", "fr", "en"],
    k: 5,
    opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
    closesAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
    accessMode: "invitation-codes",
    retentionDays: 365,
  },
});
openCampaign({ db, actor: admin, slug: SLUG, now });

// The benchmark generates codes for a 5,000-person campaign again and again.
// Codes are made and stored by the bulk worker, as start-server.ts sets it up.
const secretKey = randomBytes(32);
const app = createApp({
  db,
  config: {
    secretKey,
    maxCodesPerCampaign: 10_000_000,
    bulkWriter: workerBulkWriter(databasePath, secretKey),
  },
});
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`READY ${info.port} ${SLUG} ${unitIds.join(" ")}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
