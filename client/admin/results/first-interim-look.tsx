import { useState } from "react";
import type { CampaignView } from "../../../server/contract/campaign-schemas";
import { useMessages } from "../admin-locale";
import { useSessionUser } from "../admin-session";
import { OnRequest } from "../page-states";
import { RESULTS_MESSAGES } from "./results-messages";

/**
 * The first look at an open campaign's results shows its interim release: from then on k is
 * fixed and the sequence audit holds every later release, the final one included, to it. So a
 * page that would ask for it waits for a click while nobody has looked yet (readers who see
 * results only at close are not asked: the server refuses them anyway).
 */
export function useFirstInterimLook(campaign: CampaignView | null): {
  waiting: boolean;
  show: () => void;
} {
  const user = useSessionUser();
  const [asked, setAsked] = useState(false);
  const waiting =
    campaign !== null &&
    campaign.status === "open" &&
    !campaign.resultsViewed &&
    (user.role === "admin" || (campaign.interimResultRoles as string[]).includes(user.role)) &&
    !asked;
  return { waiting, show: () => setAsked(true) };
}

/** What showing the interim results commits to, and the button that shows them. */
export function FirstInterimLook({ onShow }: { onShow: () => void }) {
  const t = useMessages(RESULTS_MESSAGES);
  return (
    <OnRequest
      title={t.firstLookTitle}
      text={t.firstLookText}
      action={t.firstLookShow}
      onRequest={onShow}
    />
  );
}
