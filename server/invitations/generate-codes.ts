import { and, count as countRows, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../auth/audit";
import { recordCodeDistributor } from "../auth/separation-of-duties";
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
 * Milliseconds of code making (random bytes, check character, keyed hash) in one go before the
 * event loop runs: a respondent's request waits at most about this long behind it.
 */
export const CODES_SLICE_MS = 4;
/**
 * Codes stored per transaction. Each commit waits for the disk (synchronous=FULL) on the one
 * thread that also serves respondents, so few large commits beat many small ones: 1,000 rows
 * take a few milliseconds to insert, and the commit one disk flush.
 */
export const CODES_PER_COMMIT = 1000;

/**
 * Generates `count` single-use codes for one unit of a campaign and returns them for display,
 * once: only their keyed hashes are stored, so they cannot be shown again. The audit log
 * records the count, never a code. The work runs as a heavy job (one at a time): codes are made
 * in slices of CODES_SLICE_MS and stored CODES_PER_COMMIT at a time, yielding the event loop
 * in between, so respondents are served meanwhile; a campaign never holds more than
 * `maxCodesPerCampaign` codes. All or nothing: if a later commit fails, the codes already stored are
 * deleted before the error goes on. The generator can no longer read the campaign's results
 * (separation of duties).
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

    const made: { code: string; hash: string }[] = [];
    while (made.length < count) {
      const sliceEnds = performance.now() + CODES_SLICE_MS;
      while (made.length < count && performance.now() < sliceEnds) {
        const code = generateCode();
        made.push({ code, hash: codeHash(secretKey, code) });
      }
      await yieldToEventLoop();
    }

    const codes: string[] = [];
    const hashes: string[] = [];
    try {
      for (let start = 0; start < count; start += CODES_PER_COMMIT) {
        const last = start + CODES_PER_COMMIT >= count;
        withTransaction(db, (tx) => {
          const insert = tx
            .insert(invitationCodes)
            .values({ hash: sql.placeholder("hash"), campaignId: campaign.id, unitId, used: 0 })
            .onConflictDoNothing()
            .prepare();
          const batch = made.slice(start, start + CODES_PER_COMMIT);
          for (let i = 0; i < batch.length; i++) {
            const entry = batch[i] as { code: string; hash: string };
            // A repeat of an existing code (2^-60 per pair) is replaced, never stored twice.
            if (insert.run({ hash: entry.hash }).changes === 0) {
              const code = generateCode();
              batch.push({ code, hash: codeHash(secretKey, code) });
              continue;
            }
            codes.push(displayCode(entry.code));
            hashes.push(entry.hash);
          }
          // With the last codes, so a generation costs one commit more than it must, not two.
          if (last) {
            recordCodeDistributor(tx, campaign.id, actor.id);
            recordAudit(tx, {
              actor,
              action: "codes.generate",
              target: campaign.slug,
              detail: { unitId, count },
              organisationId: campaign.organisationId,
              at: now,
            });
          }
        });
        if (!last) await yieldToEventLoop();
      }
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
