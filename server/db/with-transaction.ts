import type { Db } from "./open-database";

export interface TransactionOptions {
  /** `immediate` takes the write lock at the start (a read followed by a dependent write). */
  behavior?: "deferred" | "immediate" | "exclusive";
}

/**
 * Runs `work` in one transaction: all its writes commit together or none do. Called with a
 * transaction, it nests (a savepoint), so services that open their own transaction can also
 * run inside a caller's. The work must be synchronous: SQLite commits when it returns.
 */
export function withTransaction<T>(db: Db, work: (tx: Db) => T, options?: TransactionOptions): T {
  return db.transaction((tx) => {
    const result = work(tx);
    if (isThenable(result)) {
      // Throwing here rolls back; returning would commit before the promise settles.
      throw new Error("A transaction's work must be synchronous; it returned a promise.");
    }
    return result;
  }, options);
}

function isThenable(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
