import type { Locale } from "../../i18n/locales";

/** What one question of a questionnaire is called, with its rows and answer options. */
export interface QuestionLabel {
  name: string;
  title: string;
  /** Matrix rows by value; empty for other questions. */
  rows: ReadonlyMap<string, string>;
  /** Option texts by value as the release writes it (`String(value)`). */
  options: ReadonlyMap<string, string>;
}

/** The questions of a questionnaire version by name, in questionnaire order. */
export type QuestionnaireLabels = ReadonlyMap<string, QuestionLabel>;

/** A release item's place in the questionnaire: its question and, for a matrix, its row. */
export interface ItemLabel {
  /** The question's name; the item key itself when the questionnaire does not know it. */
  question: string;
  title: string;
  /** The matrix row's text, or null for a question that is not a matrix. */
  row: string | null;
}

type Json = Record<string, unknown>;

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

function asObject(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A choices/rows/columns/rateValues list: each item a plain value or `{ value, text }`. */
function choiceTexts(list: unknown, locale: Locale): Map<string, string> {
  const texts = new Map<string, string>();
  for (const raw of asArray(list)) {
    const choice = typeof raw === "object" && raw !== null ? (raw as Json) : { value: raw };
    if (choice.value === undefined || choice.value === null) continue;
    const value = String(choice.value);
    texts.set(value, localizedText(choice.text, locale) ?? value);
  }
  return texts;
}

/** The scale points of a rating question without rateValues, the ends with their descriptions. */
function ratingTexts(element: Json, locale: Locale): Map<string, string> {
  if (element.rateValues !== undefined) return choiceTexts(element.rateValues, locale);
  const min = typeof element.rateMin === "number" ? element.rateMin : 1;
  const max = typeof element.rateMax === "number" ? element.rateMax : 5;
  const step = typeof element.rateStep === "number" && element.rateStep > 0 ? element.rateStep : 1;
  const low = localizedText(element.minRateDescription, locale);
  const high = localizedText(element.maxRateDescription, locale);
  const texts = new Map<string, string>();
  for (let point = min; point <= max; point += step) {
    const description = point === min ? low : point === max ? high : undefined;
    texts.set(String(point), description ? `${point} – ${description}` : String(point));
  }
  return texts;
}

function optionTexts(element: Json, locale: Locale): Map<string, string> {
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

/**
 * Reads the texts of a SurveyJS definition in one language: every question on every page,
 * inside panels too, with its title, matrix rows and option texts. Pure: no network, no DOM.
 */
export function questionnaireLabels(definition: unknown, locale: Locale): QuestionnaireLabels {
  const questions = new Map<string, QuestionLabel>();
  const visit = (elements: unknown) => {
    for (const raw of asArray(elements)) {
      const element = asObject(raw);
      if (element.type === "panel") {
        visit(element.elements ?? element.questions);
        continue;
      }
      if (typeof element.name !== "string" || questions.has(element.name)) continue;
      questions.set(element.name, {
        name: element.name,
        title: localizedText(element.title, locale) ?? element.name,
        rows: element.type === "matrix" ? choiceTexts(element.rows, locale) : new Map(),
        options: optionTexts(element, locale),
      });
    }
  };
  const survey = asObject(definition);
  const pages = survey.pages !== undefined ? asArray(survey.pages) : [survey];
  for (const page of pages) {
    const fields = asObject(page);
    visit(fields.elements ?? fields.questions);
  }
  return questions;
}

/**
 * The question (and matrix row) of a release item key: `climate.respected` is row
 * `respected` of matrix `climate`. Unknown keys fall back to the key itself.
 */
export function itemLabel(labels: QuestionnaireLabels, key: string): ItemLabel {
  const whole = labels.get(key);
  if (whole) return { question: key, title: whole.title, row: null };
  const dot = key.lastIndexOf(".");
  if (dot > 0) {
    const matrix = labels.get(key.slice(0, dot));
    if (matrix) {
      const row = key.slice(dot + 1);
      return { question: matrix.name, title: matrix.title, row: matrix.rows.get(row) ?? row };
    }
  }
  return { question: key, title: key, row: null };
}

/** The text of one answer option of a release item; the value itself when unknown. */
export function optionLabel(labels: QuestionnaireLabels, key: string, value: string): string {
  const question = labels.get(itemLabel(labels, key).question);
  return question?.options.get(value) ?? value;
}
