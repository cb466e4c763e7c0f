import { eq, sql } from "drizzle-orm";
import type { Db } from "./open-database";
import { headcountReleases } from "./schema";

/**
 * What tells one stored headcount release row from another without reading its body: when it
 * was built, and the body's length as SQLite counts it (characters). Undefined: none stored.
 */
export function headcountReleaseStamp(
  db: Db,
  organisationId: string,
): { builtAt: string; length: number } | undefined {
  return db
    .select({
      builtAt: headcountReleases.builtAt,
      length: sql<number>`length(${headcountReleases.body})`,
    })
    .from(headcountReleases)
    .where(eq(headcountReleases.organisationId, organisationId))
    .get();
}
