import { lazy, Suspense, useId, useMemo, useState } from "react";
import { respondentDefinition } from "../../../surveys/model/respondent-definition";
import { LOCALES, type Locale } from "../../i18n/locales";
import { useAdminLocale, useMessages } from "../admin-locale";
import { useApiData } from "../use-api-data";
import { QUESTIONNAIRE_MESSAGES } from "./questionnaire-messages";
import type { Organisation } from "./questionnaire-types";

const SurveyPreview = lazy(() => import("../campaigns/survey-preview"));

/**
 * A version as respondents get it (the same model, layout and CSS as the respondent page), in
 * each language, read-only. The unit question lists the owner organisation's units, as an
 * open-link campaign of that organisation would; a shared questionnaire shows the first
 * organisation the reader works in.
 */
export function VersionPreview({
  definition,
  organisationId,
}: {
  definition: unknown;
  organisationId: string | null;
}) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
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
        {shown ? <LoadedPreview definition={definition} organisationId={organisationId} /> : null}
      </div>
    </section>
  );
}

function LoadedPreview({
  definition,
  organisationId,
}: {
  definition: unknown;
  organisationId: string | null;
}) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  const [locale, setLocale] = useState<Locale>(useAdminLocale());
  const [organisations] = useApiData<{ organisations: Organisation[] }>("/organisations");
  const units = useMemo(() => {
    if (organisations.state !== "ready") return [];
    const list = organisations.data.organisations;
    return (list.find((o) => o.id === organisationId) ?? list[0])?.units ?? [];
  }, [organisations, organisationId]);
  const shown = useMemo(
    () => respondentDefinition(definition, { accessMode: "open-link", units }),
    [definition, units],
  );
  return (
    <>
      <fieldset className="preview-languages">
        <legend>{t.previewLanguages}</legend>
        <div className="language-switcher">
          {LOCALES.map((option) => (
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
        <SurveyPreview definition={shown} locale={locale} />
      </Suspense>
    </>
  );
}
