import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from "drizzle-kit/api";
import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { migrationsFolder, openDatabase } from "../../server/db/open-database";
import * as schema from "../../server/db/schema";
import {
  assertWithoutRowid,
  tablesLosingWithoutRowid,
  tablesMissingWithoutRowid,
  WITHOUT_ROWID_TABLES,
} from "../../server/db/without-rowid";

const BREAKPOINT = "\n--> statement-breakpoint\n";

/** The CREATE TABLE text SQLite keeps for a table, read apart from the code under test. */
function createdAs(db: ReturnType<typeof openDatabase>, table: string): string | undefined {
  const row = db.$client
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(table) as { sql: string } | undefined;
  return row?.sql;
}

/** What `npm run db:generate` would write if a change made drizzle-kit rebuild `responses`. */
async function generatedRebuildOfResponses(): Promise<string[]> {
  const before = await generateSQLiteDrizzleJson(schema);
  // The same table with `answers` made nullable: SQLite cannot alter that in place.
  const responses = sqliteTable("responses", {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => schema.campaigns.id),
    unitId: text("unit_id")
      .notNull()
      .references(() => schema.units.id),
    answers: text("answers"),
  });
  const after = await generateSQLiteDrizzleJson({ ...schema, responses }, before.id);
  return generateSQLiteMigration(before, after);
}

describe("tables stored WITHOUT ROWID (no arrival order)", () => {
  it("are responses and invitation codes", () => {
    expect(WITHOUT_ROWID_TABLES).toEqual(["responses", "invitation_codes"]);
  });

  it("are WITHOUT ROWID in the migrated schema (sqlite_master)", () => {
    const db = openDatabase(":memory:");
    for (const table of WITHOUT_ROWID_TABLES) {
      expect(createdAs(db, table), table).toMatch(/\)\s*WITHOUT ROWID$/i);
    }
    expect(tablesMissingWithoutRowid(db)).toEqual([]);
  });

  it("keep it in every committed migration that creates or rebuilds them", () => {
    const journal = JSON.parse(
      readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8"),
    ) as { entries: { tag: string }[] };
    expect(journal.entries.length).toBeGreaterThan(0);
    for (const { tag } of journal.entries) {
      const sql = readFileSync(join(migrationsFolder, `${tag}.sql`), "utf8");
      expect(
        tablesLosingWithoutRowid(sql),
        `${tag}.sql creates these tables without WITHOUT ROWID; see server/db/without-rowid.ts`,
      ).toEqual([]);
    }
  });

  it("a migration drizzle-kit generates to rebuild one loses it, and both checks name the table", async () => {
    const statements = await generatedRebuildOfResponses();
    expect(statements.some((statement) => statement.includes("`__new_responses`"))).toBe(true);
    expect(tablesLosingWithoutRowid(statements.join(BREAKPOINT))).toEqual(["responses"]);

    const db = openDatabase(":memory:");
    for (const statement of statements) db.$client.exec(statement);
    expect(createdAs(db, "responses")).not.toMatch(/WITHOUT ROWID/i);
    expect(tablesMissingWithoutRowid(db)).toEqual(["responses"]);
    expect(() => assertWithoutRowid(db)).toThrow(/Not WITHOUT ROWID.*: responses\./);
  }, 30_000);

  it("re-adding it to the generated CREATE TABLE, as server/db/without-rowid.ts says, passes both", async () => {
    const statements = (await generatedRebuildOfResponses()).map((statement) =>
      statement.includes("CREATE TABLE `__new_responses`")
        ? statement.replace(/\)\s*;\s*$/, ") WITHOUT ROWID;\n")
        : statement,
    );
    expect(tablesLosingWithoutRowid(statements.join(BREAKPOINT))).toEqual([]);
    const db = openDatabase(":memory:");
    for (const statement of statements) db.$client.exec(statement);
    expect(tablesMissingWithoutRowid(db)).toEqual([]);
  }, 30_000);
});
