import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { backupDatabase } from "../../server/db/backup-database";
import { openDatabase } from "../../server/db/open-database";
import { createFixtureCampaign } from "./campaign-fixture";

const dir = mkdtempSync(join(tmpdir(), "peilpunt-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ids = (sqlite: Database.Database) =>
  new Set(
    (sqlite.prepare("SELECT id FROM responses").all() as { id: string }[]).map((row) => row.id),
  );

/**
 * A live database of several thousand pages, and a client that keeps submitting to it through
 * the app while `during` runs. SQLite restarts a page-by-page backup whenever another connection
 * writes between two steps, so a backup copied in small steps would never finish here.
 */
async function backUpWhileSubmitting(name: string, during: (path: string) => Promise<unknown>) {
  const path = join(dir, `${name}.db`);
  const db = openDatabase(path);
  const campaign = createFixtureCampaign(db);
  const insert = db.$client.prepare(
    "INSERT INTO responses (id, campaign_id, unit_id, answers) VALUES (?, ?, ?, ?)",
  );
  const answers = JSON.stringify({ unit: campaign.inScope[0], comment: "x".repeat(400) });
  db.$client.transaction(() => {
    for (let i = 0; i < 20_000; i++) {
      insert.run(
        randomBytes(16).toString("hex"),
        campaign.campaignId,
        campaign.inScope[0],
        answers,
      );
    }
  })();
  const app = createApp({ db, config: { submissionsPerMinute: 1_000_000_000 } });
  const submit = () =>
    app.request(`/api/campaigns/${campaign.slug}/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answers: { unit: campaign.inScope[0], excluded: "no" } }),
    });
  for (let i = 0; i < 20; i++) expect((await submit()).status).toBe(201);

  const committedBefore = ids(db.$client);
  let backingUp = true;
  let submittedDuring = 0;
  const writer = (async () => {
    while (backingUp) {
      expect((await submit()).status).toBe(201);
      submittedDuring += 1;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  try {
    await during(path);
  } finally {
    backingUp = false;
    await writer;
  }
  const committedAfter = ids(db.$client);
  db.$client.close();
  expect(submittedDuring).toBeGreaterThan(0);
  expect(committedAfter.size).toBe(committedBefore.size + submittedDuring);
  return { committedBefore, committedAfter };
}

/** The copy opens, is intact, holds every row committed before the backup and no stranger. */
function expectConsistentCopy(
  target: string,
  {
    committedBefore,
    committedAfter,
  }: { committedBefore: Set<string>; committedAfter: Set<string> },
) {
  const copy = new Database(target, { readonly: true, fileMustExist: true });
  expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
  const copied = ids(copy);
  copy.close();
  for (const id of committedBefore) expect(copied.has(id)).toBe(true);
  for (const id of copied) expect(committedAfter.has(id)).toBe(true);
}

describe("backupDatabase", () => {
  it("copies a large live database consistently while submissions keep arriving", {
    timeout: 30_000,
  }, async () => {
    const target = join(dir, "copies", "in-process.db");
    let pages = 0;
    const rows = await backUpWhileSubmitting("in-process", async (path) => {
      pages = (await backupDatabase(path, target)).pages;
    });
    expect(pages).toBeGreaterThan(2_000);
    expectConsistentCopy(target, rows);
  });

  it("works as `npm run backup <target>` from another process while the app writes", {
    timeout: 60_000,
  }, async () => {
    const target = join(dir, "copies", "command.db");
    const rows = await backUpWhileSubmitting("command", (path) =>
      promisify(execFile)(
        process.execPath,
        ["--import", "tsx", "server/backup-command.ts", target],
        { env: { ...process.env, PEILPUNT_DB: path } },
      ),
    );
    expectConsistentCopy(target, rows);
  });
});
