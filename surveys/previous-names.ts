import { type CheckIssue, checkIssue } from "./check-issue";
import { walkQuestions } from "./model/walk-questions";

/**
 * The renames a questionnaire version declares: question name → its name in the previous
 * version (`previousName`), so a comparison of waves follows a renamed or reworded question.
 */
export function declaredPreviousNames(definition: unknown): Record<string, string> {
  const renames: Record<string, string> = {};
  for (const { element } of walkQuestions(definition)) {
    if (typeof element.previousName === "string" && element.previousName !== "") {
      renames[String(element.name)] = element.previousName;
    }
  }
  return renames;
}

/**
 * Every `previousName` must name a question of the previous version, at most once, and not a
 * name this version still uses for another question (the comparison could not tell them apart).
 */
export function checkPreviousNames(
  definition: unknown,
  previous: unknown | undefined,
): CheckIssue[] {
  const renames = Object.entries(declaredPreviousNames(definition));
  if (renames.length === 0) return [];
  if (previous === undefined) {
    return renames.map(([name, old]) =>
      checkIssue(
        "previous-name-without-previous-version",
        `"${name}": previousName "${old}" but there is no previous version`,
        { previousName: old },
        name,
      ),
    );
  }
  const before = new Set(walkQuestions(previous).map(({ element }) => String(element.name)));
  const now = new Set(walkQuestions(definition).map(({ element }) => String(element.name)));
  const issues: CheckIssue[] = [];
  const claimed = new Map<string, string>();
  for (const [name, old] of renames) {
    if (!before.has(old)) {
      issues.push(
        checkIssue(
          "previous-name-unknown",
          `"${name}": previousName "${old}" is not a question of the previous version`,
          { previousName: old },
          name,
        ),
      );
    } else if (old !== name && now.has(old)) {
      issues.push(
        checkIssue(
          "previous-name-still-used",
          `"${name}": previousName "${old}" is still the name of another question`,
          { previousName: old },
          name,
        ),
      );
    }
    const other = claimed.get(old);
    if (other)
      issues.push(
        checkIssue(
          "previous-name-claimed-twice",
          `"${name}" and "${other}" both claim previousName "${old}"`,
          { previousName: old, other },
          name,
        ),
      );
    claimed.set(old, name);
  }
  return issues;
}
