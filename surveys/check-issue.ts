import type {
  ProblemParams,
  QuestionnaireProblemCode,
} from "../server/contract/questionnaire-problems";

/**
 * One problem a questionnaire check found: a stable code with its parameters (which the admin
 * screens translate), the English sentence `npm run surveys:check` prints, and the question it
 * concerns when the check knows it (texts name their place in `params.path` instead).
 */
export interface CheckIssue {
  code: QuestionnaireProblemCode;
  params: ProblemParams;
  message: string;
  question?: string;
}

/** A problem about question `question` (or the questionnaire as a whole when undefined). */
export function checkIssue(
  code: QuestionnaireProblemCode,
  message: string,
  params: ProblemParams = {},
  question?: string,
): CheckIssue {
  return question === undefined ? { code, params, message } : { code, params, message, question };
}
