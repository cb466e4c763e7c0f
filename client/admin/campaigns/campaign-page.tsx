import { useCallback, useId, useState } from "react";
import { useAdminLocale, useMessages } from "../admin-locale";
import { useSessionUser } from "../admin-session";
import { Loading, usePageTitle } from "../page-states";
import { useApiData } from "../use-api-data";
import { followLink } from "../use-route";
import { AnswerCountCard } from "./answer-count-card";
import { CampaignCodesDownload } from "./campaign-codes-download";
import { CampaignFacts } from "./campaign-facts";
import { CampaignForm } from "./campaign-form";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";
import { CampaignProblem } from "./campaign-problem";
import {
  type CampaignView,
  canManage,
  type Organisation,
  type Participation,
} from "./campaign-types";
import { CodeGenerator } from "./code-generator";
import { InvitationSender } from "./invitation-sender";
import { LifecycleActions } from "./lifecycle-actions";
import { ParticipationSection } from "./participation-table";
import { QuestionnairePreview } from "./questionnaire-preview";
import { RaiseKForm } from "./raise-k-form";
import { ThanksTextForm } from "./thanks-text-form";
import "./campaigns.css";

/**
 * /admin/campaigns/<slug>: a campaign's settings and participation for everyone in scope;
 * status changes, editing the draft, raising k and invitation codes for managers.
 */
export function CampaignPage({ slug }: { slug: string }) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const locale = useAdminLocale();
  const user = useSessionUser();
  const path = `/campaigns/${encodeURIComponent(slug)}`;
  const [data, reload] = useApiData<{ campaign: CampaignView }>(path);
  const [organisations] = useApiData<{ organisations: Organisation[] }>("/organisations");
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState("");
  const factsId = useId();

  const campaign = data.state === "ready" ? data.data.campaign : null;
  // An open campaign's participation is read from its interim release, and reading it shows
  // that release (the sequence audit then holds every later one to it): only on request.
  const [participationAsked, setParticipationAsked] = useState(false);
  const participationGated = campaign?.status === "open" && !participationAsked;
  const [participation, reloadParticipation] = useApiData<Participation>(
    campaign && !participationGated ? `${path}/participation` : null,
  );
  const title = campaign ? campaign.title[locale] : slug;
  usePageTitle(title);

  const changed = useCallback(
    async (message: string) => {
      setEditing(false);
      await Promise.all([reload(), reloadParticipation()]);
      setNotice(message);
    },
    [reload, reloadParticipation],
  );

  // The first answer count fixed k: the campaign view (raise-k card) says so from now on.
  const onFirstCount = useCallback(() => void reload(), [reload]);

  const organisation =
    organisations.state === "ready" && campaign
      ? organisations.data.organisations.find((org) => org.id === campaign.organisationId)
      : undefined;
  const manager = canManage(user.role);

  return (
    <>
      <p className="breadcrumb">
        <a href="/admin" onClick={followLink}>
          {t.listTitle}
        </a>
      </p>
      <h1>{title}</h1>
      <p role="status" className={notice ? "notice-status" : "visually-hidden"}>
        {notice}
      </p>
      {data.state === "loading" ? <Loading /> : null}
      {data.state === "error" ? <CampaignProblem problem={data.problem} onRetry={reload} /> : null}
      {campaign ? (
        <>
          {campaign.status !== "draft" ? (
            <div className="actions">
              <a
                className="button"
                href={`/admin/campaigns/${encodeURIComponent(campaign.slug)}/results`}
                onClick={followLink}
              >
                {t.resultsLink}
              </a>
            </div>
          ) : null}
          {editing && campaign.status === "draft" ? (
            <section className="card" aria-labelledby={`${factsId}-edit`}>
              <h2 id={`${factsId}-edit`}>{t.editTitle}</h2>
              <CampaignForm
                mode="edit"
                campaign={campaign}
                onSaved={() => void changed(t.saved)}
                onCancel={() => setEditing(false)}
              />
            </section>
          ) : (
            <section className="card" aria-labelledby={factsId}>
              <h2 id={factsId}>{t.factsTitle}</h2>
              <CampaignFacts campaign={campaign} organisation={organisation} />
            </section>
          )}
          {manager && !editing ? (
            <LifecycleActions
              campaign={campaign}
              onChanged={(message) => void changed(message)}
              onEdit={() => {
                setNotice("");
                setEditing(true);
              }}
            />
          ) : null}
          {manager && (campaign.status === "open" || campaign.status === "closed") ? (
            <RaiseKForm
              key={campaign.k}
              campaign={campaign}
              onChanged={(message) => void changed(message)}
            />
          ) : null}
          {manager && campaign.status === "open" ? (
            <ThanksTextForm
              key={JSON.stringify(campaign.thanksText)}
              campaign={campaign}
              onChanged={(message) => void changed(message)}
            />
          ) : null}
          {manager && campaign.accessMode === "invitation-codes" && campaign.status === "open" ? (
            <InvitationSender campaign={campaign} />
          ) : null}
          {manager &&
          campaign.accessMode === "invitation-codes" &&
          (campaign.status === "draft" || campaign.status === "open") ? (
            <CodeGenerator
              campaign={campaign}
              organisation={organisation}
              onGenerated={() => void reloadParticipation()}
            />
          ) : null}
          {manager &&
          campaign.accessMode === "invitation-codes" &&
          (campaign.status === "draft" || campaign.status === "open") ? (
            <CampaignCodesDownload
              campaign={campaign}
              onGenerated={() => void reloadParticipation()}
            />
          ) : null}
          <AnswerCountCard campaign={campaign} onFirstLook={onFirstCount} />
          <ParticipationSection
            campaign={campaign}
            organisation={organisation}
            data={participation}
            reload={reloadParticipation}
            {...(participationGated ? { onShow: () => setParticipationAsked(true) } : {})}
          />
          <QuestionnairePreview campaign={campaign} organisation={organisation} />
        </>
      ) : null}
    </>
  );
}
