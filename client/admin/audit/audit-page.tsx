import { useState } from "react";
import type { Organisation, OrganisationsAnswer } from "../../../server/contract/reference-schemas";
import type { AuditPage as AuditAnswer, AuditEntry } from "../../../server/contract/staff-schemas";
import { api } from "../admin-api";
import { formatDateTime, formatNumber, useAdminLocale, useMessages } from "../admin-locale";
import { Loading, ProblemAlert, usePageTitle } from "../page-states";
import { useApiData } from "../use-api-data";
import { AUDIT_MESSAGES, type AuditMessages } from "./audit-messages";
import "./audit.css";

/** Entries per request; "load older" asks for the next ones before the oldest shown. */
const PAGE = 50;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The audit log for admins (everything) and coordinators (their organisation), newest first. */
export function AuditPage() {
  const t = useMessages(AUDIT_MESSAGES);
  usePageTitle(t.title);
  const [first, reloadFirst] = useApiData<AuditAnswer>(`/audit-log?limit=${PAGE}`);
  const [organisations] = useApiData<OrganisationsAnswer>("/organisations");
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [lastPageFull, setLastPageFull] = useState<boolean | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderProblem, setOlderProblem] = useState<unknown>(null);

  const names = new Map<string, Organisation["name"]>();
  if (organisations.state === "ready") {
    for (const organisation of organisations.data.organisations) {
      names.set(organisation.id, organisation.name);
      for (const unit of organisation.units) names.set(unit.id, unit.name);
    }
  }

  if (first.state === "loading") {
    return (
      <>
        <h1>{t.title}</h1>
        <Loading />
      </>
    );
  }
  if (first.state === "error") {
    return (
      <>
        <h1>{t.title}</h1>
        <ProblemAlert problem={first.problem} onRetry={() => void reloadFirst()} />
      </>
    );
  }
  const entries = [...first.data.entries, ...older];
  const more = lastPageFull ?? first.data.entries.length === PAGE;

  const loadOlder = async () => {
    const oldest = entries.at(-1);
    if (!oldest) return;
    setLoadingOlder(true);
    setOlderProblem(null);
    try {
      const page = await api<AuditAnswer>("GET", `/audit-log?limit=${PAGE}&before=${oldest.id}`);
      setOlder((current) => [...current, ...page.entries]);
      setLastPageFull(page.entries.length === PAGE);
    } catch (problem) {
      setOlderProblem(problem);
    } finally {
      setLoadingOlder(false);
    }
  };

  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {entries.length === 0 ? (
        <p className="card">{t.empty}</p>
      ) : (
        <AuditTable entries={entries} names={names} />
      )}
      <p role="status" className="hint">
        {entries.length > 0 ? t.shown(entries.length) : null} {more ? null : t.noOlder}
      </p>
      {olderProblem ? (
        <ProblemAlert problem={olderProblem} onRetry={() => void loadOlder()} />
      ) : null}
      {more ? (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={loadingOlder}
            onClick={() => void loadOlder()}
          >
            {loadingOlder ? t.loadingOlder : t.loadOlder}
          </button>
        </div>
      ) : null}
    </>
  );
}

function AuditTable({
  entries,
  names,
}: {
  entries: readonly AuditEntry[];
  names: ReadonlyMap<string, Organisation["name"]>;
}) {
  const t = useMessages(AUDIT_MESSAGES);
  const locale = useAdminLocale();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls, so the keyboard must reach it (WCAG 2.1.1)
    <section className="table-wrap" aria-labelledby="audit-caption" tabIndex={0}>
      <table className="data audit-table">
        <caption id="audit-caption">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.time}</th>
            <th scope="col">{t.who}</th>
            <th scope="col">{t.action}</th>
            <th scope="col">{t.target}</th>
            <th scope="col">{t.details}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row" className="audit-time">
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </th>
              <td className="audit-who">
                {entry.actor ?? (entry.action.startsWith("login.") ? t.unknownAccount : t.system)}
              </td>
              <td>{t.actions[entry.action] ?? <code>{entry.action}</code>}</td>
              <td className="audit-target">{entry.target ?? "—"}</td>
              <td>
                <Details detail={entry.detail} names={names} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The entry's extra facts, with known fields, reasons and ids put into words. */
function Details({
  detail,
  names,
  t,
}: {
  detail: Record<string, unknown>;
  names: ReadonlyMap<string, Organisation["name"]>;
  t: AuditMessages;
}) {
  const locale = useAdminLocale();
  const fields = Object.entries(detail);
  if (fields.length === 0) return <>—</>;
  const show = (value: unknown): string => {
    if (value === null || value === undefined) return t.detailValues.null ?? "—";
    if (typeof value === "boolean") return t.detailValues[String(value)] ?? String(value);
    if (typeof value === "number") return formatNumber(value, locale);
    if (typeof value === "string") {
      const named = names.get(value);
      if (named) return named[locale];
      if (ISO_TIME.test(value)) return formatDateTime(value, locale);
      return t.detailValues[value] ?? value;
    }
    if (Array.isArray(value))
      return value.map((item) => t.detailNames[String(item)] ?? show(item)).join(", ");
    const object = value as Record<string, unknown>;
    if ("from" in object && "to" in object) return `${show(object.from)} → ${show(object.to)}`;
    return JSON.stringify(value);
  };
  return (
    <ul className="audit-details">
      {fields.map(([key, value]) => (
        <li key={key}>
          {t.detailNames[key] ?? key}: {show(value)}
        </li>
      ))}
    </ul>
  );
}
