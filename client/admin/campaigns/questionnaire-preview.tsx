import { lazy, Suspense, useId, useMemo, useState } from "react";
import type { Locale } from "../../i18n/locales";
import { useMessages } from "../admin-locale";
import { Loading } from "../page-states";
import { useApiData } from "../use-api-data";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";
import { CampaignProblem } from "./campaign-problem";
import type { CampaignView, Organisation, QuestionnaireVersion } from "./campaign-types";
import { previewDefinition } from "./preview-definition";

const SurveyPreview = lazy(() => import("./survey-preview"));

/** The campaign's questionnaire version, read-only, in each of its languages; loaded on demand. */
export function QuestionnairePreview({
  campaign,
  organisation,
}: {
  campaign: CampaignView;
  organisation: Organisation | undefined;
}) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.previewTitle}</h2>
      <p>{t.previewIntro}</p>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          aria-expanded={shown}
          aria-controls={`${id}-body`}
          onClick={() => setShown((now) => !now)}
        >
          {shown ? t.hidePreview : t.showPreview}
        </button>
      </div>
      <div id={`${id}-body`}>
        {shown ? <LoadedPreview campaign={campaign} organisation={organisation} /> : null}
      </div>
    </section>
  );
}

function LoadedPreview({
  campaign,
  organisation,
}: {
  campaign: CampaignView;
  organisation: Organisation | undefined;
}) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const { slug, version } = campaign.questionnaire;
  const [data, reload] = useApiData<QuestionnaireVersion>(
    `/questionnaires/${encodeURIComponent(slug)}/versions/${version}`,
  );
  const [locale, setLocale] = useState<Locale>(campaign.locales[0] ?? "nl");
  const definition = useMemo(
    () =>
      data.state === "ready"
        ? previewDefinition(data.data.definition, campaign, organisation)
        : null,
    [data, campaign, organisation],
  );

  if (data.state === "loading") return <Loading />;
  if (data.state === "error") return <CampaignProblem problem={data.problem} onRetry={reload} />;
  return (
    <>
      <fieldset className="preview-languages">
        <legend>{t.previewLanguages}</legend>
        <div className="language-switcher">
          {campaign.locales.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={option === locale}
              onClick={() => setLocale(option)}
            >
              {t.languageNames[option]}
            </button>
          ))}
        </div>
      </fieldset>
      <h3>{t.previewShowing(t.languageNames[locale])}</h3>
      <Suspense
        fallback={
          <p role="status" className="hint">
            {t.previewLoading}
          </p>
        }
      >
        {definition ? <SurveyPreview definition={definition} locale={locale} /> : null}
      </Suspense>
    </>
  );
}
