import { checkQuestionnaire } from "./check-questionnaire";
import { asArray, asObject, walkQuestions } from "./model/walk-questions";
import { checkPreviousNames } from "./previous-names";

/** A questionnaire file read as JSON, or what made it unreadable. */
export type ParsedQuestionnaire =
  | { ok: true; definition: unknown }
  | { ok: false; issues: string[] };

/** Reads a questionnaire file's text; invalid JSON is an issue naming where it broke. */
export function parseQuestionnaireText(text: string): ParsedQuestionnaire {
  try {
    return { ok: true, definition: JSON.parse(text) };
  } catch (error) {
    return { ok: false, issues: [`not valid JSON: ${(error as Error).message}`] };
  }
}

/**
 * Every check a questionnaire version must pass before respondents may get it: the same for
 * `npm run surveys:check` (bundled files) and for uploads through the admin API. `previous` is
 * the version before it, against which `previousName` renames are checked.
 */
export function checkQuestionnaireVersion(definition: unknown, previous?: unknown): string[] {
  // Every reader walks a definition recursively: refuse nesting that would overflow the stack.
  if (depthOf(definition) > MAX_DEPTH)
    return [`a questionnaire may nest at most ${MAX_DEPTH} levels deep`];
  const shape = shapeIssues(definition);
  // The other checks walk the definition and assume this shape; stop before they would throw.
  if (shape.length > 0) return shape;
  let own: string[];
  try {
    const result = checkQuestionnaire(definition);
    own = result.ok ? [] : result.issues;
  } catch (error) {
    own = [`SurveyJS could not read the questionnaire: ${(error as Error).message}`];
  }
  return [
    ...own,
    ...unitQuestionIssues(definition),
    ...markupIssues(definition, "survey"),
    ...checkPreviousNames(definition, previous),
  ];
}

/**
 * Markup that could run script, load from elsewhere, send a form or move the page. SurveyJS
 * renders `html` elements and `completedHtml` as HTML on respondents' and staff's pages; the
 * Content-Security-Policy already blocks scripts and foreign loads, and this keeps such markup
 * out of what is stored (a questionnaire is written by one organisation and read by others).
 */
const UNSAFE_MARKUP =
  /<\s*(script|iframe|frame|object|embed|meta|link|base|form|style|svg|math)\b|\son[a-z]+\s*=|javascript:|vbscript:|data:text\/html/i;

function markupIssues(value: unknown, where: string): string[] {
  if (typeof value === "string")
    return UNSAFE_MARKUP.test(value)
      ? [`${where} holds markup that is not allowed (scripts, frames, forms, event handlers)`]
      : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => markupIssues(item, `${where}[${i}]`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => markupIssues(inner, `${where}.${key}`));
}

/** Far beyond any real questionnaire (pages, panels, elements, texts: about 10 levels). */
const MAX_DEPTH = 64;

/** How deeply arrays and objects nest in a JSON value (counted without recursion). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== "object" || node === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DEPTH) return deepest;
    for (const inner of Object.values(node)) stack.push([inner, depth + 1]);
  }
  return deepest;
}

const SCALAR = new Set(["string", "number", "boolean"]);

/** A JSON object with pages of elements, every question named, every choice a plain value. */
function shapeIssues(definition: unknown): string[] {
  if (typeof definition !== "object" || definition === null || Array.isArray(definition)) {
    return ["a questionnaire is a JSON object (SurveyJS JSON with pages)"];
  }
  const survey = asObject(definition);
  if (!Array.isArray(survey.pages) || survey.pages.length === 0) {
    return ['a questionnaire needs "pages": a list of pages with elements'];
  }
  const issues: string[] = [];
  for (const [i, page] of survey.pages.entries()) {
    const container = asObject(page);
    const elements = container.elements ?? container.questions;
    if (elements !== undefined && !Array.isArray(elements))
      issues.push(`survey.pages[${i}]: "elements" must be a list`);
  }
  if (issues.length > 0) return issues;
  for (const { element } of walkQuestions(definition)) {
    if (typeof element.name !== "string" || element.name.trim() === "") {
      issues.push(`a question of type "${String(element.type)}" has no name`);
      continue;
    }
    for (const list of ["choices", "rows", "columns", "rateValues"]) {
      const items = element[list];
      if (items === undefined) continue;
      if (!Array.isArray(items)) {
        issues.push(`"${element.name}": "${list}" must be a list`);
        continue;
      }
      const bad = asArray(items).some((item) => {
        const value =
          typeof item === "object" && item !== null ? (item as { value?: unknown }).value : item;
        return !SCALAR.has(typeof value);
      });
      if (bad)
        issues.push(`"${element.name}": every item of "${list}" needs a text or number value`);
    }
  }
  return issues;
}

/**
 * The unit question: exactly one dropdown marked `unitPicker`, whose choices the server fills
 * with the campaign's units. Without it an open-link campaign could not store a response.
 */
function unitQuestionIssues(definition: unknown): string[] {
  const pickers = walkQuestions(definition).filter((q) => q.unitPicker);
  if (pickers.length === 0)
    return ['a questionnaire needs one question with "unitPicker": true (a dropdown of units)'];
  const issues: string[] = [];
  if (pickers.length > 1)
    issues.push(`only one question may be the unit question, not ${pickers.length}`);
  for (const picker of pickers) {
    if (picker.type !== "dropdown")
      issues.push(`"${picker.name}": the unit question must be a dropdown`);
    if (picker.element.isRequired !== true)
      issues.push(`"${picker.name}": the unit question must be required ("isRequired": true)`);
    if (picker.conditions.length > 0)
      issues.push(`"${picker.name}": the unit question must always be shown (no visibleIf)`);
  }
  return issues;
}
