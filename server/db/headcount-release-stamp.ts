import { eq, sql } from "drizzle-orm";
import type { Db } from "./open-database";
import { headcountReleaseDates, headcountReleases } from "./schema";

/**
 * What tells one stored headcount release from another without reading it: when it was built,
 * and the length of its body and of its dates' bodies together as SQLite counts them
 * (characters).
 */
export interface HeadcountReleaseStamp {
  builtAt: string;
  length: number;
}

/** The stamp of an organisation's stored headcount release; undefined: none stored. */
export function headcountReleaseStamp(
  db: Db,
  organisationId: string,
): HeadcountReleaseStamp | undefined {
  return db
    .select({
      builtAt: headcountReleases.builtAt,
      length: sql<number>`length(${headcountReleases.body}) + coalesce((select sum(length(${headcountReleaseDates.body})) from ${headcountReleaseDates} where ${headcountReleaseDates.organisationId} = ${headcountReleases.organisationId}), 0)`,
    })
    .from(headcountReleases)
    .where(eq(headcountReleases.organisationId, organisationId))
    .get();
}
