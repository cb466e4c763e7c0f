import { z } from "zod";

/**
 * Every problem the questionnaire checks can name (`surveys/check-version.ts` and the checks it
 * runs), by a stable code. A refused upload (422 `invalid-questionnaire`) carries each problem's
 * code and parameters beside the checker's English `message`, so the screens say it in the
 * reader's language; the identifying-question warnings (409 `warnings-not-acknowledged` and a
 * version's `warnings`) do the same. A new code fails the type check until the questionnaire
 * screens translate it (client/admin/questionnaires/questionnaire-problem-text.ts).
 */
export const QUESTIONNAIRE_PROBLEM_CODES = [
  // The file as a whole.
  "not-json",
  "unreadable",
  "too-deep",
  "not-an-object",
  "no-pages",
  "elements-not-a-list",
  "surveyjs-error",
  "unsafe-markup",
  "answers-uncheckable",
  // Languages.
  "no-language",
  "text-not-translated",
  "item-without-text",
  "text-lacks-language",
  // Questions.
  "question-without-name",
  "list-not-a-list",
  "item-without-value",
  "duplicate-name",
  "unsupported-type",
  "unsupported-property",
  "visible-if-unknown-question",
  "breakdown-not-single-choice",
  "breakdown-without-prefer-not-to-say",
  // The unit question.
  "no-unit-question",
  "several-unit-questions",
  "unit-question-not-dropdown",
  "unit-question-not-required",
  "unit-question-conditional",
  // Free text and the comment rules.
  "free-text-attached",
  "free-text-conditional-on-sensitive",
  "free-text-sensitive",
  "free-text-value-input",
  // Renamed questions (previousName).
  "previous-name-without-previous-version",
  "previous-name-unknown",
  "previous-name-still-used",
  "previous-name-claimed-twice",
  // Warnings the coordinator acknowledges before publishing.
  "identifying-free-text",
  "identifying-input-type",
] as const;
export type QuestionnaireProblemCode = (typeof QUESTIONNAIRE_PROBLEM_CODES)[number];

/** What an identifying question asks for (`identifying-free-text`, `identifying-input-type`). */
export const IDENTIFYING_KINDS = [
  "e-mail",
  "name",
  "phone",
  "department",
  "staff-number",
  "birth-date",
  "address",
] as const;
export type IdentifyingKind = (typeof IDENTIFYING_KINDS)[number];

export type ProblemParams = Record<string, string | number>;

/** One problem of a questionnaire: its code and parameters, and the checker's English words. */
export const questionnaireProblemSchema = z.object({
  /** The question it concerns, `definition` for the questionnaire as a whole. */
  question: z.string(),
  message: z.string(),
  code: z.enum(QUESTIONNAIRE_PROBLEM_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type QuestionnaireProblem = z.infer<typeof questionnaireProblemSchema>;
