import { openingDates } from "./campaign-rules";
import type { CampaignView } from "./campaign-view";
import { type TransitionRequest, transitionCampaign } from "./transition-campaign";

/** Opens a draft now (an opening date still ahead moves to now). */
export function openCampaign(request: TransitionRequest): CampaignView {
  return transitionCampaign(request, {
    from: "draft",
    to: "open",
    action: "campaign.open",
    dates: openingDates,
  }).campaign;
}
