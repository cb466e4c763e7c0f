import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { recordAudit } from "../auth/audit";
import { canManageOrganisation } from "../auth/scope";
import type { SessionUser } from "../auth/sessions";
import { campaignInputSchema } from "../contract/campaign-schemas";
import type { Db } from "../db/open-database";
import { campaigns, campaignUnits } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { ConflictError, ForbiddenError } from "../errors";
import { parseInput } from "../http/parse-input";
import { checkUnitsOfOrganisation, publishedVersionId } from "./campaign-references";
import { checkDates } from "./campaign-rules";
import { type CampaignView, campaignViewById } from "./campaign-view";

/**
 * Creates a campaign in draft from `input` (checked against campaignInputSchema: 422 naming
 * each faulty field), with its units and its audit entry in one transaction.
 */
export function createCampaign({
  db,
  actor,
  input,
  now,
}: {
  db: Db;
  actor: SessionUser;
  input: unknown;
  now: Date;
}): CampaignView {
  const campaign = parseInput(campaignInputSchema, input);
  if (!canManageOrganisation(actor, campaign.organisationId)) {
    throw new ForbiddenError("You cannot create campaigns for this organisation.");
  }
  return withTransaction(db, (tx) => {
    const taken = tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(eq(campaigns.slug, campaign.slug))
      .get();
    if (taken) throw new ConflictError(`The address "${campaign.slug}" is taken.`, "slug-taken");
    const versionId = publishedVersionId(tx, campaign.questionnaire, campaign.organisationId);
    checkUnitsOfOrganisation(tx, campaign.organisationId, campaign.unitIds);
    checkDates(campaign.opensAt, campaign.closesAt);
    const id = randomUUID();
    tx.insert(campaigns)
      .values({
        id,
        slug: campaign.slug,
        organisationId: campaign.organisationId,
        questionnaireVersionId: versionId,
        titleNl: campaign.title.nl,
        titleFr: campaign.title.fr,
        titleEn: campaign.title.en,
        opensAt: campaign.opensAt,
        closesAt: campaign.closesAt,
        minCellSize: campaign.k,
        locales: campaign.locales.join(","),
        status: "draft",
        accessMode: campaign.accessMode,
        retentionDays: campaign.retentionDays,
        interimResultRoles: (campaign.interimResultRoles ?? []).join(","),
        thanksNl: campaign.thanksText?.nl ?? "",
        thanksFr: campaign.thanksText?.fr ?? "",
        thanksEn: campaign.thanksText?.en ?? "",
      })
      .run();
    for (const unitId of campaign.unitIds)
      tx.insert(campaignUnits).values({ campaignId: id, unitId }).run();
    recordAudit(tx, {
      actor,
      action: "campaign.create",
      target: campaign.slug,
      organisationId: campaign.organisationId,
      at: now,
    });
    return campaignViewById(tx, id, now);
  });
}
