import { and, eq } from "drizzle-orm";
import { recordAudit } from "../auth/audit";
import { recordCodeDistributor } from "../auth/separation-of-duties";
import type { SessionUser } from "../auth/sessions";
import { effectiveStatus } from "../campaigns/campaign-status";
import { manageableCampaign } from "../campaigns/manageable-campaign";
import type { Db } from "../db/open-database";
import { campaignUnits, invitationCodes } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { ConflictError, InvalidInputError } from "../errors";
import { codeHash, displayCode, generateCode } from "./invitation-code";

/**
 * Generates `count` single-use codes for one unit of a campaign in one transaction and returns
 * them for display, once: only their keyed hashes are stored, so they cannot be shown again.
 * The audit log records the count, never a code; the generator can no longer read the
 * campaign's results (separation of duties).
 */
export function generateCodes({
  db,
  actor,
  slug,
  unitId,
  count,
  secretKey,
  now,
}: {
  db: Db;
  actor: SessionUser;
  slug: string;
  unitId: string;
  count: number;
  secretKey: Uint8Array;
  now: Date;
}): string[] {
  const campaign = manageableCampaign(db, actor, slug);
  if (campaign.accessMode !== "invitation-codes") {
    throw new ConflictError(
      "This campaign uses an open link, not invitation codes.",
      "access-mode",
    );
  }
  const status = effectiveStatus(campaign, now);
  if (status !== "draft" && status !== "open") {
    throw new ConflictError(`The campaign is ${status}: no more codes.`, "status");
  }
  const inScope = db
    .select({ unitId: campaignUnits.unitId })
    .from(campaignUnits)
    .where(and(eq(campaignUnits.campaignId, campaign.id), eq(campaignUnits.unitId, unitId)))
    .get();
  if (!inScope) {
    throw new InvalidInputError("Codes are generated for a unit of the campaign.", [
      { question: "unitId", message: "not a unit of this campaign" },
    ]);
  }
  const codes: string[] = [];
  withTransaction(db, (tx) => {
    while (codes.length < count) {
      const code = generateCode();
      // A repeat of an existing code (2^-60 per pair) is skipped, never stored twice.
      const inserted = tx
        .insert(invitationCodes)
        .values({ hash: codeHash(secretKey, code), campaignId: campaign.id, unitId, used: 0 })
        .onConflictDoNothing()
        .run();
      if (inserted.changes === 1) codes.push(displayCode(code));
    }
    recordCodeDistributor(tx, campaign.id, actor.id);
    recordAudit(tx, {
      actor,
      action: "codes.generate",
      target: slug,
      detail: { unitId, count },
      organisationId: campaign.organisationId,
      at: now,
    });
  });
  return codes;
}
