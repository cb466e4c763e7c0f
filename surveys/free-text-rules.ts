import { type CheckIssue, checkIssue } from "./check-issue";
import { walkQuestions } from "./model/walk-questions";

/** The free-text question types: their answers are published as comments (analysis/publish-comments.ts). */
const FREE_TEXT = new Set(["comment", "text"]);

/**
 * Properties that put a free-text field on a question that is not a free-text question: an
 * "other, please specify" choice or a comment area. Their text would be stored beside the
 * choice, outside every published item, and on a breakdown or sensitive question it would be
 * tied to the respondent's demographic answer.
 */
const ATTACHED_FREE_TEXT = ["hasOther", "showOtherItem", "hasComment", "showCommentArea"];

/**
 * Text inputs whose answer is a value rather than prose: published as comments they would list
 * exact ages, years of service or dates per unit, which masking does not hide and k does not
 * protect (a choice of ranges does).
 */
const VALUE_INPUT_TYPES = new Set([
  "number",
  "range",
  "date",
  "datetime-local",
  "month",
  "week",
  "time",
  "color",
]);

/**
 * Free text only where the comment rules can protect it. Those rules
 * (analysis/publish-comments.ts) publish the answers of a `comment` or `text` question per whole
 * unit of at least max(k, 10) respondents, never under a demographic value, masked and in an
 * order unrelated to arrival. So free text is refused when it is attached to a choice question,
 * shown only by the answer to a breakdown or sensitive question (its writers would all share
 * that answer), marked sensitive (the unanimity rule protects choices, not prose), or a value
 * input (a number or date).
 */
export function freeTextIssues(definition: unknown): CheckIssue[] {
  const questions = walkQuestions(definition);
  const byName = new Map(questions.map((q) => [q.name, q]));
  const issues: CheckIssue[] = [];
  for (const { element, name, type, sensitive, conditions } of questions) {
    if (!FREE_TEXT.has(type)) {
      for (const property of ATTACHED_FREE_TEXT) {
        if (element[property] === undefined || element[property] === false) continue;
        issues.push(
          checkIssue(
            "free-text-attached",
            `"${name}": "${property}" adds a free-text field to a choice question, which the comment rules cannot protect; ask it as a separate comment question`,
            { property },
            name,
          ),
        );
      }
      continue;
    }
    if (sensitive)
      issues.push(
        checkIssue(
          "free-text-sensitive",
          `"${name}": free text cannot be marked sensitive: comments are published as written for whole units; ask a sensitive matter as a choice question`,
          {},
          name,
        ),
      );
    const inputType = typeof element.inputType === "string" ? element.inputType : "";
    if (type === "text" && VALUE_INPUT_TYPES.has(inputType))
      issues.push(
        checkIssue(
          "free-text-value-input",
          `"${name}": a text input of type "${inputType}" would publish exact values as comments; ask it as a choice of ranges`,
          { inputType },
          name,
        ),
      );
    const on = sensitiveCondition(conditions, byName, new Set([name]));
    if (on)
      issues.push(
        checkIssue(
          "free-text-conditional-on-sensitive",
          `"${name}": free text shown only by the answer to "${on}", a breakdown or sensitive question: its comments would be those of one group; show it to everyone`,
          { on },
          name,
        ),
      );
  }
  return issues;
}

type Walked = ReturnType<typeof walkQuestions>[number];

/**
 * The breakdown or sensitive question a set of conditions depends on, directly or through the
 * conditions of the questions they name (a question shown only to some is answered only by them).
 */
function sensitiveCondition(
  conditions: string[],
  byName: Map<string, Walked>,
  seen: Set<string>,
): string | undefined {
  for (const condition of conditions) {
    for (const match of condition.matchAll(/\{([^}]+)\}/g)) {
      const referenced = (match[1] ?? "").split(".")[0] ?? "";
      const question = byName.get(referenced);
      if (!question || seen.has(referenced)) continue;
      if (question.sensitive) return referenced;
      seen.add(referenced);
      const deeper = sensitiveCondition(question.conditions, byName, seen);
      if (deeper) return deeper;
    }
  }
  return undefined;
}
