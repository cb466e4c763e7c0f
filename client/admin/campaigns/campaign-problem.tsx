import { ApiProblem } from "../admin-api";
import { useMessages } from "../admin-locale";
import { ProblemAlert } from "../page-states";
import { CAMPAIGN_MESSAGES, type KnownConflict } from "./campaign-messages";

/**
 * A failed campaign call: conflicts the server names (a taken address, k only up, …) in the
 * staff member's language, anything else as the admin app says it.
 */
export function CampaignProblem({ problem, onRetry }: { problem: unknown; onRetry?: () => void }) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const text = conflictText(problem, t.conflicts);
  if (!text) return <ProblemAlert problem={problem} onRetry={onRetry} />;
  return (
    <div className="card alert" role="alert">
      <p>{text}</p>
    </div>
  );
}

/** The localized text of a known 409 conflict, or null. */
export function conflictText(
  problem: unknown,
  conflicts: Record<KnownConflict, string>,
): string | null {
  if (!(problem instanceof ApiProblem) || problem.status !== 409) return null;
  const name = problem.problemName;
  return name !== undefined && name in conflicts ? conflicts[name as KnownConflict] : null;
}
