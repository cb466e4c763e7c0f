import type { CheckIssue } from "../../surveys/check-issue";
import { checkIssue } from "../../surveys/check-issue";
import { checkQuestionnaireVersion, parseQuestionnaireText } from "../../surveys/check-version";
import type { QuestionnaireProblem } from "../contract/questionnaire-problems";
import { ProblemError } from "../errors";
import { compileResponseValidator } from "../responses/compile-response-validator";

/** An issue as the 422 names it: the question (or `definition`), code, parameters, English. */
function asProblem({ code, params, message, question }: CheckIssue): QuestionnaireProblem {
  return { question: question ?? "definition", message, code, params };
}

/**
 * Reads an uploaded questionnaire file and runs every check a bundled file passes
 * (`npm run surveys:check`), then compiles the submission validator respondents' answers will
 * meet. Answers 422 `invalid-questionnaire` naming every problem (with its code and parameters
 * for the screens to translate); returns the definition.
 */
export function checkUploadedQuestionnaire(text: string, previous: unknown | undefined): unknown {
  const parsed = parseQuestionnaireText(text);
  let issues: CheckIssue[];
  try {
    issues = parsed.ok ? checkQuestionnaireVersion(parsed.definition, previous) : parsed.issues;
  } catch (error) {
    // A file the checks cannot even walk is refused like any other faulty file, never a 500.
    const reason = (error as Error).message;
    issues = [
      checkIssue("unreadable", `the questionnaire could not be read: ${reason}`, { reason }),
    ];
  }
  if (parsed.ok && issues.length === 0) {
    try {
      compileResponseValidator(parsed.definition);
    } catch (error) {
      const reason = (error as Error).message;
      issues.push(
        checkIssue("answers-uncheckable", `answers could not be checked: ${reason}`, { reason }),
      );
    }
  }
  if (!parsed.ok || issues.length > 0) {
    throw new ProblemError(
      422,
      "invalid-questionnaire",
      "The questionnaire is not valid",
      `The questionnaire has ${issues.length} problem${issues.length === 1 ? "" : "s"}; nothing was stored.`,
      { errors: issues.map(asProblem) },
    );
  }
  return parsed.definition;
}
