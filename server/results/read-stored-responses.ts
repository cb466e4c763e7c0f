import type Database from "better-sqlite3";
import type { StoredResponse } from "./campaign-matrices";

/** A campaign's stored responses, one row at a time (never all in memory as JSON text). */
export function* readStoredResponses(
  sqlite: Database.Database,
  campaignId: string,
): Iterable<StoredResponse> {
  const statement = sqlite.prepare<[string], { id: string; unitId: string; answers: string }>(
    "SELECT id, unit_id AS unitId, answers FROM responses WHERE campaign_id = ?",
  );
  for (const row of statement.iterate(campaignId)) {
    yield {
      id: row.id,
      row: { unitId: row.unitId, answers: JSON.parse(row.answers) as Record<string, unknown> },
    };
  }
}
