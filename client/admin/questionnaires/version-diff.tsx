import type { ReactNode } from "react";
import type { Locale } from "../../i18n/locales";
import { useAdminLocale, useMessages } from "../admin-locale";
import { Loading, ProblemAlert } from "../page-states";
import { useApiData } from "../use-api-data";
import { QUESTIONNAIRE_MESSAGES } from "./questionnaire-messages";
import type { VersionDiffAnswer } from "./questionnaire-types";

type Diff = NonNullable<VersionDiffAnswer["diff"]>;

/** What a version changes against the one before it, question by question. */
export function VersionDiff({ slug, number }: { slug: string; number: number }) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  const [data, reload] = useApiData<VersionDiffAnswer>(
    `/questionnaires/${encodeURIComponent(slug)}/versions/${number}/diff`,
  );
  if (data.state === "loading") return <Loading />;
  if (data.state === "error") return <ProblemAlert problem={data.problem} onRetry={reload} />;
  const { diff, previous } = data.data;
  return (
    <section className="card diff-section" aria-labelledby="diff-title">
      <h2 id="diff-title">{previous === null ? t.diffFirst : t.diffTitle(previous)}</h2>
      {diff ? <DiffLists diff={diff} /> : null}
    </section>
  );
}

function DiffLists({ diff }: { diff: Diff }) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  const locale = useAdminLocale();
  const empty = Object.values(diff).every((list) => list.length === 0);
  if (empty) return <p>{t.diffNone}</p>;
  return (
    <>
      <Part title={t.diffAdded} items={diff.added}>
        {(q) => <Question name={q.name} title={q.title[locale]} />}
      </Part>
      <Part title={t.diffRemoved} items={diff.removed}>
        {(q) => <Question name={q.name} title={q.title[locale]} />}
      </Part>
      <Part title={t.diffRenamed} items={diff.renamed}>
        {(q) => (
          <>
            <code>{t.renamedFrom(q.from, q.to)}</code> {q.title[locale]}
          </>
        )}
      </Part>
      <Part title={t.diffReworded} items={diff.reworded}>
        {(q) => (
          <>
            <code>{q.name}</code>
            <Wording locales={q.locales} before={q.before} after={q.after} />
          </>
        )}
      </Part>
      <Part title={t.diffMoved} items={diff.moved}>
        {(q) => (
          <>
            <Question name={q.name} title={q.title[locale]} /> ({t.movedFrom(q.from, q.to)})
          </>
        )}
      </Part>
      <Part title={t.diffLists} items={diff.lists}>
        {(q) => (
          <>
            <Question name={q.name} title={q.title[locale]} /> — {t.listNames[q.list]}
            <ul>
              {q.added.map((item) => (
                <li key={`+${item.value}`}>
                  {t.optionAdded}: {item.text[locale]}
                </li>
              ))}
              {q.removed.map((item) => (
                <li key={`-${item.value}`}>
                  {t.optionRemoved}: {item.text[locale]}
                </li>
              ))}
              {q.reworded.map((item) => (
                <li key={`~${item.value}`}>
                  {t.optionReworded}:
                  <Wording locales={item.locales} before={item.before} after={item.after} />
                </li>
              ))}
            </ul>
          </>
        )}
      </Part>
      <Part title={t.diffMarks} items={diff.marks}>
        {(q) => (
          <>
            <Question name={q.name} title={q.title[locale]} />:{" "}
            {t.markChange(t.markNames[q.mark], q.after)}
          </>
        )}
      </Part>
    </>
  );
}

function Part<T>({
  title,
  items,
  children,
}: {
  title: string;
  items: T[];
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>
        {title} ({items.length})
      </h3>
      <ul>
        {items.map((item, i) => (
          // The lists are fixed once loaded; their order is the questionnaire's.
          // biome-ignore lint/suspicious/noArrayIndexKey: items have no id of their own.
          <li key={i}>{children(item)}</li>
        ))}
      </ul>
    </>
  );
}

function Question({ name, title }: { name: string; title: string }) {
  return (
    <>
      <code>{name}</code> {title}
    </>
  );
}

/** A text before and after, in each language in which it changed. */
function Wording({
  locales,
  before,
  after,
}: {
  locales: Locale[];
  before: Record<Locale, string>;
  after: Record<Locale, string>;
}) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  return (
    <ul>
      {locales.map((locale) => (
        <li key={locale}>
          <span className="visually-hidden">{t.before}: </span>
          <span className="diff-before" lang={locale}>
            {before[locale]}
          </span>{" "}
          → <span className="visually-hidden">{t.after}: </span>
          <span lang={locale}>{after[locale]}</span>
        </li>
      ))}
    </ul>
  );
}
