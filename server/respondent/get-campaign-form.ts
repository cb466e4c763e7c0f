import { respondentDefinition } from "../../surveys/model/respondent-definition";
import type { CampaignForm } from "../contract/respondent-schemas";
import type { Db } from "../db/open-database";
import {
  assertCampaignOpen,
  type CampaignForRespondent,
  loadCampaign,
  unitsInScope,
} from "./load-campaign";

/**
 * The form a respondent fills: the questionnaire version with the unit question's choices
 * set to the campaign's units in scope (and fixed when the link names a unit in scope). In
 * invitation-codes mode the unit question is left out: the unit is the code's.
 */
export function getCampaignForm({
  db,
  slug,
  unitFromLink,
  now,
}: {
  db: Db;
  slug: string;
  unitFromLink?: string;
  now: Date;
}) {
  const campaign = loadCampaign(db, slug);
  assertCampaignOpen(campaign, now);
  const definition = respondentDefinition(campaign.questionnaire.definition, {
    accessMode: campaign.accessMode,
    units: campaign.accessMode === "open-link" ? unitsInScope(db, campaign.id) : [],
    fixedUnit: unitFromLink,
  });
  return formAnswer(campaign, definition);
}

function formAnswer(campaign: CampaignForRespondent, definition: unknown): CampaignForm {
  return {
    campaign: {
      slug: campaign.slug,
      title: campaign.title,
      locales: campaign.locales,
      minCellSize: campaign.minCellSize,
      opensAt: campaign.opensAt,
      closesAt: campaign.closesAt,
      accessMode: campaign.accessMode,
      thanksText: campaign.thanksText,
    },
    questionnaire: { ...campaign.questionnaire, definition },
  };
}
