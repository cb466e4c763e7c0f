import { useEffect, useMemo } from "react";
import type { Locale } from "../i18n/locales";
import { RESPONDENT_MESSAGES } from "../i18n/respondent-messages";
import { estimateDuration } from "./estimate-duration";
import type { CampaignForm } from "./respondent-api";

/** What is stored, what the browser keeps, who sees what and how long it takes; first. */
export function PrivacyNotice({
  locale,
  slug,
  form,
  onShown,
  onStart,
}: {
  locale: Locale;
  slug: string;
  form: CampaignForm;
  /** Called once the notice is on screen (the page then loads the questionnaire's code). */
  onShown: () => void;
  onStart: () => void;
}) {
  const t = RESPONDENT_MESSAGES[locale];
  const { questions, minutes } = useMemo(
    () => estimateDuration(form.questionnaire.definition),
    [form],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the notice first shows
  useEffect(() => onShown(), []);
  return (
    <section className="card notice" aria-labelledby="notice-title">
      <h2 id="notice-title">{t.noticeTitle}</h2>
      <p className="notice-duration">{t.noticeDuration(minutes, questions)}</p>
      <ul>
        <li>{t.noticeStored}</li>
        <li>{t.noticeNeverStored}</li>
        <li>{t.noticeGroups(form.campaign.minCellSize)}</li>
        <li>{t.noticeWhoSees}</li>
        <li>{t.noticeVoluntary}</li>
        <li>{t.noticeBrowser}</li>
      </ul>
      <p>
        <a href={`/privacy?lang=${locale}&from=${encodeURIComponent(slug)}`}>{t.privacyLink}</a>
      </p>
      <button type="button" className="primary" onClick={onStart}>
        {t.start}
      </button>
    </section>
  );
}
