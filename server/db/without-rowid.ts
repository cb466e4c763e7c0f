import { sql } from "drizzle-orm";
import type { Db } from "./open-database";

/**
 * Tables that must be `WITHOUT ROWID`, a privacy property: their rows are stored in the order
 * of their random key (a response's random id, a code's keyed hash), so neither a rowid nor
 * the file's storage order tells in which order responses arrived or codes were redeemed.
 *
 * drizzle-kit does not know this table option: `npm run db:generate` writes `CREATE TABLE`
 * without it, and when a change makes it rebuild a table (`CREATE TABLE __new_<table>`, copy,
 * drop, rename) the rebuilt table silently loses it. After generating a migration that creates
 * or rebuilds one of these tables, add ` WITHOUT ROWID` after the closing parenthesis of that
 * `CREATE TABLE` statement in the new .sql file (as 0000_init.sql and 0002_accounts.sql do),
 * with a comment at the top of the file saying so. test/server/without-rowid.test.ts fails,
 * naming the table, until that is done, and openDatabase refuses to open such a database.
 */
export const WITHOUT_ROWID_TABLES = ["responses", "invitation_codes"] as const;

/** The tables of WITHOUT_ROWID_TABLES that the database holds with a rowid (or not at all). */
export function tablesMissingWithoutRowid(db: Db): string[] {
  const rows = db.all<{ name: string; sql: string }>(
    sql`SELECT name, sql FROM sqlite_master WHERE type = 'table'`,
  );
  const created = new Map(rows.map((row) => [row.name, row.sql]));
  return WITHOUT_ROWID_TABLES.filter((table) => !endsWithoutRowid(created.get(table) ?? ""));
}

/** Throws, naming the tables, when a table that must be WITHOUT ROWID is not. */
export function assertWithoutRowid(db: Db): void {
  const missing = tablesMissingWithoutRowid(db);
  if (missing.length > 0) {
    throw new Error(
      `Not WITHOUT ROWID, so storage order would show arrival order: ${missing.join(", ")}. See server/db/without-rowid.ts to re-add it to the migration.`,
    );
  }
}

/**
 * The tables of WITHOUT_ROWID_TABLES that a migration's SQL creates, or rebuilds as drizzle-kit
 * does (`__new_<table>`), without WITHOUT ROWID.
 */
export function tablesLosingWithoutRowid(migrationSql: string): string[] {
  const lost: string[] = [];
  for (const statement of migrationSql.split("--> statement-breakpoint")) {
    const code = statement.replace(/--[^\n]*/g, "");
    const created = /CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[`"[]?(?:__new_)?(\w+)/i.exec(code);
    const table = WITHOUT_ROWID_TABLES.find((name) => name === created?.[1]);
    if (table && !endsWithoutRowid(code)) lost.push(table);
  }
  return lost;
}

function endsWithoutRowid(createTable: string): boolean {
  return /\)\s*WITHOUT\s+ROWID\s*;?\s*$/i.test(createTable);
}
