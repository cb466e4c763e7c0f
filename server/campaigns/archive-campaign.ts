import type { CampaignView } from "./campaign-view";
import { type TransitionRequest, transitionCampaign } from "./transition-campaign";

/** Archives a closed campaign: it leaves the working list; its release stays. */
export function archiveCampaign(request: TransitionRequest): CampaignView {
  return transitionCampaign(request, {
    from: "closed",
    to: "archived",
    action: "campaign.archive",
    dates: () => ({}),
  }).campaign;
}
