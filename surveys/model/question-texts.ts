import type { Locale } from "../../server/contract/locales";
import { type ChoiceItem, choiceItems, type Json, ratingItems } from "./walk-questions";

const FALLBACK_ORDER: readonly string[] = ["default", "en", "nl", "fr"];

/**
 * A SurveyJS text in one language: a plain string, or an object by locale. Falls back to
 * `default`, then the other languages, so a text missing in French still reads as something.
 */
export function localizedText(value: unknown, locale: Locale): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const texts = value as Json;
  for (const key of [locale, ...FALLBACK_ORDER]) {
    const text = texts[key];
    if (typeof text === "string" && text.trim() !== "") return text;
  }
  return undefined;
}

/** Texts of list items by value as a release writes it (`String(value)`); the value if untitled. */
function itemTexts(items: ChoiceItem[], locale: Locale): Map<string, string> {
  const texts = new Map<string, string>();
  for (const { value, text } of items) {
    if (value === undefined || value === null) continue;
    texts.set(String(value), localizedText(text, locale) ?? String(value));
  }
  return texts;
}

/** A choices/rows/columns/rateValues list's texts by value. */
export function choiceTexts(list: unknown, locale: Locale): Map<string, string> {
  return itemTexts(choiceItems(list), locale);
}

/** A rating question's scale points; without rateValues the ends carry their descriptions. */
function ratingTexts(element: Json, locale: Locale): Map<string, string> {
  const texts = itemTexts(ratingItems(element), locale);
  if (element.rateValues !== undefined) return texts;
  const points = [...texts.keys()];
  const ends: [string | undefined, unknown][] = [
    [points[0], element.minRateDescription],
    [points.at(-1), element.maxRateDescription],
  ];
  for (const [point, description] of ends) {
    const text = localizedText(description, locale);
    if (point !== undefined && text) texts.set(point, `${point} – ${text}`);
  }
  return texts;
}

/** The texts of a question's answer options by value, as respondents read them in `locale`. */
export function optionTexts(element: Json, locale: Locale): Map<string, string> {
  switch (element.type) {
    case "rating":
      return ratingTexts(element, locale);
    case "matrix":
      return choiceTexts(element.columns, locale);
    case "boolean": {
      const texts = new Map<string, string>();
      const yes = localizedText(element.labelTrue, locale);
      const no = localizedText(element.labelFalse, locale);
      if (yes) texts.set("true", yes);
      if (no) texts.set("false", no);
      return texts;
    }
    default:
      return choiceTexts(element.choices, locale);
  }
}
