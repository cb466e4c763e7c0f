import { sql } from "drizzle-orm";
import type { Db } from "./open-database";
import { itemLpFlagOf, whileOpenFlagOf } from "./release-audit-flags-sql";

/**
 * The ids of campaigns whose newest stored release is missing, counts another number of
 * respondents than are stored now (the server stopped before a debounced rebuild ran), or may
 * be served but was built without the item audit's LP stage: every release the server builds
 * for serving has it, so such a release was built by a version before that (interim releases of
 * open campaigns, and closed campaigns' releases from before final releases had it). A release
 * held back (not servable) is not rebuilt for that: built again from the same responses it
 * would be held back again. A closed campaign whose newest release was built while it was open
 * (organisation only, `audit.whileOpen`: the server stopped before the closing rebuild) is
 * stale too. A release whose campaign has no responses left is not stale:
 * retention deleted them (only it deletes responses, and only once a release exists), and a
 * rebuild would replace the kept release with an empty one. Open campaigns first (readers may
 * be waiting), then by closing date, so that a later wave of a questionnaire finds what the
 * earlier one hid (loadReleaseInput's previouslyHidden).
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
             OR (s.n IS NOT NULL AND r.respondents <> s.n)
             OR (s.n IS NOT NULL
                 AND r.servable = 1
                 AND ${itemLpFlagOf(sql.raw("r.release"))} IS NOT 1)
             OR (s.n IS NOT NULL
                 AND c.status IN ('closed', 'archived')
                 AND ${whileOpenFlagOf(sql.raw("r.release"))} = 1)
          ORDER BY c.status <> 'open', c.closes_at, c.id`,
    )
    .map((row) => row.id);
}
