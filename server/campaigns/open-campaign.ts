import { snapshotCampaignUnits } from "../db/campaign-unit-tree";
import { refuseRetiredUnitsInScope } from "./campaign-references";
import { openingDates } from "./campaign-rules";
import type { CampaignView } from "./campaign-view";
import { type TransitionRequest, transitionCampaign } from "./transition-campaign";

/**
 * Opens a draft now (an opening date still ahead moves to now), copying its unit tree: the
 * campaign's results are built on the tree as it was at opening. A draft with a unit retired
 * since it was saved does not open (409 `unit-retired`).
 */
export function openCampaign(request: TransitionRequest): CampaignView {
  return transitionCampaign(request, {
    from: "draft",
    to: "open",
    action: "campaign.open",
    dates: openingDates,
    alsoWrite: (tx, row) => {
      refuseRetiredUnitsInScope(tx, row.id);
      snapshotCampaignUnits(tx, row.id);
    },
  }).campaign;
}
