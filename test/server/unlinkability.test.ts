import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { openDatabase } from "../../server/db/open-database";
import { insertUser, signIn } from "./admin-fixture";
import { createFixtureCampaign } from "./campaign-fixture";

type Row = Record<string, unknown>;

const dir = mkdtempSync(join(tmpdir(), "peilpunt-unlink-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The whole database file as someone holding a copy would see it: every table, its columns,
 * whether it has a rowid, and every row in storage order.
 */
function dumpDatabase(path: string) {
  const db = new Database(path, { readonly: true });
  const tables = (db.prepare("PRAGMA table_list").all() as Row[]).filter(
    (t) => t.schema === "main" && t.type === "table" && !String(t.name).startsWith("sqlite_schema"),
  );
  const dump = new Map<string, { withoutRowid: boolean; columns: string[]; rows: Row[] }>();
  for (const table of tables) {
    const name = String(table.name);
    dump.set(name, {
      withoutRowid: table.wr === 1,
      columns: (db.prepare(`PRAGMA table_info("${name}")`).all() as Row[]).map((c) =>
        String(c.name),
      ),
      rows: db.prepare(`SELECT * FROM "${name}"`).all() as Row[],
    });
  }
  db.close();
  return dump;
}

describe("from the database alone, no response can be matched to its invitation code", () => {
  it("after codes were generated and some redeemed in a known order", async () => {
    const path = join(dir, "unlink.db");
    const db = openDatabase(path);
    const app = createApp({ db, config: { secretKey: randomBytes(32) } });
    const campaign = createFixtureCampaign(db, { accessMode: "invitation-codes" });
    const coordinator = await signIn(
      app,
      insertUser(db, "coordinator", { organisationId: campaign.organisationId }),
    );
    const codesByUnit = new Map<string, string[]>();
    for (const unitId of campaign.inScope) {
      const response = await coordinator.request(
        "POST",
        `/api/admin/campaigns/${campaign.slug}/codes`,
        { body: { unitId, count: 40 } },
      );
      codesByUnit.set(unitId, (await response.json()).codes);
    }
    // Redeem 25 codes per unit, interleaved, each response marked with its redemption order.
    const redeemed: { code: string; unitId: string; order: number }[] = [];
    for (let i = 0; i < 25; i++) {
      for (const unitId of campaign.inScope) {
        const code = codesByUnit.get(unitId)?.[i] as string;
        const order = redeemed.length;
        const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ answers: { excluded: "no", comment: `order-${order}` }, code }),
        });
        expect(response.status).toBe(201);
        redeemed.push({ code, unitId, order });
      }
    }
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    db.$client.close();

    const dump = dumpDatabase(path);
    const codes = dump.get("invitation_codes");
    const responses = dump.get("responses");
    if (!codes || !responses) throw new Error("tables missing");

    // What a code row and a response row are: nothing else.
    expect(codes.columns.sort()).toEqual(["campaign_id", "hash", "unit_id", "used"]);
    expect(responses.columns.sort()).toEqual(["answers", "campaign_id", "id", "unit_id"]);
    // The only columns they share are the campaign and the unit.
    expect(codes.columns.filter((c) => responses.columns.includes(c)).sort()).toEqual([
      "campaign_id",
      "unit_id",
    ]);
    // No rowid on either: storage order is the order of the random key / keyed hash.
    expect(codes.withoutRowid).toBe(true);
    expect(responses.withoutRowid).toBe(true);
    const hashes = codes.rows.map((r) => String(r.hash));
    expect(hashes).toEqual([...hashes].sort());
    const ids = responses.rows.map((r) => String(r.id));
    expect(ids).toEqual([...ids].sort());

    // Neither row carries a time, and no value anywhere holds a code or a response id elsewhere.
    const timeLike = /\d{4}-\d{2}-\d{2}/;
    for (const row of [...codes.rows, ...responses.rows]) {
      for (const [column, value] of Object.entries(row)) {
        if (column === "answers") continue;
        expect(String(value), column).not.toMatch(timeLike);
      }
    }
    const everythingElse = JSON.stringify(
      [...dump].filter(([name]) => name !== "responses").map(([, table]) => table.rows),
    );
    for (const id of ids) expect(everythingElse).not.toContain(id);
    const everything = JSON.stringify([...dump].map(([, table]) => table.rows));
    for (const { code } of redeemed) {
      expect(everything).not.toContain(code);
      expect(everything).not.toContain(code.replaceAll("-", ""));
    }

    // Used codes, read in storage order, do not follow redemption order: the used flags are
    // in hash order, and the responses in random-id order (a 1 in 50! chance otherwise).
    const storedOrder = responses.rows.map((r) => JSON.parse(String(r.answers)).comment);
    expect(storedOrder).not.toEqual(redeemed.map((r) => `order-${r.order}`));
    expect(codes.rows.filter((r) => r.used === 1)).toHaveLength(50);

    // Within a unit, every response fits every used code of that unit equally well.
    for (const unitId of campaign.inScope) {
      const used = codes.rows.filter((r) => r.unit_id === unitId && r.used === 1).length;
      const answered = responses.rows.filter((r) => r.unit_id === unitId).length;
      expect(used).toBe(25);
      expect(answered).toBe(25);
    }

    // No table counts submissions per day, and the audit log holds no response, code or
    // redemption moment.
    expect([...dump.keys()].filter((table) => /participation|daily/.test(table))).toEqual([]);
    const audit = dump.get("audit_log")?.rows ?? [];
    expect(audit.map((r) => r.action)).not.toContain("response.submit");
    expect(audit.every((r) => String(r.action).match(/^(login|codes|campaign|user|logout)/))).toBe(
      true,
    );
  });
});
