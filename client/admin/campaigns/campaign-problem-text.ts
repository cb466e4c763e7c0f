import type { ProblemName } from "../../../server/contract/problems";
import { CAMPAIGN_SCREEN_PROBLEMS, type CampaignMessages } from "./campaign-messages";

/**
 * What a problem answer means, in the messages' language: by the problem's name, else (a name
 * the campaign screens do not expect) by its HTTP status. Never the server's English detail.
 */
export function campaignProblemText(
  problem: { status: number; problemName: ProblemName | undefined },
  t: Pick<CampaignMessages, "problems" | "unknownProblem">,
): string {
  const known = CAMPAIGN_SCREEN_PROBLEMS.find((name) => name === problem.problemName);
  return known ? t.problems[known] : t.unknownProblem(problem.status);
}
