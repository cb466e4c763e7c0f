import { respondentDefinition } from "../../../surveys/model/respondent-definition";
import type { CampaignView, Organisation } from "./campaign-types";

/**
 * The questionnaire exactly as the campaign's respondents get it (GET /api/campaigns/<slug>/form
 * builds it with the same function), from what the admin API tells a coordinator: the unit
 * question lists the campaign's units of `organisation`, or is left out with invitation codes.
 * An evaluator of a subtree only knows the units of that subtree, and sees only those.
 */
export function previewDefinition(
  definition: unknown,
  campaign: Pick<CampaignView, "accessMode" | "unitIds">,
  organisation: Pick<Organisation, "units"> | undefined,
): unknown {
  const inScope = new Set(campaign.unitIds);
  return respondentDefinition(definition, {
    accessMode: campaign.accessMode,
    units: (organisation?.units ?? []).filter((unit) => inScope.has(unit.id)),
  });
}
