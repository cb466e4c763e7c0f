import { recordAudit } from "../auth/audit";
import { campaignForReader, unitScopeOf } from "../auth/scope";
import type { SessionUser } from "../auth/sessions";
import { assertMayReadResults } from "../campaigns/assert-may-read-results";
import { markResultsViewed } from "../campaigns/mark-results-viewed";
import type { Db } from "../db/open-database";
import { withTransaction } from "../db/with-transaction";
import { readRelease, type StoredRelease } from "./read-release";

/** A release as one reader may see it. */
export interface ViewedRelease extends StoredRelease {
  /** The units the reader may see; undefined for all of the organisation's. */
  visible: ReadonlySet<string> | undefined;
  /** The campaign is still open: an interim release. */
  interim: boolean;
}

/**
 * Opens a campaign's stored, audited release for a reader: 404 when the campaign is out of
 * their scope or has no release yet, 403 while it is open and their role sees results only at
 * close (phased access); the release served is the newest that passed the sequence audit; otherwise the view or export goes to the audit log and
 * the campaign is marked as viewed (its k may only go up from now), in one transaction, so no
 * reader sees results that were not recorded.
 */
export function viewResults({
  db,
  user,
  slug,
  action,
  target,
  now,
}: {
  db: Db;
  user: SessionUser;
  slug: string;
  /** `results.view` or `results.export`. */
  action: "results.view" | "results.export";
  /** What within the release: a table, `comments`, `xlsx`. */
  target?: string;
  now: Date;
}): ViewedRelease {
  return withTransaction(db, (tx) => {
    const row = campaignForReader(tx, user, slug);
    const interim = assertMayReadResults(row, user.role, now);
    const stored = readRelease(tx, row.slug, now);
    recordAudit(tx, {
      actor: user,
      action,
      target: target ? `${row.slug} ${target}` : row.slug,
      organisationId: row.organisationId,
      at: now,
    });
    markResultsViewed(tx, row.id, now);
    return { ...stored, interim, visible: unitScopeOf(tx, user) ?? undefined };
  });
}
