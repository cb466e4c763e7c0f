import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { migrationsFolder } from "../../server/db/open-database";

/**
 * A database file at `path` migrated as it was before the migration tagged `before` (e.g.
 * "0015"), with foreign keys on as the server has them: a test fills it the old way, closes it
 * and opens it with openDatabase to migrate it on.
 */
export function databaseBefore(dir: string, before: string, path: string): Database.Database {
  const old = join(dir, `migrations-before-${before}`);
  mkdirSync(join(old, "meta"), { recursive: true });
  const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8"));
  journal.entries = journal.entries.filter((entry: { tag: string }) => entry.tag < before);
  writeFileSync(join(old, "meta/_journal.json"), JSON.stringify(journal));
  for (const entry of journal.entries as { tag: string }[]) {
    copyFileSync(join(migrationsFolder, `${entry.tag}.sql`), join(old, `${entry.tag}.sql`));
  }
  const sqlite = new Database(path);
  sqlite.pragma("foreign_keys = ON");
  migrate(drizzle(sqlite), { migrationsFolder: old });
  return sqlite;
}
