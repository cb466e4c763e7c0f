import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

/** Every remaining page in one step (SQLite's largest step). */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies a live database with SQLite's online backup API: the copy is consistent (one
 * snapshot) even while the server keeps writing, and writers are not blocked.
 */
export async function backupDatabase(
  sourcePath: string,
  targetPath: string,
): Promise<{ pages: number }> {
  mkdirSync(dirname(targetPath), { recursive: true });
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    // All pages in one step, under one read transaction. better-sqlite3's default copies 100
    // pages per step, and SQLite restarts the copy whenever another connection writes between
    // two steps: with submissions arriving every few milliseconds a large database would
    // never finish. In WAL mode the single long read does not block the writer.
    const { totalPages } = await source.backup(targetPath, { progress: () => ALL_PAGES });
    return { pages: totalPages };
  } finally {
    source.close();
  }
}
