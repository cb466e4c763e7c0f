import { lazy, type ReactNode, Suspense, useId, useState } from "react";
import type { Locale } from "../../i18n/locales";

const SurveyPreview = lazy(() => import("./survey-preview"));

/** The texts a questionnaire preview needs, from the messages of the screen that shows it. */
export interface PreviewTexts {
  previewTitle: string;
  previewIntro: string;
  showPreview: string;
  hidePreview: string;
  previewLanguages: string;
  previewLoading: string;
  previewShowing: (language: string) => string;
  languageNames: Record<Locale, string>;
}

/** A card that loads its preview only when asked (SurveyJS is a large download). */
export function PreviewCard({ t, children }: { t: PreviewTexts; children: () => ReactNode }) {
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
      <div id={`${id}-body`}>{shown ? children() : null}</div>
    </section>
  );
}

/** A definition as respondents get it, read-only, with a switch between its languages. */
export function PreviewInLanguages({
  t,
  locales,
  initial,
  definition,
}: {
  t: PreviewTexts;
  locales: readonly Locale[];
  initial: Locale;
  definition: unknown;
}) {
  const [locale, setLocale] = useState<Locale>(initial);
  return (
    <>
      <fieldset className="preview-languages">
        <legend>{t.previewLanguages}</legend>
        <div className="language-switcher">
          {locales.map((option) => (
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
