import { recordAudit } from "../auth/audit";
import { campaignForReader, unitScopeOf } from "../auth/scope";
import { assertMayReadResults } from "../auth/separation-of-duties";
import type { SessionUser } from "../auth/sessions";
import { markResultsViewed } from "../campaigns/mark-results-viewed";
import type { Db } from "../db/open-database";
import { withTransaction } from "../db/with-transaction";
import { readRelease, type StoredRelease } from "./read-release";

/** A release as one reader may see it. */
export interface ViewedRelease extends StoredRelease {
  /** The units the reader may see; undefined for all of the organisation's. */
  visible: ReadonlySet<string> | undefined;
}

/**
 * Opens a campaign's stored, audited release for a reader: 404 when the campaign is out of
 * their scope or has no release yet, 403 for whoever generated or sent its codes; otherwise the view or export goes to the audit log and
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
    assertMayReadResults(tx, row.id, user.id);
    const stored = readRelease(tx, row.slug);
    recordAudit(tx, {
      actor: user,
      action,
      target: target ? `${row.slug} ${target}` : row.slug,
      organisationId: row.organisationId,
      at: now,
    });
    markResultsViewed(tx, row.id, now);
    return { ...stored, visible: unitScopeOf(tx, user) ?? undefined };
  });
}
