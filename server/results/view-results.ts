import { recordAudit } from "../auth/audit";
import { campaignForReader, unitScopeOf } from "../auth/scope";
import { assertNotCodeDistributor } from "../auth/separation-of-duties";
import type { SessionUser } from "../auth/sessions";
import { assertMayReadResults } from "../campaigns/assert-may-read-results";
import { markResultsViewed } from "../campaigns/mark-results-viewed";
import type { Db } from "../db/open-database";
import { withTransaction } from "../db/with-transaction";
import { type FinalReleaseState, finalReleaseState } from "./final-release-state";
import { readRelease, releaseTables, type StoredRelease, tableGroups } from "./read-release";

/** A release as one reader may see it. */
export interface ViewedRelease extends StoredRelease {
  /** The units the reader may see; undefined for all of the organisation's. */
  visible: ReadonlySet<string> | undefined;
  /** The campaign is still open: an interim release. */
  interim: boolean;
  /** Closed, but the release served was built while it was open (final-release-state.ts). */
  finalRelease?: FinalReleaseState;
}

/** A comparison of waves (viewed on screen) or one of its downloads. */
export type ComparisonFormat =
  | "comparison"
  | "comparison-csv"
  | "comparison-csv-for-excel"
  | "comparison-xlsx";

/**
 * What within a release is viewed: all of it, its comments, the workbook, or one table (as a
 * download, or as one wave of a comparison).
 */
export type ResultsPart =
  | "summary"
  | "comments"
  | "staff-composition"
  | "staff-composition-csv"
  | "staff-composition-csv-for-excel"
  | "xlsx"
  | {
      table: string;
      format?: "csv-for-excel" | "json" | ComparisonFormat;
      /**
       * An earlier wave of a comparison may lack the table (its questionnaire did not ask that
       * breakdown): opened all the same, without `viewedTable`, and logged without the table.
       */
      ifPresent?: boolean;
    };

/** One table of a release as one reader may see it. */
export type ViewedTable = ReturnType<typeof tableGroups>;

/**
 * Opens a campaign's stored, audited release for a reader: 404 when the campaign is out of
 * their scope or has no release yet, 403 while it is open and their role sees results only at
 * close (phased access) or for whoever generated or sent its codes (separation of duties), 404 for a table the release does not have; the release served is the
 * newest that passed the sequence audit. Only then does the view or export go to the audit log
 * and the campaign get marked as viewed (its k may only go up from now), in one transaction, so
 * no reader sees results that were not recorded, and a request that was refused writes nothing
 * (the log's target is the campaign's slug and a table id of the release, never URL text).
 */
export function viewResults({
  db,
  user,
  slug,
  action,
  part,
  now,
}: {
  db: Db;
  user: SessionUser;
  slug: string;
  /** `results.view` or `results.export`. */
  action: "results.view" | "results.export";
  part: ResultsPart;
  now: Date;
}): ViewedRelease & { viewedTable?: ViewedTable } {
  return withTransaction(db, (tx) => {
    const row = campaignForReader(tx, user, slug);
    const interim = assertMayReadResults(row, user.role, now);
    assertNotCodeDistributor(tx, row.id, user.id);
    const stored = readRelease(tx, row.slug, now);
    const visible = unitScopeOf(tx, user) ?? undefined;
    const viewedTable =
      typeof part === "object" &&
      (!part.ifPresent || releaseTables(stored.release).some((table) => table.id === part.table))
        ? tableGroups(stored.release, part.table, visible)
        : undefined;
    const target = viewedTable
      ? [viewedTable.table.id, typeof part === "object" ? part.format : undefined]
          .filter(Boolean)
          .join(" ")
      : typeof part === "object"
        ? part.format
        : part === "summary"
          ? undefined
          : part;
    recordAudit(tx, {
      actor: user,
      action,
      target: target ? `${row.slug} ${target}` : row.slug,
      organisationId: row.organisationId,
      at: now,
    });
    markResultsViewed(tx, row.id, now);
    const finalRelease = finalReleaseState(tx, row, stored, now);
    return {
      ...stored,
      interim,
      visible,
      ...(finalRelease ? { finalRelease } : {}),
      ...(viewedTable ? { viewedTable } : {}),
    };
  });
}
