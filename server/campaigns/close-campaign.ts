import { closingDates } from "./campaign-rules";
import type { CampaignView } from "./campaign-view";
import { type TransitionRequest, transitionCampaign } from "./transition-campaign";

/**
 * Closes an open campaign now. `afterClose` runs once the closing is committed (the server
 * rebuilds the campaign's release at once, so results show every response).
 */
export function closeCampaign({
  afterClose = () => {},
  ...request
}: TransitionRequest & { afterClose?: (campaignId: string) => void }): CampaignView {
  const { id, campaign } = transitionCampaign(request, {
    from: "open",
    to: "closed",
    action: "campaign.close",
    dates: closingDates,
  });
  afterClose(id);
  return campaign;
}
