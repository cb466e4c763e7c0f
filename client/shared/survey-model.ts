import { Model } from "survey-core";
import DefaultLight from "survey-core/themes/default-light";
import "survey-core/i18n/dutch";
import "survey-core/i18n/french";
import { registerPeilpuntProperties } from "../../surveys/custom-properties";
import type { Locale } from "../i18n/locales";

registerPeilpuntProperties();

// Darker accent than SurveyJS's default green, so white text on buttons passes WCAG AA.
const ACCENT = "rgba(12, 92, 75, 1)";

/** A SurveyJS model for a questionnaire version, themed and set up for anonymous answering. */
export function createSurveyModel(definition: unknown, locale: Locale): Model {
  const model = new Model(definition);
  model.applyTheme({
    ...DefaultLight,
    cssVariables: {
      ...DefaultLight.cssVariables,
      "--sjs-primary-backcolor": ACCENT,
      "--sjs-primary-backcolor-dark": "rgba(8, 70, 57, 1)",
      "--sjs-primary-backcolor-light": "rgba(12, 92, 75, 0.1)",
      "--sjs-general-forecolor-light": "rgba(0, 0, 0, 0.66)",
      "--sjs-font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    },
  });
  model.locale = locale;
  // Values of questions that get hidden are dropped at once, so they are never sent.
  model.clearInvisibleValues = "onHidden";
  model.showCompletedPage = false;
  model.showTitle = false;
  return model;
}
