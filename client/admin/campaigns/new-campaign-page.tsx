import { useMessages } from "../admin-locale";
import { usePageTitle } from "../page-states";
import { followLink, navigate } from "../use-route";
import { CampaignForm } from "./campaign-form";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";
import "./campaigns.css";

/** /admin/campaigns/new: a campaign's settings; it is created in draft and shown at once. */
export function NewCampaignPage() {
  const t = useMessages(CAMPAIGN_MESSAGES);
  usePageTitle(t.newTitle);
  return (
    <>
      <p className="breadcrumb">
        <a href="/admin" onClick={followLink}>
          {t.listTitle}
        </a>
      </p>
      <h1>{t.newTitle}</h1>
      <div className="card">
        <CampaignForm
          mode="create"
          onSaved={(campaign) => navigate(`/admin/campaigns/${encodeURIComponent(campaign.slug)}`)}
        />
      </div>
    </>
  );
}
