import { type ItemValue, Model } from "survey-core";
import DefaultLight from "survey-core/themes/default-light";
import "survey-core/i18n/dutch";
import "survey-core/i18n/french";
import { registerPeilpuntProperties } from "../../surveys/custom-properties";
import type { Locale } from "../i18n/locales";
import "./survey-layout.css";

registerPeilpuntProperties();

// Darker accent than SurveyJS's default green, so white text on buttons passes WCAG AA.
const ACCENT = "rgba(12, 92, 75, 1)";

/**
 * A SurveyJS model for a questionnaire version, themed and set up for anonymous answering. The
 * respondent page and the admin preview both build theirs here (with survey-layout.css), so a
 * coordinator previews the layout respondents get.
 */
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
  // Values of questions that get hidden are dropped at once, so they are never sent.
  model.clearInvisibleValues = "onHidden";
  model.showCompletedPage = false;
  model.showTitle = false;
  // The respondent page shows its own "Page 3 of 8", which a screen reader announces.
  model.showProgressBar = false;
  for (const question of model.getAllQuestions()) {
    // A scale stays a row of buttons on a phone instead of turning into a dropdown.
    if (question.getType() === "rating") {
      question.displayMode = "buttons";
      question.rateDescriptionLocation = "top";
    }
  }
  setSurveyLocale(model, locale);
  return model;
}

/** Switches the language, keeping the answers, and sorts the unit list in that language. */
export function setSurveyLocale(model: Model, locale: Locale): void {
  model.locale = locale;
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  for (const question of model.getAllQuestions()) {
    if (question.getPropertyValue("unitPicker") !== true) continue;
    const choices = [...(question.choices as ItemValue[])];
    question.choices = choices.sort((a, b) =>
      collator.compare(
        a.locText.getLocaleText(locale) || a.text,
        b.locText.getLocaleText(locale) || b.text,
      ),
    );
  }
}
