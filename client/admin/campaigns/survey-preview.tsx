import { useMemo } from "react";
import { Survey } from "survey-react-ui";
import "survey-core/survey-core.fontless.css";
import type { Locale } from "../../i18n/locales";
import { createSurveyModel } from "../../shared/survey-model";

/**
 * A questionnaire rendered read-only on one page, as respondents would see it in one language.
 * Loaded on demand (React.lazy): SurveyJS is large and most visits never open a preview.
 */
export default function SurveyPreview({
  definition,
  locale,
}: {
  definition: unknown;
  locale: Locale;
}) {
  const model = useMemo(() => {
    const preview = createSurveyModel(definition, locale);
    // `mode = "display"` is deprecated in survey-core 2+; readOnly is its replacement.
    preview.readOnly = true;
    preview.questionsOnPageMode = "singlePage";
    preview.showNavigationButtons = false;
    preview.showProgressBar = false;
    preview.showTitle = true;
    return preview;
  }, [definition, locale]);
  return (
    <div className="survey-preview" lang={locale}>
      <Survey model={model} />
    </div>
  );
}
