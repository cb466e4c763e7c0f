import { ApiProblem } from "../admin-api";
import { useMessages } from "../admin-locale";
import { ProblemAlert } from "../page-states";
import { QUESTIONNAIRE_MESSAGES } from "./questionnaire-messages";

/**
 * Why an upload was refused: every problem the server's checks named (the question, then the
 * check's own words), or any other failure as ProblemAlert says it.
 */
export function UploadProblems({ problem }: { problem: unknown }) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  if (
    !(problem instanceof ApiProblem) ||
    (problem.problemName !== "invalid-questionnaire" &&
      problem.problemName !== "warnings-not-acknowledged")
  )
    return <ProblemAlert problem={problem} />;
  return (
    <div className="card alert" role="alert">
      <p>
        {problem.problemName === "invalid-questionnaire"
          ? t.problemsTitle(problem.errors.length)
          : t.warningsTitle}
      </p>
      <ul className="problem-list">
        {problem.errors.map((error) => (
          <li key={`${error.question}:${error.message}`}>
            <code>{error.question}</code>: {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
