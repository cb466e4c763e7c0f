import type { Db } from "./open-database";

/**
 * Memoises `build` once per database, for prepared statements on hot paths: building a
 * drizzle query costs more than running it.
 */
export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let value = cache.get(db);
    if (value === undefined) {
      value = build(db);
      cache.set(db, value);
    }
    return value;
  };
}
