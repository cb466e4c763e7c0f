import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../db/open-database";
import { campaigns, responses } from "../db/schema";
import { readStoredHeadcountRelease } from "../headcounts/build-headcount-release";
import type { HeadcountBuildOutcome } from "../headcounts/headcount-release-queue";
import { knownHeadcountsIn } from "../headcounts/published-headcounts";

/**
 * Wraps a headcount release build so that, once a new headcount release is stored, the survey
 * releases of the organisation's campaigns whose reference date it changed are rebuilt: their
 * audit then takes the newly published staff totals as attacker knowledge (`knownHeadcounts`,
 * load-release-input.ts). A campaign is affected when the published totals at its reference
 * date (the latest on or before closing) differ between the release replaced and the new one;
 * next year's date leaves this year's closed campaign alone. Campaigns whose raw responses are
 * gone (retention) cannot be rebuilt and keep their release (README "Headcounts").
 */
export function rebuildingSurveysAfter(
  db: Db,
  build: (organisationId: string) => Promise<HeadcountBuildOutcome>,
  rebuild: (campaignId: string) => unknown,
): (organisationId: string) => Promise<HeadcountBuildOutcome> {
  return async (organisationId) => {
    const before = readStoredHeadcountRelease(db, organisationId)?.release;
    const outcome = await build(organisationId);
    if (outcome === "stored") {
      const after = readStoredHeadcountRelease(db, organisationId)?.release;
      for (const id of campaignsAffected(db, organisationId, before, after)) void rebuild(id);
    }
    return outcome;
  };
}

type StoredRelease = Parameters<typeof knownHeadcountsIn>[0];

/** The organisation's campaigns with responses whose published staff totals changed. */
export function campaignsAffected(
  db: Db,
  organisationId: string,
  before: StoredRelease,
  after: StoredRelease,
): string[] {
  const candidates = db
    .select({ id: campaigns.id, closesAt: campaigns.closesAt })
    .from(campaigns)
    .where(and(eq(campaigns.organisationId, organisationId), ne(campaigns.status, "draft")))
    .all();
  return candidates
    .filter(({ closesAt }) => {
      const day = closesAt.slice(0, 10);
      return !sameFigures(knownHeadcountsIn(before, day), knownHeadcountsIn(after, day));
    })
    .filter(({ id }) => hasResponses(db, id))
    .map(({ id }) => id);
}

function sameFigures(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function hasResponses(db: Db, campaignId: string): boolean {
  return (
    db
      .select({ id: responses.id })
      .from(responses)
      .where(eq(responses.campaignId, campaignId))
      .limit(1)
      .all().length > 0
  );
}
