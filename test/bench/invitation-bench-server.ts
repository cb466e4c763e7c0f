// A server process for the invitation benchmark: the real app on a seeded demo database with an
// open invitation-codes campaign over all demo units. On "SEND <smtp port> <count>" (stdin) it
// sends that many invitations through the same service the admin route calls and prints
// "DONE <ms> <sent> <failed> <event-loop delay p99 ms> <max ms>"; meanwhile the parent measures the respondent API's latency.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { serve } from "@hono/node-server";
import { createApp } from "../../server/app";
import type { SessionUser } from "../../server/auth/sessions";
import { createCampaign } from "../../server/campaigns/create-campaign";
import { openCampaign } from "../../server/campaigns/open-campaign";
import { DEFAULT_MAILS_PER_SECOND } from "../../server/config";
import { openDatabase } from "../../server/db/open-database";
import { seedDemo } from "../../server/demo/seed-demo";
import { workerMailer } from "../../server/invitations/mailer";
import { sendInvitations } from "../../server/invitations/send-invitations";
import { workerBulkWriter } from "../../server/jobs/bulk-writer";
import { loadBundledVersions } from "../../server/questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "../../server/questionnaires/sync-bundled-questionnaires";

export const BENCH_SLUG = "uitnodiging-bench";

const [databasePath] = process.argv.slice(2);
if (!databasePath) throw new Error("usage: invitation-bench-server.ts <database file>");

const secretKey = new Uint8Array(32).fill(3);
const db = openDatabase(databasePath);
syncBundledQuestionnaires(db, loadBundledVersions());
const now = new Date();
seedDemo(db, { now });
const actor = db.$client
  .prepare(
    `SELECT id, email, role, organisation_id AS organisationId, unit_id AS unitId, locale
     FROM users WHERE role = 'coordinator' LIMIT 1`,
  )
  .get() as SessionUser;
const demo = db.$client
  .prepare(
    `SELECT c.id, c.organisation_id AS organisationId, q.slug AS questionnaire, v.number AS version
     FROM campaigns c JOIN questionnaire_versions v ON v.id = c.questionnaire_version_id
     JOIN questionnaires q ON q.id = v.questionnaire_id WHERE c.slug = 'diagnose-2026'`,
  )
  .get() as { id: string; organisationId: string; questionnaire: string; version: number };
const scope = db.$client
  .prepare(
    "SELECT u.id, u.code FROM campaign_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.campaign_id = ?",
  )
  .all(demo.id) as { id: string; code: string }[];
createCampaign({
  db,
  actor,
  now,
  input: {
    slug: BENCH_SLUG,
    organisationId: demo.organisationId,
    title: { nl: "Uitnodiging", fr: "Invitation", en: "Invitation" },
    questionnaire: { slug: demo.questionnaire, version: demo.version },
    unitIds: scope.map((unit) => unit.id),
    locales: ["nl", "fr", "en"],
    k: 5,
    opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
    closesAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
    accessMode: "invitation-codes",
    retentionDays: 365,
  },
});
openCampaign({ db, actor, slug: BENCH_SLUG, now });

// Code hashes are stored by the bulk worker, as start-server.ts sets it up.
const bulkWriter = workerBulkWriter(databasePath, secretKey);
const app = createApp({
  db,
  config: { secretKey, submissionsPerMinute: 1_000_000_000, bulkWriter },
});
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`READY ${info.port}\n`);
});

createInterface({ input: process.stdin }).on("line", async (line) => {
  const [command, smtpPort, count] = line.split(" ");
  if (command !== "SEND") return;
  const list = Array.from(
    { length: Number(count) },
    (_, i) => `person.${i}@example.org;${scope[i % scope.length]?.code}`,
  ).join("\n");
  const mailer = workerMailer({
    host: "127.0.0.1",
    port: Number(smtpPort),
    tls: "none",
    ratePerSecond: DEFAULT_MAILS_PER_SECOND,
    from: "peilpunt@example.test",
  });
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const started = performance.now();
  const sending = await sendInvitations({
    db,
    actor,
    slug: BENCH_SLUG,
    kind: "invitation",
    list,
    secretKey,
    mailer,
    bulkWriter,
    origin: "http://127.0.0.1",
    now: new Date(),
  });
  void sending.finished.then(() => {
    const view = sending.view();
    const failed = view.kind === "invitation" ? view.failed : 0;
    const sent = view.kind === "invitation" ? view.sent : 0;
    mailer.close();
    loopDelay.disable();
    const ms = (ns: number) => (ns / 1e6).toFixed(1);
    process.stdout.write(
      `DONE ${(performance.now() - started).toFixed(0)} ${sent} ${failed} ${ms(loopDelay.percentile(99))} ${ms(loopDelay.max)}\n`,
    );
  });
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
