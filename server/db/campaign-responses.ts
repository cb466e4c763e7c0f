import type { DbConnection } from "./open-database";

/** A stored response as the table holds it: the answers still as JSON text. */
export interface StoredResponseRow {
  id: string;
  unitId: string;
  answers: string;
}

/**
 * A campaign's stored responses, one row at a time, so up to ~100,000 of them are never all in
 * memory as JSON text at once. Streaming is the driver's (better-sqlite3's `iterate`); drizzle's
 * query builder can only return them all, hence raw SQL on the connection.
 */
export function* iterateCampaignResponses(
  db: DbConnection,
  campaignId: string,
): Iterable<StoredResponseRow> {
  const statement = db.$client.prepare<[string], StoredResponseRow>(
    "SELECT id, unit_id AS unitId, answers FROM responses WHERE campaign_id = ?",
  );
  yield* statement.iterate(campaignId);
}
