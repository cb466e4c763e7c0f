import { useEffect, useId, useState } from "react";
import type { AnswerCount } from "../../../server/contract/answer-count-schema";
import { formatNumber, useAdminLocale, useMessages } from "../admin-locale";
import { useSessionUser } from "../admin-session";
import { Loading, OnRequest } from "../page-states";
import { useApiData, useRefresh } from "../use-api-data";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";
import { CampaignProblem } from "./campaign-problem";
import type { CampaignView } from "./campaign-types";

/**
 * An open campaign's answers so far, for reminders: the organisation's count rounded down to a
 * multiple of k (server/campaigns/get-answer-count.ts). It shows no release, but the first look
 * fixes k, so until then it waits to be asked for, saying so.
 */
export function AnswerCountCard({
  campaign,
  onFirstLook,
}: {
  campaign: CampaignView;
  /** After the first look: the campaign view changed (k is now fixed). */
  onFirstLook: () => void;
}) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const user = useSessionUser();
  const [asked, setAsked] = useState(campaign.answerCountShown);
  // As the server decides, but for who generated or sent codes (it says why, when asked).
  const mayRead =
    user.role === "admin" ||
    user.role === "coordinator" ||
    ((campaign.interimResultRoles as string[]).includes(user.role) && user.unitId === null);
  if (!mayRead || campaign.status !== "open") return null;
  if (!asked) {
    return (
      <OnRequest
        title={t.answerCountTitle}
        text={t.answerCountGate(campaign.k)}
        action={t.answerCountShow}
        onRequest={() => setAsked(true)}
      />
    );
  }
  return (
    <AnswerCountFigures
      campaign={campaign}
      onLoaded={campaign.answerCountShown ? undefined : onFirstLook}
    />
  );
}

function AnswerCountFigures({
  campaign,
  onLoaded,
}: {
  campaign: CampaignView;
  onLoaded: (() => void) | undefined;
}) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const locale = useAdminLocale();
  const id = useId();
  const [data, reload] = useApiData<AnswerCount>(
    `/campaigns/${encodeURIComponent(campaign.slug)}/answer-count`,
  );
  const [refreshing, refresh] = useRefresh(reload);
  const loaded = data.state === "ready";
  useEffect(() => {
    if (loaded) onLoaded?.();
  }, [loaded, onLoaded]);

  let body: React.ReactNode;
  if (data.state === "loading") body = <Loading />;
  else if (data.state === "error")
    body = <CampaignProblem problem={data.problem} onRetry={refresh} />;
  else {
    const { atLeast, issued, k } = data.data;
    body = (
      <>
        <p className="answer-count">
          <strong>{t.answerCountValue(formatNumber(atLeast, locale))}</strong>
          {issued !== undefined && issued > 0
            ? ` ${t.answerCountOfCodes(
                formatNumber(issued, locale),
                // Down, as the count: "at least".
                formatNumber(Math.floor((atLeast / issued) * 100) / 100, locale, "percent"),
              )}`
            : null}
        </p>
        <p className="hint">{t.answerCountNote(k)}</p>
      </>
    );
  }
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.answerCountTitle}</h2>
      <div role="status">{body}</div>
      <div className="actions">
        <button type="button" className="secondary" onClick={refresh} disabled={refreshing}>
          {refreshing ? t.refreshing : t.refresh}
        </button>
      </div>
    </section>
  );
}
