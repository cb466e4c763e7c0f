import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import * as schema from "./schema";
import { assertWithoutRowid } from "./without-rowid";

/**
 * A connection or a transaction: what every service takes. A transaction is a database, so a
 * service can run inside a larger transaction (see withTransaction). It offers drizzle's query
 * builder only; the driver handle stays with DbConnection, for server/db/ alone.
 */
export type Db = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;

/** An open database: a Db plus the driver handle that server/db/ needs to close or stream it. */
export type DbConnection = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The committed migrations, applied in the order of their journal (meta/_journal.json). */
export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Opens (creating if needed) the SQLite database and applies the committed migrations.
 * `:memory:` gives a private in-memory database, as the tests use.
 */
export function openDatabase(path: string): DbConnection {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // WAL with synchronous=FULL: a commit is on disk (the WAL is fsynced) before we answer 201,
  // so every acknowledged response survives a crash or power loss; readers never block writers.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Deleted responses (retention) are overwritten, not left readable in free pages.
  sqlite.pragma("secure_delete = ON");
  const db = drizzle(sqlite, { schema }) as DbConnection;
  migrate(db, { migrationsFolder });
  assertWithoutRowid(db);
  return db;
}

/**
 * Opens an existing database file read-only, without migrating: a second connection for
 * readers that must never wait on the server (the release worker).
 */
export function openReadOnlyDatabase(path: string): DbConnection {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  return drizzle(sqlite, { schema }) as DbConnection;
}

/** Closes an open database (at shutdown, at the end of a command). */
export function closeDatabase(db: DbConnection): void {
  db.$client.close();
}
