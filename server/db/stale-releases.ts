import { sql } from "drizzle-orm";
import type { Db } from "./open-database";

/**
 * The ids of campaigns whose newest stored release is missing or counts another number of respondents
 * than are stored now (the server stopped before a debounced rebuild ran). A release whose
 * campaign has no responses left is not stale: retention deleted them (only it deletes
 * responses, and only once a release exists), and a rebuild would replace the kept release
 * with an empty one.
 */
export function campaignIdsWithStaleRelease(db: Db): string[] {
  return db
    .all<{ id: string }>(
      sql`SELECT c.id AS id FROM campaigns c
          LEFT JOIN releases r
            ON r.id = (SELECT MAX(id) FROM releases WHERE campaign_id = c.id)
          LEFT JOIN (SELECT campaign_id, COUNT(*) AS n FROM responses GROUP BY campaign_id) s
            ON s.campaign_id = c.id
          WHERE r.id IS NULL
             OR (s.n IS NOT NULL AND r.respondents <> s.n)`,
    )
    .map((row) => row.id);
}
