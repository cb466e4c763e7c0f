import { and, eq, inArray } from "drizzle-orm";
import type { Role } from "../contract/vocabulary";
import type { Db } from "../db/open-database";
import { campaigns, evaluatorCampaigns } from "../db/schema";
import { InvalidInputError } from "../errors";

/** The campaigns an evaluator is limited to; empty when they read every campaign in scope. */
export function campaignLimitOf(db: Db, userId: string): string[] {
  return db
    .select({ campaignId: evaluatorCampaigns.campaignId })
    .from(evaluatorCampaigns)
    .where(eq(evaluatorCampaigns.userId, userId))
    .all()
    .map((row) => row.campaignId)
    .sort();
}

/** The same limit as campaign slugs, as the users API shows it. */
export function campaignSlugLimitOf(db: Db, userId: string): string[] {
  return db
    .select({ slug: campaigns.slug })
    .from(evaluatorCampaigns)
    .innerJoin(campaigns, eq(campaigns.id, evaluatorCampaigns.campaignId))
    .where(eq(evaluatorCampaigns.userId, userId))
    .all()
    .map((row) => row.slug)
    .sort();
}

/**
 * Sets the campaigns (by slug) an evaluator is limited to (empty: none, they read every
 * campaign of their organisation). Only evaluators are limited, and only to campaigns of their
 * organisation (422 on `campaigns` otherwise). Call it inside the caller's transaction.
 */
export function setCampaignLimit(
  tx: Db,
  user: { id: string; role: Role; organisationId: string | null },
  campaignSlugs: readonly string[],
): void {
  const slugs = [...new Set(campaignSlugs)];
  if (slugs.length > 0 && user.role !== "evaluator") {
    throw new InvalidInputError("Only evaluators are limited to campaigns.", [
      { question: "campaigns", message: "only evaluators are limited to campaigns" },
    ]);
  }
  const wanted =
    slugs.length === 0
      ? []
      : tx
          .select({ id: campaigns.id })
          .from(campaigns)
          .where(
            and(
              inArray(campaigns.slug, slugs),
              eq(campaigns.organisationId, user.organisationId ?? ""),
            ),
          )
          .all()
          .map((row) => row.id);
  if (wanted.length !== slugs.length) {
    throw new InvalidInputError("Not all campaigns belong to the evaluator's organisation.", [
      { question: "campaigns", message: "not all campaigns belong to the organisation" },
    ]);
  }
  tx.delete(evaluatorCampaigns).where(eq(evaluatorCampaigns.userId, user.id)).run();
  if (wanted.length > 0) {
    tx.insert(evaluatorCampaigns)
      .values(wanted.map((campaignId) => ({ userId: user.id, campaignId })))
      .run();
  }
}
