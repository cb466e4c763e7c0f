import { chmodSync, existsSync } from "node:fs";

/**
 * From now on, every file and folder this process creates is its owner's only (0600/0700):
 * the database with its WAL and SHM files (SQLite creates those itself), backups, the secret
 * key and the demo accounts file. They hold raw answers, staff data and passwords, and other
 * local users of the machine have no business reading them.
 */
export function createFilesOwnerOnly(): void {
  process.umask(0o077);
}

/** Tightens files that an earlier version of Peilpunt created readable by everyone. */
export function restrictToOwner(paths: readonly string[]): void {
  for (const path of paths) {
    if (existsSync(path)) chmodSync(path, 0o600);
  }
}
