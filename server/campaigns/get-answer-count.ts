import { and, count, eq, isNull } from "drizzle-orm";
import { answerCountFloor } from "../../analysis/answer-count-floor";
import { type CampaignRead, campaignForReader, unitScopeOf } from "../auth/scope";
import { assertNotCodeDistributor } from "../auth/separation-of-duties";
import type { AnswerCount } from "../contract/answer-count-schema";
import { campaigns, invitationCodes, responses } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { ConflictError, ForbiddenError } from "../errors";
import { interimResultRoles } from "./assert-may-read-results";
import { effectiveStatus } from "./campaign-status";

/**
 * How many answered an open campaign so far, for reminders, without showing a release: the
 * organisation's count rounded down to a multiple of k ("at least 45"), and the codes issued.
 * Nothing per unit, so it adds nothing to any breakdown; rounded to steps of k, it never lets a
 * reader prove that 1 to k−1 people answered between two moments, beside each other or beside the
 * releases' exact totals (analysis/answer-count-floor.ts). That holds only for the k it was
 * rounded with, so the first look fixes k (`answerCountK`: neither up nor down from then on). It
 * shows no release, so it neither fixes the sequence later releases are audited against nor
 * counts as a results view.
 *
 * Admins and coordinators of the campaign may read it, and the roles that see live interim
 * results, but not an evaluator of a unit (an organisation-wide figure); never whoever generated
 * or sent its codes (with codes of their own they could make the count exact and time the
 * answers of people they reminded). 409 unless the campaign is open: once closed, participation
 * comes from the final release.
 */
export function getAnswerCount({ db, user, slug, now }: CampaignRead): AnswerCount {
  return withTransaction(db, (tx) => {
    const campaign = campaignForReader(tx, user, slug);
    if (
      user.role !== "admin" &&
      user.role !== "coordinator" &&
      !(interimResultRoles(campaign) as string[]).includes(user.role)
    ) {
      throw new ForbiddenError(
        "This campaign shows its results and participation when it closes.",
        "results-at-close",
      );
    }
    if (unitScopeOf(tx, user) !== null) {
      throw new ForbiddenError(
        "The answer count is the whole organisation's; an evaluator of a unit sees that unit's figures only.",
      );
    }
    assertNotCodeDistributor(tx, campaign.id, user.id);
    if (effectiveStatus(campaign, now) !== "open") {
      throw new ConflictError(
        "The answer count is for open campaigns; once closed, participation comes from the final release.",
        "status",
      );
    }
    const k = campaign.minCellSize;
    const answered =
      tx.select({ n: count() }).from(responses).where(eq(responses.campaignId, campaign.id)).get()
        ?.n ?? 0;
    tx.update(campaigns)
      .set({ answerCountK: k })
      .where(and(eq(campaigns.id, campaign.id), isNull(campaigns.answerCountK)))
      .run();
    const issued =
      campaign.accessMode === "invitation-codes"
        ? (tx
            .select({ n: count() })
            .from(invitationCodes)
            .where(eq(invitationCodes.campaignId, campaign.id))
            .get()?.n ?? 0)
        : undefined;
    return {
      atLeast: answerCountFloor(answered, k),
      k,
      ...(issued !== undefined ? { issued } : {}),
    };
  });
}
