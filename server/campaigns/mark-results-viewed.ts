import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/open-database";
import { campaigns } from "../db/schema";

/**
 * Notes that results of a campaign were viewed (the results read service does, with its audit
 * entry): from then on its k may only go up. Only the first view is kept.
 */
export function markResultsViewed(db: Db, campaignId: string, now: Date = new Date()): void {
  db.update(campaigns)
    .set({ resultsViewedAt: now.toISOString() })
    .where(and(eq(campaigns.id, campaignId), isNull(campaigns.resultsViewedAt)))
    .run();
}
