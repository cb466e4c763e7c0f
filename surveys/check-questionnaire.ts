import { SurveyModel } from "survey-core";
import type { Locale } from "../server/contract/locales";
import { type CheckIssue, checkIssue } from "./check-issue";
import { registerPeilpuntProperties } from "./custom-properties";
import { freeTextIssues } from "./free-text-rules";
import {
  questionnaireLanguages,
  questionnaireTexts,
  textLanguages,
} from "./model/questionnaire-languages";
import { choiceItems, walkQuestions } from "./model/walk-questions";

export type CheckResult = { ok: true } | { ok: false; issues: CheckIssue[] };

export const PREFER_NOT_TO_SAY = "prefer_not_to_say";

/** Question types the server validator and the analysis understand. */
const SUPPORTED_TYPES = new Set([
  "radiogroup",
  "dropdown",
  "checkbox",
  "rating",
  "matrix",
  "boolean",
  "comment",
  "text",
  "html",
]);
const SINGLE_CHOICE = new Set(["radiogroup", "dropdown"]);
/** (An "other" choice and comment areas are free text: surveys/free-text-rules.ts.) */
const UNSUPPORTED_PROPERTIES = [
  "enableIf",
  "requiredIf",
  "choicesByUrl",
  "choicesVisibleIf",
  "rowsVisibleIf",
];
/** Checks a questionnaire definition; returns every issue found, not just the first. */
export function checkQuestionnaire(json: unknown): CheckResult {
  const issues = [
    ...surveyJsErrors(json),
    ...duplicateNames(json),
    ...languageIssues(json),
    ...questionIssues(json),
    ...freeTextIssues(json),
  ];
  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}

function surveyJsErrors(json: unknown): CheckIssue[] {
  registerPeilpuntProperties();
  const model = new SurveyModel(json);
  return (model.jsonErrors ?? []).map((error) =>
    checkIssue("surveyjs-error", `SurveyJS: ${error.message}`, { reason: error.message }),
  );
}

function duplicateNames(json: unknown): CheckIssue[] {
  const seen = new Set<string>();
  const issues: CheckIssue[] = [];
  for (const { name } of walkQuestions(json)) {
    if (seen.has(name))
      issues.push(checkIssue("duplicate-name", `duplicate question name "${name}"`, {}, name));
    seen.add(name);
  }
  return issues;
}

/**
 * The questionnaire's languages are those its texts use (questionnaireLanguages); every text a
 * respondent reads is then needed in each of them, so no respondent meets a text in another
 * language than the one they chose.
 */
function languageIssues(json: unknown): CheckIssue[] {
  const languages = questionnaireLanguages(json);
  if (languages.length === 0)
    return [
      checkIssue(
        "no-language",
        "the questionnaire has no text in Dutch, French or English (nl, fr, en)",
      ),
    ];
  const issues: CheckIssue[] = [];
  for (const { path, text } of questionnaireTexts(json)) {
    if (text === undefined) {
      issues.push(checkIssue("item-without-text", `${path} has no translated text`, { path }));
      continue;
    }
    const given = textLanguages(text);
    const missing = languages.filter((locale) => !given.includes(locale));
    if (missing.length === 0) continue;
    if (typeof text === "string") {
      issues.push(
        checkIssue(
          "text-not-translated",
          `${path} is not translated (give ${languages.join(", ")})`,
          { path, languages: languages.join(",") },
        ),
      );
      continue;
    }
    for (const language of missing) issues.push(lacks(path, language));
  }
  return issues;
}

function lacks(path: string, language: Locale): CheckIssue {
  return checkIssue("text-lacks-language", `${path} lacks "${language}"`, { path, language });
}

function questionIssues(json: unknown): CheckIssue[] {
  const questions = walkQuestions(json);
  const names = new Set(questions.map((q) => q.name));
  const issues: CheckIssue[] = [];
  for (const { element, name, type, breakdown } of questions) {
    if (!SUPPORTED_TYPES.has(type))
      issues.push(
        checkIssue(
          "unsupported-type",
          `"${name}": question type "${type}" is not supported`,
          { type },
          name,
        ),
      );
    for (const property of UNSUPPORTED_PROPERTIES) {
      if (property in element)
        issues.push(
          checkIssue(
            "unsupported-property",
            `"${name}": property "${property}" is not supported`,
            { property },
            name,
          ),
        );
    }
    if (breakdown) {
      if (!SINGLE_CHOICE.has(type)) {
        issues.push(
          checkIssue(
            "breakdown-not-single-choice",
            `"${name}": a breakdown dimension must be single-choice (radiogroup or dropdown)`,
            {},
            name,
          ),
        );
      }
      const values = choiceItems(element.choices).map((choice) => choice.value);
      if (!values.includes(PREFER_NOT_TO_SAY)) {
        issues.push(
          checkIssue(
            "breakdown-without-prefer-not-to-say",
            `"${name}": a breakdown dimension needs the choice "${PREFER_NOT_TO_SAY}"`,
            { choice: PREFER_NOT_TO_SAY },
            name,
          ),
        );
      }
    }
    if (typeof element.visibleIf === "string") {
      for (const reference of referencedNames(element.visibleIf)) {
        if (!names.has(reference))
          issues.push(
            checkIssue(
              "visible-if-unknown-question",
              `"${name}": visibleIf refers to unknown question "${reference}"`,
              { reference },
              name,
            ),
          );
      }
    }
  }
  return issues;
}

function referencedNames(expression: string): string[] {
  return [...expression.matchAll(/\{([^}]+)\}/g)].map((m) => (m[1] ?? "").split(".")[0] ?? "");
}
