import type { Locale } from "../../server/contract/locales";
import { choiceTexts, localizedText, optionTexts } from "./question-texts";
import { questionnaireLanguages, readingLanguage } from "./questionnaire-languages";
import { walkQuestions } from "./walk-questions";

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

/**
 * Reads the texts of a SurveyJS definition in one language: every question on every page,
 * inside panels too, with its title, matrix rows and option texts. A reader whose language the
 * questionnaire lacks gets all of them in one language it has (readingLanguage: an English
 * reader of a nl/fr questionnaire reads Dutch). Pure: no network, no DOM.
 */
export function questionnaireLabels(definition: unknown, reader: Locale): QuestionnaireLabels {
  const locale = readingLanguage(questionnaireLanguages(definition), reader);
  const questions = new Map<string, QuestionLabel>();
  for (const { element, name, type } of walkQuestions(definition)) {
    if (typeof element.name !== "string" || questions.has(name)) continue;
    questions.set(name, {
      name,
      title: localizedText(element.title, locale) ?? name,
      rows: type === "matrix" ? choiceTexts(element.rows, locale) : new Map(),
      options: optionTexts(element, locale),
    });
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
