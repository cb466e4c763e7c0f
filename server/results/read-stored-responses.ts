import { iterateCampaignResponses } from "../db/campaign-responses";
import type { DbConnection } from "../db/open-database";
import type { StoredResponse } from "./campaign-matrices";

/** A campaign's stored responses, one row at a time (never all in memory as JSON text). */
export function* readStoredResponses(
  db: DbConnection,
  campaignId: string,
): Iterable<StoredResponse> {
  for (const row of iterateCampaignResponses(db, campaignId)) {
    yield {
      id: row.id,
      row: { unitId: row.unitId, answers: JSON.parse(row.answers) as Record<string, unknown> },
    };
  }
}
