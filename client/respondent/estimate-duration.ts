import { asArray, asObject, walkQuestions } from "../../surveys/model/walk-questions";

/**
 * Seconds a respondent typically spends per answer, by question type; conservative, so that
 * the estimate on the privacy notice is not a promise the questionnaire breaks. A grid counts
 * per statement.
 */
const SECONDS_PER_ANSWER: Record<string, number> = {
  radiogroup: 12,
  dropdown: 12,
  boolean: 8,
  rating: 8,
  matrixRow: 8,
  checkbox: 20,
  text: 20,
  comment: 60,
};
const SECONDS_OTHER = 15;
/** Reading a page's title and moving on. */
const SECONDS_PER_PAGE = 5;

/** How many answers a questionnaire asks for (a grid's statements each count) and the minutes. */
export function estimateDuration(definition: unknown): { questions: number; minutes: number } {
  let questions = 0;
  let seconds = asArray(asObject(definition).pages).length * SECONDS_PER_PAGE;
  for (const { element } of walkQuestions(definition)) {
    const type = String(element.type);
    if (type === "html" || type === "image" || type === "expression") continue;
    const answers = type === "matrix" ? Math.max(1, asArray(element.rows).length) : 1;
    const perAnswer = SECONDS_PER_ANSWER[type === "matrix" ? "matrixRow" : type] ?? SECONDS_OTHER;
    questions += answers;
    seconds += answers * perAnswer;
  }
  return { questions, minutes: Math.max(1, Math.ceil(seconds / 60)) };
}
