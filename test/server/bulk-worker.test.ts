import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { closeDatabase, type DbConnection, openDatabase } from "../../server/db/open-database";
import { type BulkWriter, workerBulkWriter } from "../../server/jobs/bulk-writer";
import { type Agent, expectProblem, insertUser, signIn } from "./admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

// Code generation on a database file goes to a worker thread with its own connection: what it
// stores must be exactly what the server then reads, and a failure must leave nothing behind.
let dir: string;
let db: DbConnection;
let writer: BulkWriter;
let app: ReturnType<typeof createApp>;
let campaign: FixtureCampaign;
let coordinator: Agent;
const secretKey = randomBytes(32);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "peilpunt-bulk-"));
  const path = join(dir, "bulk.db");
  db = openDatabase(path);
  writer = workerBulkWriter(path, secretKey);
  app = createApp({ db, config: { secretKey, bulkWriter: writer } });
  campaign = createFixtureCampaign(db, { accessMode: "invitation-codes" });
  coordinator = await signIn(
    app,
    insertUser(db, "coordinator", { organisationId: campaign.organisationId }),
  );
});

afterAll(async () => {
  await writer.close();
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;

describe("code generation in the bulk worker", () => {
  it("stores the codes it returns, redeemable by the server, with one audit entry", async () => {
    const answer = await coordinator.request(
      "POST",
      `/api/admin/campaigns/${campaign.slug}/codes`,
      {
        body: { unitId: campaign.inScope[0], count: 2000 },
      },
    );
    expect(answer.status).toBe(201);
    const { codes } = (await answer.json()) as { codes: string[] };
    expect(new Set(codes).size).toBe(2000);
    expect(count("SELECT count(*) AS n FROM invitation_codes")).toBe(2000);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'codes.generate'")).toBe(1);
    for (const code of [codes[0], codes[1999]]) {
      const check = await app.request(`/api/campaigns/${campaign.slug}/code-check`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code }),
      });
      expect(check.status).toBe(204);
    }
  });

  it("keeps nothing of a generation that fails in the worker", async () => {
    db.$client.exec(
      "CREATE TRIGGER disk_full BEFORE INSERT ON invitation_codes WHEN (SELECT count(*) FROM invitation_codes) >= 3000 BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const failed = await coordinator.request(
      "POST",
      `/api/admin/campaigns/${campaign.slug}/codes`,
      { body: { unitId: campaign.inScope[1], count: 2000 } },
    );
    expect(failed.status).toBe(500);
    expect(count("SELECT count(*) AS n FROM invitation_codes")).toBe(2000);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'codes.generate'")).toBe(1);
    db.$client.exec("DROP TRIGGER disk_full");
    // The worker is still there for the next generation.
    const again = await coordinator.request("POST", `/api/admin/campaigns/${campaign.slug}/codes`, {
      body: { unitId: campaign.inScope[1], count: 10 },
    });
    expect(again.status).toBe(201);
    await expectProblem(
      await coordinator.request("POST", `/api/admin/campaigns/${campaign.slug}/codes`, {
        body: { unitId: "no-such-unit", count: 10 },
      }),
      422,
    );
  });
});
