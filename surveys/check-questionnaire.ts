import { SurveyModel } from "survey-core";
import { LOCALES } from "../server/contract/locales";
import { registerPeilpuntProperties } from "./custom-properties";
import { asArray, asObject, choiceItems, walkQuestions } from "./model/walk-questions";

export type CheckResult = { ok: true } | { ok: false; issues: string[] };

/** Every text a respondent reads is needed in each language. */
export const REQUIRED_LOCALES = LOCALES;
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
const UNSUPPORTED_PROPERTIES = [
  "enableIf",
  "requiredIf",
  "hasOther",
  "showOtherItem",
  "choicesByUrl",
  "choicesVisibleIf",
  "rowsVisibleIf",
];
/** Properties whose value a respondent reads, so each needs nl, fr and en. */
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
]);

/** Checks a questionnaire definition; returns every issue found, not just the first. */
export function checkQuestionnaire(json: unknown): CheckResult {
  const issues = [
    ...surveyJsErrors(json),
    ...duplicateNames(json),
    ...missingTranslations(json, "survey"),
    ...questionIssues(json),
  ];
  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}

function surveyJsErrors(json: unknown): string[] {
  registerPeilpuntProperties();
  const model = new SurveyModel(json);
  return (model.jsonErrors ?? []).map((error) => `SurveyJS: ${error.message}`);
}

function duplicateNames(json: unknown): string[] {
  const seen = new Set<string>();
  const issues: string[] = [];
  for (const { name } of walkQuestions(json)) {
    if (seen.has(name)) issues.push(`duplicate question name "${name}"`);
    seen.add(name);
  }
  return issues;
}

function missingTranslations(value: unknown, where: string): string[] {
  const issues: string[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      issues.push(...missingTranslations(item, `${where}[${i}]`));
    });
    return issues;
  }
  if (typeof value !== "object" || value === null) return issues;
  for (const [key, inner] of Object.entries(value)) {
    const path = `${where}.${key}`;
    if (LOCALIZABLE.has(key)) issues.push(...localeIssues(inner, path));
    else if (["choices", "rows", "columns", "rateValues"].includes(key)) {
      for (const [i, item] of asArray(inner).entries()) {
        const text =
          typeof item === "object" && item !== null ? (item as { text?: unknown }).text : undefined;
        // A bare number (a scale point) reads the same in every language; anything else needs a text.
        if (text === undefined && typeof item !== "number") {
          issues.push(`${path}[${i}] has no translated text`);
        } else if (text !== undefined) {
          issues.push(...localeIssues(text, `${path}[${i}].text`));
        }
      }
    } else {
      issues.push(...missingTranslations(inner, path));
    }
  }
  return issues;
}

function localeIssues(text: unknown, path: string): string[] {
  if (typeof text === "string") return [`${path} is not translated (give nl, fr and en)`];
  const localized = asObject(text);
  return REQUIRED_LOCALES.filter(
    (locale) => typeof localized[locale] !== "string" || localized[locale] === "",
  ).map((locale) => `${path} lacks "${locale}"`);
}

function questionIssues(json: unknown): string[] {
  const questions = walkQuestions(json);
  const names = new Set(questions.map((q) => q.name));
  const issues: string[] = [];
  for (const { element, name, type, breakdown } of questions) {
    if (!SUPPORTED_TYPES.has(type))
      issues.push(`"${name}": question type "${type}" is not supported`);
    for (const property of UNSUPPORTED_PROPERTIES) {
      if (property in element) issues.push(`"${name}": property "${property}" is not supported`);
    }
    if (breakdown) {
      if (!SINGLE_CHOICE.has(type)) {
        issues.push(
          `"${name}": a breakdown dimension must be single-choice (radiogroup or dropdown)`,
        );
      }
      const values = choiceItems(element.choices).map((choice) => choice.value);
      if (!values.includes(PREFER_NOT_TO_SAY)) {
        issues.push(`"${name}": a breakdown dimension needs the choice "${PREFER_NOT_TO_SAY}"`);
      }
    }
    if (typeof element.visibleIf === "string") {
      for (const reference of referencedNames(element.visibleIf)) {
        if (!names.has(reference))
          issues.push(`"${name}": visibleIf refers to unknown question "${reference}"`);
      }
    }
  }
  return issues;
}

function referencedNames(expression: string): string[] {
  return [...expression.matchAll(/\{([^}]+)\}/g)].map((m) => (m[1] ?? "").split(".")[0] ?? "");
}
