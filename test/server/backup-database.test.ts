import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { backupDatabase } from "../../server/db/backup-database";
import { openDatabase } from "../../server/db/open-database";
import { createFixtureCampaign } from "./campaign-fixture";

const dir = mkdtempSync(join(tmpdir(), "peilpunt-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("backupDatabase", () => {
  it("copies a live database consistently while submissions continue", async () => {
    const path = join(dir, "live.db");
    const db = openDatabase(path);
    const campaign = createFixtureCampaign(db);
    const app = createApp({ db });
    const submit = () =>
      app.request(`/api/campaigns/${campaign.slug}/responses`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answers: { unit: campaign.inScope[0], excluded: "no" } }),
      });
    for (let i = 0; i < 50; i++) expect((await submit()).status).toBe(201);

    const backup = backupDatabase(path, join(dir, "copies", "copy.db"));
    const during = Array.from({ length: 50 }, submit);
    await Promise.all([backup, ...during]);

    const copy = new Database(join(dir, "copies", "copy.db"), { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const copied = (copy.prepare("SELECT count(*) AS n FROM responses").get() as { n: number }).n;
    expect(copied).toBeGreaterThanOrEqual(50);
    expect(copied).toBeLessThanOrEqual(100);
    copy.close();
    db.$client.close();
  });
});
