import { sql } from "drizzle-orm";
import type { Db } from "./open-database";

/**
 * The ids of campaigns whose stored release is missing or counts another number of respondents
 * than are stored now (the server stopped before a debounced rebuild ran).
 */
export function campaignIdsWithStaleRelease(db: Db): string[] {
  return db
    .all<{ id: string }>(
      sql`SELECT c.id AS id FROM campaigns c LEFT JOIN releases r ON r.campaign_id = c.id
          WHERE r.campaign_id IS NULL
             OR r.respondents <> (SELECT COUNT(*) FROM responses WHERE campaign_id = c.id)`,
    )
    .map((row) => row.id);
}
