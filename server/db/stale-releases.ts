import { sql } from "drizzle-orm";
import type { Db } from "./open-database";

/**
 * The ids of campaigns whose newest stored release is missing, counts another number of
 * respondents than are stored now (the server stopped before a debounced rebuild ran), or was
 * built without the item audit's LP stage although the campaign is closed (its closing date
 * passed counts, as in loadReleaseInput): an interim release built before the close, whose
 * rebuild at close the server did not finish, or any release of a campaign closed before final
 * releases were built with the LP stage. A release whose campaign has no responses left is not
 * stale: retention deleted them (only it deletes responses, and only once a release exists),
 * and a rebuild would replace the kept release with an empty one. Open campaigns first (their
 * builds are short and readers may be waiting), then by closing date, so that a later wave of
 * a questionnaire finds what the earlier one hid (loadReleaseInput's previouslyHidden).
 */
export function campaignIdsWithStaleRelease(db: Db, now: Date = new Date()): string[] {
  return db
    .all<{ id: string }>(
      sql`SELECT c.id AS id FROM campaigns c
          LEFT JOIN releases r
            ON r.id = (SELECT MAX(id) FROM releases WHERE campaign_id = c.id)
          LEFT JOIN (SELECT campaign_id, COUNT(*) AS n FROM responses GROUP BY campaign_id) s
            ON s.campaign_id = c.id
          WHERE r.id IS NULL
             OR (s.n IS NOT NULL AND r.respondents <> s.n)
             OR (s.n IS NOT NULL
                 AND (c.status IN ('closed', 'archived')
                      OR (c.status = 'open' AND julianday(c.closes_at) <= julianday(${now.toISOString()})))
                 AND json_extract(r.release, '$.audit.itemLp') IS NOT 1)
          ORDER BY c.status <> 'open', c.closes_at, c.id`,
    )
    .map((row) => row.id);
}
