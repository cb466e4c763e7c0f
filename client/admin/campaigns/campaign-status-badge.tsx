import { useMessages } from "../admin-locale";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";
import type { CampaignStatus } from "./campaign-types";

/** A campaign's status as a coloured label; the word carries the meaning, not the colour. */
export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  return <span className={`status status-${status}`}>{t.statuses[status]}</span>;
}
