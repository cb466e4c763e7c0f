import { useEffect, useId } from "react";
import { ApiProblem } from "./admin-api";
import { useMessages } from "./admin-locale";
import { ADMIN_MESSAGES } from "./admin-messages";

/** Sets the browser tab's title for a screen. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — Peilpunt`;
  }, [title]);
}

/**
 * A card in place of figures that are fetched only on request, because fetching them shows
 * them for good (an open campaign's interim release): why, and the button that asks.
 */
export function OnRequest({
  title,
  text,
  action,
  onRequest,
}: {
  title: string;
  text: string;
  action: string;
  onRequest: () => void;
}) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p>{text}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={onRequest}>
          {action}
        </button>
      </div>
    </section>
  );
}

export function Loading() {
  const t = useMessages(ADMIN_MESSAGES);
  return (
    <p role="status" className="card">
      {t.loading}
    </p>
  );
}

/**
 * A failed call, said in the user's language where the status tells enough (network, 403,
 * 404), else with the server's own detail (which is English). Field errors are listed.
 */
export function ProblemAlert({ problem, onRetry }: { problem: unknown; onRetry?: () => void }) {
  const t = useMessages(ADMIN_MESSAGES);
  const known = problem instanceof ApiProblem ? problem : undefined;
  let text: string;
  if (!known || known.status === 0) text = t.networkError;
  else if (known.status === 404) text = t.notFoundText;
  else if (known.status === 403 && known.problemName === "forbidden") text = t.forbiddenText;
  else text = known.detail || known.title;
  return (
    <div className="card alert" role="alert">
      <p>{text}</p>
      {known && known.errors.length > 0 ? (
        <ul>
          {known.errors.map((error) => (
            <li key={`${error.question}:${error.message}`}>
              <code>{error.question}</code>: {error.message}
            </li>
          ))}
        </ul>
      ) : null}
      {onRetry && (!known || known.status === 0 || known.status >= 500) ? (
        <button type="button" className="secondary" onClick={onRetry}>
          {t.retry}
        </button>
      ) : null}
    </div>
  );
}
