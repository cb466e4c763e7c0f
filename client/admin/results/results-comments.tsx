import { useId, useState } from "react";
import type { ReleaseComments } from "../../../server/contract/release-schema";
import { itemLabel, type QuestionnaireLabels } from "../../../surveys/model/questionnaire-labels";
import { useMessages } from "../admin-locale";
import { Loading, ProblemAlert } from "../page-states";
import type { ApiData } from "../use-api-data";
import { RESULTS_MESSAGES } from "./results-messages";

/** Texts shown before "show all": a long list stays scannable on a phone. */
const FIRST_COMMENTS = 20;

/** Comments are published only for whole units of at least this many respondents (README rule 4). */
export function commentsMinimum(k: number): number {
  return Math.max(k, 10);
}

/** The comments of the chosen unit, per open question, with how many there are. */
export function ResultsComments({
  comments,
  onRetry,
  unitId,
  unitName,
  labels,
  k,
}: {
  comments: ApiData<{ comments: ReleaseComments[] }>;
  onRetry: () => void;
  unitId: string;
  unitName: string;
  labels: QuestionnaireLabels;
  k: number;
}) {
  const t = useMessages(RESULTS_MESSAGES);
  return (
    <section className="card" aria-labelledby="results-comments">
      <h2 id="results-comments">{t.commentsFor(unitName)}</h2>
      <p className="hint">{t.commentsUnitOnly}</p>
      {comments.state === "loading" ? <Loading /> : null}
      {comments.state === "error" ? (
        <ProblemAlert problem={comments.problem} onRetry={onRetry} />
      ) : null}
      {comments.state === "ready" ? (
        <UnitComments
          all={comments.data.comments}
          unitId={unitId}
          labels={labels}
          minimum={commentsMinimum(k)}
        />
      ) : null}
    </section>
  );
}

function UnitComments({
  all,
  unitId,
  labels,
  minimum,
}: {
  all: readonly ReleaseComments[];
  unitId: string;
  labels: QuestionnaireLabels;
  minimum: number;
}) {
  const t = useMessages(RESULTS_MESSAGES);
  const own = all.filter((entry) => entry.unitId === unitId && entry.texts.length > 0);
  if (own.length === 0) {
    const others = new Set(
      all.filter((entry) => entry.texts.length > 0).map((entry) => entry.unitId),
    ).size;
    return (
      <>
        <p>{t.noComments(minimum)}</p>
        {others > 0 ? <p>{t.commentsOtherUnits(others)}</p> : null}
      </>
    );
  }
  return (
    <>
      {own.map((entry) => (
        <CommentList
          key={entry.item}
          title={itemLabel(labels, entry.item).title}
          texts={entry.texts}
        />
      ))}
    </>
  );
}

/**
 * Identical comments once each with how many wrote them, the most frequent first (then
 * alphabetically: the release's order means nothing, and neither does this one).
 */
export function groupedComments(texts: readonly string[]): { text: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return [...counts]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

function CommentList({ title, texts }: { title: string; texts: readonly string[] }) {
  const t = useMessages(RESULTS_MESSAGES);
  const [all, setAll] = useState(false);
  const [search, setSearch] = useState("");
  const searchId = useId();
  const grouped = groupedComments(texts);
  const needle = search.trim().toLocaleLowerCase();
  const matching = needle
    ? grouped.filter((entry) => entry.text.toLocaleLowerCase().includes(needle))
    : grouped;
  const shown = all ? matching : matching.slice(0, FIRST_COMMENTS);
  const matchingCount = matching.reduce((sum, entry) => sum + entry.count, 0);
  return (
    <div className="comment-block">
      <h3>{title}</h3>
      <p className="hint">{t.commentsCount(texts.length)}</p>
      <label className="field comment-search no-print" htmlFor={searchId}>
        {t.commentsSearch}
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </label>
      {needle ? (
        <p className="hint" role="status">
          {t.commentsMatching(matchingCount, texts.length)}
        </p>
      ) : null}
      <ul className="comment-list">
        {shown.map((entry) => (
          <li key={entry.text}>
            {entry.text}
            {entry.count > 1 ? (
              <span className="comment-count"> ({t.commentsTimes(entry.count)})</span>
            ) : null}
          </li>
        ))}
      </ul>
      {shown.length < matching.length ? (
        <button type="button" className="secondary" onClick={() => setAll(true)}>
          {t.showAllComments(matching.length)}
        </button>
      ) : null}
    </div>
  );
}
