import { LOCALES, type Locale } from "../../server/contract/locales";

/** Properties whose value a respondent reads: each is a text in the questionnaire's languages. */
const LOCALIZABLE = new Set([
  "title",
  "description",
  "html",
  "completedHtml",
  "completedBeforeHtml",
  "loadingHtml",
  "placeholder",
  "minRateDescription",
  "maxRateDescription",
  "requiredErrorText",
  "otherText",
  "noneText",
  "labelTrue",
  "labelFalse",
]);
const ITEM_LISTS = new Set(["choices", "rows", "columns", "rateValues"]);

/**
 * SurveyJS writes a text without a language (a plain string, or the key `default`) in its
 * default locale, English (`surveyLocalization.defaultLocale`, which Peilpunt never changes).
 */
const DEFAULT_LOCALE: Locale = "en";

/** One text a respondent reads, where it is in the definition (`survey.pages[0].title`). */
export interface QuestionnaireText {
  path: string;
  /** A string, an object by locale, or undefined for a list item that has no text. */
  text: unknown;
}

/**
 * Every text of a definition a respondent reads: the localizable properties, and the texts of
 * choices, matrix rows and columns and rating points (a bare number reads the same in every
 * language and is left out; any other item without a text is listed with `text` undefined).
 */
export function questionnaireTexts(definition: unknown): QuestionnaireText[] {
  const found: QuestionnaireText[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        visit(item, `${path}[${i}]`);
      });
      return;
    }
    if (typeof value !== "object" || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      const at = `${path}.${key}`;
      if (LOCALIZABLE.has(key)) found.push({ path: at, text: inner });
      else if (ITEM_LISTS.has(key) && Array.isArray(inner)) {
        inner.forEach((item, i) => {
          const text =
            typeof item === "object" && item !== null
              ? (item as { text?: unknown }).text
              : undefined;
          if (text !== undefined) found.push({ path: `${at}[${i}].text`, text });
          else if (typeof item !== "number") found.push({ path: `${at}[${i}]`, text: undefined });
        });
      } else visit(inner, at);
    }
  };
  visit(definition, "survey");
  return found;
}

/** The languages of Peilpunt one text is given in (non-empty), in LOCALES order. */
export function textLanguages(text: unknown): Locale[] {
  if (typeof text === "string") return text.trim() === "" ? [] : [DEFAULT_LOCALE];
  if (typeof text !== "object" || text === null || Array.isArray(text)) return [];
  const given = new Set<string>();
  for (const [key, value] of Object.entries(text)) {
    if (typeof value !== "string" || value.trim() === "") continue;
    given.add(key === "default" ? DEFAULT_LOCALE : key);
  }
  return LOCALES.filter((locale) => given.has(locale));
}

/**
 * The languages a questionnaire declares: those of nl, fr and en its texts are written in by
 * key (`{ "nl": …, "fr": … }`, `default` counting as English) — SurveyJS's
 * `SurveyModel.getUsedLocales()` limited to Peilpunt's languages. A questionnaire whose texts
 * are all plain strings (as the form builder writes them before any translation) is English.
 * Every text must then be given in each of them (surveys/check-questionnaire.ts). Empty when no
 * text is in any of them.
 */
export function questionnaireLanguages(definition: unknown): Locale[] {
  const used = new Set<Locale>();
  let plain = false;
  for (const { text } of questionnaireTexts(definition)) {
    if (typeof text === "string") {
      plain ||= text.trim() !== "";
      continue;
    }
    for (const locale of textLanguages(text)) used.add(locale);
  }
  if (used.size === 0 && plain) return [DEFAULT_LOCALE];
  return LOCALES.filter((locale) => used.has(locale));
}

/**
 * The language to read a questionnaire in: the reader's when the questionnaire has it, else
 * English, Dutch, French in that order (an English reader of a nl/fr questionnaire reads Dutch).
 */
export function readingLanguage(languages: readonly Locale[], reader: Locale): Locale {
  if (languages.includes(reader)) return reader;
  return (["en", "nl", "fr"] as const).find((locale) => languages.includes(locale)) ?? reader;
}
