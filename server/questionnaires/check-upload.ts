import { checkQuestionnaireVersion, parseQuestionnaireText } from "../../surveys/check-version";
import { ProblemError } from "../errors";
import { compileResponseValidator } from "../responses/compile-response-validator";

/**
 * The question an issue of the checks is about: `"name": …` names it; a path such as
 * `survey.pages[0].elements[1].title lacks "fr"` is followed into the definition to the
 * question it lies in. Anything else concerns the questionnaire as a whole.
 */
function fieldOf(issue: string, definition: unknown): string {
  const quoted = /^"([^"]+)"/.exec(issue);
  if (quoted) return quoted[1] as string;
  const path = /^survey((?:\.\w+|\[\d+\])+)/.exec(issue);
  if (!path) return "definition";
  let node: unknown = definition;
  let question: string | undefined;
  for (const [, key, index] of (path[1] as string).matchAll(/\.(\w+)|\[(\d+)\]/g)) {
    if (typeof node !== "object" || node === null) break;
    node = (node as Record<string, unknown>)[key ?? Number(index)];
    const element = node as { type?: unknown; name?: unknown } | null;
    if (typeof element?.type === "string" && typeof element.name === "string")
      question = element.name;
  }
  return question ?? `survey${path[1]}`;
}

/**
 * Reads an uploaded questionnaire file and runs every check a bundled file passes
 * (`npm run surveys:check`), then compiles the submission validator respondents' answers will
 * meet. Answers 422 `invalid-questionnaire` naming every problem; returns the definition.
 */
export function checkUploadedQuestionnaire(text: string, previous: unknown | undefined): unknown {
  const parsed = parseQuestionnaireText(text);
  let issues: string[];
  try {
    issues = parsed.ok ? checkQuestionnaireVersion(parsed.definition, previous) : parsed.issues;
  } catch (error) {
    // A file the checks cannot even walk is refused like any other faulty file, never a 500.
    issues = [`the questionnaire could not be read: ${(error as Error).message}`];
  }
  if (parsed.ok && issues.length === 0) {
    try {
      compileResponseValidator(parsed.definition);
    } catch (error) {
      issues.push(`answers could not be checked: ${(error as Error).message}`);
    }
  }
  if (!parsed.ok || issues.length > 0) {
    throw new ProblemError(
      422,
      "invalid-questionnaire",
      "The questionnaire is not valid",
      `The questionnaire has ${issues.length} problem${issues.length === 1 ? "" : "s"}; nothing was stored.`,
      {
        errors: issues.map((message) => ({
          question: fieldOf(message, parsed.ok ? parsed.definition : undefined),
          message,
        })),
      },
    );
  }
  return parsed.definition;
}
