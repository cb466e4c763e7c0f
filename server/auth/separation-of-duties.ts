import { and, eq } from "drizzle-orm";
import type { Db } from "../db/open-database";
import { codeDistributors } from "../db/schema";
import { ForbiddenError } from "../errors";

/**
 * Records that a staff member generated or sent invitation codes for a campaign: from now on
 * they may not read its results (README "Invitations": separation of duties).
 */
export function recordCodeDistributor(db: Db, campaignId: string, userId: string): void {
  db.insert(codeDistributors).values({ campaignId, userId }).onConflictDoNothing().run();
}

/** Whether a staff member generated or sent invitation codes for a campaign. */
export function isCodeDistributor(db: Db, campaignId: string, userId: string): boolean {
  return (
    db
      .select({ userId: codeDistributors.userId })
      .from(codeDistributors)
      .where(and(eq(codeDistributors.campaignId, campaignId), eq(codeDistributors.userId, userId)))
      .get() !== undefined
  );
}

/** 403 for whoever generated or sent a campaign's codes: they could pad a group, then subtract. */
export function assertNotCodeDistributor(db: Db, campaignId: string, userId: string): void {
  if (isCodeDistributor(db, campaignId, userId)) {
    throw new ForbiddenError(
      "You generated or sent invitation codes for this campaign, so you cannot read its results (separation of duties): someone else in your organisation can.",
      "separation-of-duties",
    );
  }
}
