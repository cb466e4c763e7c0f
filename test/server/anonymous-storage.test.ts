import { describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { openDatabase } from "../../server/db/open-database";
import { createFixtureCampaign } from "./campaign-fixture";

type Row = Record<string, unknown>;

describe("what a stored response can reveal", () => {
  const db = openDatabase(":memory:");
  const columns = (table: string) =>
    (db.$client.prepare(`PRAGMA table_info(${table})`).all() as Row[]).map((c) => c.name);

  it("a response holds its campaign, unit and answers and nothing else", () => {
    expect(columns("responses").sort()).toEqual(["answers", "campaign_id", "id", "unit_id"]);
  });

  it("responses and invitation codes are stored WITHOUT ROWID, so storage order follows the key", () => {
    const tables = db.$client.prepare("PRAGMA table_list").all() as Row[];
    expect(tables.find((t) => t.name === "responses")?.wr).toBe(1);
    expect(tables.find((t) => t.name === "invitation_codes")?.wr).toBe(1);
  });

  it("an invitation code row is its keyed hash, campaign, unit and a used flag, nothing else", () => {
    expect(columns("invitation_codes").sort()).toEqual(["campaign_id", "hash", "unit_id", "used"]);
  });

  it("no table keeps a time, language, address or device of a respondent", () => {
    const tables = (db.$client.prepare("PRAGMA table_list").all() as Row[])
      .map((t) => String(t.name))
      .filter((name) => !name.startsWith("sqlite_") && !name.startsWith("__drizzle"));
    const suspicious =
      /(created|updated|submitted|time|locale|lang|ip|agent|cookie|session|referr|device)/i;
    const respondentTables = ["responses", "invitation_codes"];
    for (const table of respondentTables) {
      expect(tables).toContain(table);
      expect(columns(table).filter((c) => suspicious.test(String(c)))).toEqual([]);
    }
  });

  it("ids are random, so neither ids nor storage order follow submission order", async () => {
    const campaign = createFixtureCampaign(db);
    const app = createApp({ db });
    const submitted: string[] = [];
    for (let i = 0; i < 40; i++) {
      const comment = `answer-${String(i).padStart(2, "0")}`;
      submitted.push(comment);
      const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answers: { unit: campaign.inScope[0], excluded: "no", comment } }),
      });
      expect(response.status).toBe(201);
    }
    const rows = db.$client.prepare("SELECT id, answers FROM responses").all() as {
      id: string;
      answers: string;
    }[];
    expect(rows.every((r) => /^[0-9a-f]{32}$/.test(r.id))).toBe(true);
    const stored = rows.map((r) => JSON.parse(r.answers).comment as string);
    expect(stored.sort()).toEqual(submitted);
    // Physical order is key order; the chance that 40 random keys come out in submission order
    // is 1/40!, so this fails only if storage followed arrival.
    const physical = (
      db.$client.prepare("SELECT answers FROM responses").all() as { answers: string }[]
    ).map((r) => JSON.parse(r.answers).comment as string);
    expect(physical).not.toEqual(submitted);
  });
});
