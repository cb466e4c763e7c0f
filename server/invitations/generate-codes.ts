import { and, count as countRows, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../auth/audit";
import type { SessionUser } from "../auth/sessions";
import { effectiveStatus } from "../campaigns/campaign-status";
import { manageableCampaign } from "../campaigns/manageable-campaign";
import type { Db } from "../db/open-database";
import { campaignUnits, invitationCodes } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { ConflictError, InvalidInputError } from "../errors";
import { type HeavyJobs, yieldToEventLoop } from "../jobs/heavy-jobs";
import { codeHash, displayCode, generateCode } from "./invitation-code";

/**
 * Codes generated and stored per chunk, between which the event loop runs: small enough that
 * one chunk holds a respondent's request up for a few milliseconds at most.
 */
export const CODES_PER_CHUNK = 250;

/**
 * Generates `count` single-use codes for one unit of a campaign and returns them for display,
 * once: only their keyed hashes are stored, so they cannot be shown again. The audit log
 * records the count, never a code. The work runs as a heavy job (one at a time) in chunks that
 * yield the event loop, so respondents are served meanwhile; a campaign never holds more than
 * `maxCodesPerCampaign` codes. All or nothing: if a chunk fails, the codes already stored are
 * deleted before the error goes on.
 */
export function generateCodes({
  db,
  actor,
  slug,
  unitId,
  count,
  secretKey,
  now,
  maxCodesPerCampaign,
  heavyJobs,
}: {
  db: Db;
  actor: SessionUser;
  slug: string;
  unitId: string;
  count: number;
  secretKey: Uint8Array;
  now: Date;
  maxCodesPerCampaign: number;
  heavyJobs: HeavyJobs;
}): Promise<string[]> {
  return heavyJobs.run(async () => {
    // Checked inside the job: jobs run one at a time, so the ceiling holds until it ends.
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
    const issued =
      db
        .select({ n: countRows() })
        .from(invitationCodes)
        .where(eq(invitationCodes.campaignId, campaign.id))
        .get()?.n ?? 0;
    if (issued + count > maxCodesPerCampaign) {
      throw new ConflictError(
        `A campaign holds at most ${maxCodesPerCampaign} codes; this one has ${issued}, so at most ${Math.max(0, maxCodesPerCampaign - issued)} more.`,
        "code-limit",
      );
    }

    const codes: string[] = [];
    const hashes: string[] = [];
    try {
      while (codes.length < count) {
        withTransaction(db, (tx) => {
          const end = Math.min(count, codes.length + CODES_PER_CHUNK);
          while (codes.length < end) {
            const code = generateCode();
            const hash = codeHash(secretKey, code);
            // A repeat of an existing code (2^-60 per pair) is skipped, never stored twice.
            const inserted = tx
              .insert(invitationCodes)
              .values({ hash, campaignId: campaign.id, unitId, used: 0 })
              .onConflictDoNothing()
              .run();
            if (inserted.changes === 1) {
              codes.push(displayCode(code));
              hashes.push(hash);
            }
          }
        });
        await yieldToEventLoop();
      }
      recordAudit(db, {
        actor,
        action: "codes.generate",
        target: campaign.slug,
        detail: { unitId, count },
        organisationId: campaign.organisationId,
        at: now,
      });
    } catch (error) {
      deleteCodes(db, hashes);
      throw error;
    }
    return codes;
  });
}

/** Deletes the codes of a generation that failed part-way (none was ever shown). */
function deleteCodes(db: Db, hashes: string[]): void {
  withTransaction(db, (tx) => {
    for (let start = 0; start < hashes.length; start += 500) {
      tx.delete(invitationCodes)
        .where(inArray(invitationCodes.hash, hashes.slice(start, start + 500)))
        .run();
    }
  });
}
