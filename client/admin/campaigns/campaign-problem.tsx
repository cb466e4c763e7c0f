import { ApiProblem } from "../admin-api";
import { useMessages } from "../admin-locale";
import { ADMIN_MESSAGES } from "../admin-messages";
import { ProblemAlert } from "../page-states";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";
import { campaignProblemText } from "./campaign-problem-text";

/**
 * A failed campaign call, said in the staff member's language by the problem's name (a taken
 * address, k only up, the code ceiling, a busy server, …), never with the server's English
 * detail. A failed connection is the admin app's own message.
 */
export function CampaignProblem({ problem, onRetry }: { problem: unknown; onRetry?: () => void }) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const admin = useMessages(ADMIN_MESSAGES);
  if (!(problem instanceof ApiProblem) || problem.status === 0) {
    return <ProblemAlert problem={problem} onRetry={onRetry} />;
  }
  return (
    <div className="card alert" role="alert">
      <p>{campaignProblemText(problem, t)}</p>
      {onRetry && (problem.status >= 500 || problem.status === 429) ? (
        <button type="button" className="secondary" onClick={onRetry}>
          {admin.retry}
        </button>
      ) : null}
    </div>
  );
}
