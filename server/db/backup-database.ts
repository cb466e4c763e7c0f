import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

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
    const { totalPages } = await source.backup(targetPath);
    return { pages: totalPages };
  } finally {
    source.close();
  }
}
