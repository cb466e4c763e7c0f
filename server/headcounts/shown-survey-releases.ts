import { and, eq, inArray, isNotNull, max, ne } from "drizzle-orm";
import type { Release } from "../../analysis/release-types";
import type { Db } from "../db/open-database";
import { campaigns, releases } from "../db/schema";
import { referenceDateOn } from "./reference-date";

/** The survey releases a headcount build must not expose (analysis/headcount-survey-caps.ts). */
export interface ShownSurveyReleases {
  /**
   * Every release readers were shown (the release sequence: `first_served_at` set) of the
   * organisation's campaigns whose reference date is this date: the latest of `referenceDates`
   * on or before the campaign's closing day (reference-date.ts).
   */
  forDate(referenceDate: string): Release[];
  /**
   * The newest shown release among those campaigns: when it changed before the headcount release
   * is stored, a release was shown that the build did not see, and the build runs again.
   */
  newestShown(): number;
}

/** Reads the shown survey releases of an organisation's campaigns, per reference date. */
export function shownSurveyReleases(
  db: Db,
  organisationId: string,
  referenceDates: readonly string[],
): ShownSurveyReleases {
  const byDate = new Map<string, string[]>();
  const candidates = db
    .select({ id: campaigns.id, closesAt: campaigns.closesAt })
    .from(campaigns)
    .where(and(eq(campaigns.organisationId, organisationId), ne(campaigns.status, "draft")))
    .all();
  for (const { id, closesAt } of candidates) {
    const date = referenceDateOn(referenceDates, closesAt.slice(0, 10));
    if (date !== undefined) byDate.set(date, [...(byDate.get(date) ?? []), id]);
  }
  const campaignIds = [...byDate.values()].flat();
  return {
    forDate(referenceDate) {
      const ids = byDate.get(referenceDate) ?? [];
      if (ids.length === 0) return [];
      return db
        .select({ release: releases.release })
        .from(releases)
        .where(and(inArray(releases.campaignId, ids), isNotNull(releases.firstServedAt)))
        .orderBy(releases.id)
        .all()
        .map((row) => JSON.parse(row.release) as Release);
    },
    newestShown() {
      if (campaignIds.length === 0) return 0;
      const row = db
        .select({ newest: max(releases.id) })
        .from(releases)
        .where(and(inArray(releases.campaignId, campaignIds), isNotNull(releases.firstServedAt)))
        .get();
      return row?.newest ?? 0;
    },
  };
}
