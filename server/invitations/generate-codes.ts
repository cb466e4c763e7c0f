import { and, eq } from "drizzle-orm";
import type { SessionUser } from "../auth/sessions";
import { effectiveStatus } from "../campaigns/campaign-status";
import type { CampaignRow } from "../campaigns/campaign-view";
import { manageableCampaign } from "../campaigns/manageable-campaign";
import type { Db } from "../db/open-database";
import { campaignUnits, units } from "../db/schema";
import { ConflictError, InvalidInputError, ProblemError } from "../errors";
import type { BulkWriter } from "../jobs/bulk-writer";
import type { HeavyJobs } from "../jobs/heavy-jobs";
import { headcountLimitError } from "./headcount-ceiling";
import { displayCode } from "./invitation-code";
import type { StoredGeneration } from "./store-codes";

/** A unit of the campaign as code generation needs it. */
export interface ScopeUnit {
  id: string;
  code: string;
  headcount: number | null;
}

/**
 * The campaign a manager may generate codes for (invitation codes, draft or open) and its
 * units, or the problem that says why not.
 */
export function campaignForCodes(
  db: Db,
  actor: SessionUser,
  slug: string,
  now: Date,
): { campaign: CampaignRow; scope: ScopeUnit[] } {
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
  const scope = db
    .select({ id: units.id, code: units.code, headcount: units.headcount })
    .from(campaignUnits)
    .innerJoin(units, eq(units.id, campaignUnits.unitId))
    .where(and(eq(campaignUnits.campaignId, campaign.id)))
    .all();
  return { campaign, scope };
}

/**
 * Generates `count` single-use codes for one unit of a campaign and returns them for display,
 * once: only their keyed hashes are stored, so they cannot be shown again. The audit log
 * records the count, never a code. The checks run as a heavy job (one at a time); the making,
 * hashing and storing go to the bulk writer (a worker thread on a database file), all or
 * nothing in one transaction that also holds the campaign's ceiling (`maxCodesPerCampaign`)
 * and the unit's headcount, so respondents are served meanwhile. The generator can no longer
 * read the campaign's results (separation of duties).
 */
export function generateCodes({
  db,
  actor,
  slug,
  unitId,
  count,
  now,
  maxCodesPerCampaign,
  heavyJobs,
  bulkWriter,
}: {
  db: Db;
  actor: SessionUser;
  slug: string;
  unitId: string;
  count: number;
  now: Date;
  maxCodesPerCampaign: number;
  heavyJobs: HeavyJobs;
  bulkWriter: BulkWriter;
}): Promise<string[]> {
  return heavyJobs.run(async () => {
    const { campaign, scope } = campaignForCodes(db, actor, slug, now);
    const unit = scope.find((row) => row.id === unitId);
    if (!unit) {
      throw new InvalidInputError("Codes are generated for a unit of the campaign.", [
        { question: "unitId", message: "not a unit of this campaign" },
      ]);
    }
    const stored = await bulkWriter.generateCodes({
      campaignId: campaign.id,
      slug: campaign.slug,
      organisationId: campaign.organisationId,
      units: [{ unitId, count, headcount: unit.headcount }],
      maxCodesPerCampaign,
      actor,
      at: now,
    });
    if (!stored.ok) throw codeLimitError(stored, scope, maxCodesPerCampaign);
    return (stored.codes[0] ?? []).map(displayCode);
  });
}

/** The 409 for a generation past a ceiling: the campaign's, or units' headcounts. */
export function codeLimitError(
  refused: Extract<StoredGeneration, { ok: false }>,
  scope: ScopeUnit[],
  maxCodesPerCampaign: number,
): ProblemError {
  if (refused.limit === "headcount") {
    const codeOf = new Map(scope.map((unit) => [unit.id, unit.code]));
    return headcountLimitError(
      refused.over.map(({ unitId, ...over }) => ({
        unitCode: codeOf.get(unitId) ?? unitId,
        ...over,
      })),
    );
  }
  const more = Math.max(0, maxCodesPerCampaign - refused.issued);
  return new ProblemError(
    409,
    "code-limit",
    "Too many codes",
    `A campaign holds at most ${maxCodesPerCampaign} codes; this one has ${refused.issued}, so at most ${more} more.`,
    { limit: maxCodesPerCampaign, issued: refused.issued, allowed: more },
  );
}
