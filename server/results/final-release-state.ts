import { and, eq, gte, sql } from "drizzle-orm";
import type { Release } from "../../analysis/release-types";
import { effectiveStatus } from "../campaigns/campaign-status";
import type { Db } from "../db/open-database";
import { whileOpenFlagOf } from "../db/release-audit-flags-sql";
import { type CampaignStatus, releases } from "../db/schema";

/**
 * Why readers of a closed campaign get a release built while it was still open, which lacks the
 * answers given after it: the release at close is not built yet (`computing`: closing rebuilds at
 * once, closing by date within the hour), or it was built and the sequence audit held it back
 * (`held-back`: shown beside the releases read while the campaign was open, it would tell
 * something about the last respondents). Undefined while the campaign is open, and when the
 * release served was built at or after closing (it holds every answer: no answer is taken
 * after closing, which sets `closesAt`) from the closed campaign: a build that started while
 * it was open and was stored after closing has the organisation only (`audit.whileOpen`) and
 * is no release at close; the closing rebuild follows it.
 *
 * Readers could tell as much already from the served release's date and the closing date; this
 * only says it in words, so that nobody takes those figures for the final ones.
 */
export type FinalReleaseState = "computing" | "held-back";

export function finalReleaseState(
  db: Db,
  campaign: { id: string; status: CampaignStatus; closesAt: string },
  served: { builtAt: string; release: Release },
  now: Date,
): FinalReleaseState | undefined {
  const status = effectiveStatus(campaign, now);
  if (status !== "closed" && status !== "archived") return undefined;
  if (served.builtAt >= campaign.closesAt && served.release.audit.whileOpen !== true)
    return undefined;
  const builtAtClose = db
    .select({ id: releases.id })
    .from(releases)
    .where(
      and(
        eq(releases.campaignId, campaign.id),
        gte(releases.builtAt, campaign.closesAt),
        sql`${whileOpenFlagOf(releases.release)} IS NOT 1`,
      ),
    )
    .limit(1)
    .get();
  return builtAtClose ? "held-back" : "computing";
}

/** What a download says about its figures: interim, or why a closed campaign's lack answers. */
export function figuresNote(read: {
  interim?: boolean;
  finalRelease?: FinalReleaseState;
}): "interim" | FinalReleaseState | undefined {
  return read.interim ? "interim" : read.finalRelease;
}
