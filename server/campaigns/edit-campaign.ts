import { eq } from "drizzle-orm";
import { recordAudit } from "../auth/audit";
import type { SessionUser } from "../auth/sessions";
import { type CampaignInput, campaignPatchSchema } from "../contract/campaign-schemas";
import type { Db } from "../db/open-database";
import { campaigns, campaignUnits } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { parseInput } from "../http/parse-input";
import {
  checkUnitsOfOrganisation,
  issuedCodeCount,
  publishedVersionId,
} from "./campaign-references";
import { changedFields, checkDates, checkEdit } from "./campaign-rules";
import { responsesDeleteAt } from "./campaign-status";
import { type CampaignView, campaignViewById, toCampaignView } from "./campaign-view";
import { manageableCampaign } from "./manageable-campaign";

/**
 * Edits a campaign with `patch` (any subset of the creation fields, checked against
 * campaignPatchSchema) under the rules of campaign-rules.ts, with its audit entry, in one
 * transaction. A changed k on a campaign past draft calls `afterKChanged` once committed: its
 * release must be rebuilt with the new k (not once retention deleted the responses: a rebuild
 * would replace the kept release with an empty one).
 */
export function editCampaign({
  db,
  actor,
  slug,
  patch: input,
  now,
  afterKChanged = () => {},
}: {
  db: Db;
  actor: SessionUser;
  slug: string;
  patch: unknown;
  now: Date;
  afterKChanged?: (campaignId: string) => void;
}): CampaignView {
  const patch = parseInput(campaignPatchSchema, input);
  const edited = withTransaction(db, (tx) => {
    const row = manageableCampaign(tx, actor, slug);
    const current = toCampaignView(tx, row, now);
    const changed = changedFields(current, patch);
    if (changed.length === 0) return { view: current, kChanged: false, id: row.id };
    checkEdit({ current, patch, changed, codesIssued: issuedCodeCount(tx, row.id) });
    const versionId = changed.includes("questionnaire")
      ? publishedVersionId(
          tx,
          patch.questionnaire as CampaignInput["questionnaire"],
          row.organisationId,
        )
      : row.questionnaireVersionId;
    if (patch.unitIds && changed.includes("unitIds"))
      checkUnitsOfOrganisation(tx, row.organisationId, patch.unitIds);
    const opensAt = patch.opensAt ?? row.opensAt;
    const closesAt = patch.closesAt ?? row.closesAt;
    checkDates(opensAt, closesAt);
    tx.update(campaigns)
      .set({
        questionnaireVersionId: versionId,
        titleNl: patch.title?.nl ?? row.titleNl,
        titleFr: patch.title?.fr ?? row.titleFr,
        titleEn: patch.title?.en ?? row.titleEn,
        opensAt,
        closesAt,
        minCellSize: patch.k ?? row.minCellSize,
        locales: patch.locales ? patch.locales.join(",") : row.locales,
        accessMode: patch.accessMode ?? row.accessMode,
        retentionDays: patch.retentionDays ?? row.retentionDays,
        interimResultRoles: patch.interimResultRoles
          ? patch.interimResultRoles.join(",")
          : row.interimResultRoles,
        thanksNl: patch.thanksText?.nl ?? row.thanksNl,
        thanksFr: patch.thanksText?.fr ?? row.thanksFr,
        thanksEn: patch.thanksText?.en ?? row.thanksEn,
      })
      .where(eq(campaigns.id, row.id))
      .run();
    if (patch.unitIds && changed.includes("unitIds")) {
      tx.delete(campaignUnits).where(eq(campaignUnits.campaignId, row.id)).run();
      for (const unitId of patch.unitIds) {
        tx.insert(campaignUnits).values({ campaignId: row.id, unitId }).run();
      }
    }
    recordAudit(tx, {
      actor,
      action: "campaign.update",
      target: slug,
      detail: {
        fields: changed,
        ...(changed.includes("k") ? { k: { from: row.minCellSize, to: patch.k } } : {}),
      },
      organisationId: row.organisationId,
      at: now,
    });
    return {
      view: campaignViewById(tx, row.id, now),
      kChanged: changed.includes("k") && current.status !== "draft" && !pastRetention(row, now),
      id: row.id,
    };
  });
  if (edited.kChanged) afterKChanged(edited.id);
  return edited.view;
}

function pastRetention(row: Parameters<typeof responsesDeleteAt>[0], now: Date): boolean {
  const deleteAt = responsesDeleteAt(row, now);
  return deleteAt !== null && deleteAt <= now;
}
