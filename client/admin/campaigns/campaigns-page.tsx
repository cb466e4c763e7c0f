import { useAdminLocale, useMessages } from "../admin-locale";
import { useSessionUser } from "../admin-session";
import { Loading, usePageTitle } from "../page-states";
import { useApiData } from "../use-api-data";
import { followLink } from "../use-route";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";
import { describePeriod } from "./campaign-period";
import { CampaignProblem } from "./campaign-problem";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { type CampaignView, canManage } from "./campaign-types";
import "./campaigns.css";

/** /admin: the campaigns in the staff member's scope, newest opening first. */
export function CampaignsPage() {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const locale = useAdminLocale();
  const user = useSessionUser();
  usePageTitle(t.listTitle);
  const [data, reload] = useApiData<{ campaigns: CampaignView[] }>("/campaigns");
  const manager = canManage(user.role);

  return (
    <>
      <div className="page-title-row">
        <h1>{t.listTitle}</h1>
        {manager ? (
          <a className="button primary-link" href="/admin/campaigns/new" onClick={followLink}>
            {t.newCampaign}
          </a>
        ) : null}
      </div>
      {data.state === "loading" ? <Loading /> : null}
      {data.state === "error" ? <CampaignProblem problem={data.problem} onRetry={reload} /> : null}
      {data.state === "ready" && data.data.campaigns.length === 0 ? (
        <p className="card">{manager ? t.emptyForManagers : t.emptyForReaders}</p>
      ) : null}
      {data.state === "ready" && data.data.campaigns.length > 0 ? (
        <ul className="campaign-list">
          {data.data.campaigns.map((campaign) => (
            <li key={campaign.slug} className="card">
              <h2>
                <a
                  href={`/admin/campaigns/${encodeURIComponent(campaign.slug)}`}
                  onClick={followLink}
                >
                  {campaign.title[locale]}
                </a>
              </h2>
              <p className="campaign-meta">
                <CampaignStatusBadge status={campaign.status} />
                <span>{t.accessModes[campaign.accessMode]}</span>
              </p>
              <p className="campaign-period">{describePeriod(campaign, locale, t)}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
