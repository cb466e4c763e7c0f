import { useId } from "react";
import type { Locale } from "../i18n/locales";
import { RESPONDENT_MESSAGES } from "../i18n/respondent-messages";

/** "Page 3 of 8" with a bar; the text is a polite live region, so a screen reader says it. */
export function SurveyProgress({
  locale,
  page,
  pages,
}: {
  locale: Locale;
  page: number;
  pages: number;
}) {
  const t = RESPONDENT_MESSAGES[locale];
  const id = useId();
  return (
    <div className="survey-progress">
      <p id={id} aria-live="polite">
        {t.progress(page, pages)}
      </p>
      <progress aria-labelledby={id} max={pages} value={page} title={t.progressLabel} />
    </div>
  );
}
