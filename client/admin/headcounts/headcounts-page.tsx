import { useEffect, useRef, useState } from "react";
import type { HeadcountImportAnswer } from "../../../server/contract/headcount-schemas";
import type { OrganisationsAnswer } from "../../../server/contract/reference-schemas";
import { ApiProblem, apiUrl } from "../admin-api";
import { formatDateTime, useAdminLocale, useMessages } from "../admin-locale";
import { useSessionUser } from "../admin-session";
import { Loading, ProblemAlert, usePageTitle } from "../page-states";
import { useApiData } from "../use-api-data";
import { followLink } from "../use-route";
import { HeadcountImport } from "./headcount-import";
import { HeadcountIndicators } from "./headcount-indicators";
import { HEADCOUNT_MESSAGES } from "./headcount-messages";
import { HeadcountTables } from "./headcount-tables";
import { type HeadcountReleaseView, publishedTotal } from "./headcount-view";
import "../organisation/organisation.css";
import "./headcounts.css";

/** How often the page asks again while a newer release is being built. */
const BUILDING_POLL_MS = 3000;

/**
 * One organisation's headcounts: the import (admins, coordinators), the reference dates, the
 * released tables and the indicators against targets. Everything shown comes from the audited
 * release; while a newer one is built, the previous one stays on screen, said so.
 */
export function HeadcountsPage({ slug }: { slug: string }) {
  const t = useMessages(HEADCOUNT_MESSAGES);
  const locale = useAdminLocale();
  const user = useSessionUser();
  const [organisations] = useApiData<OrganisationsAnswer>("/organisations");
  const [release, reload] = useApiData<HeadcountReleaseView>(
    `/organisations/${encodeURIComponent(slug)}/headcounts`,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [importDate, setImportDate] = useState("");
  const dateInput = useRef<HTMLInputElement>(null);
  const organisation =
    organisations.state === "ready"
      ? organisations.data.organisations.find((candidate) => candidate.slug === slug)
      : undefined;
  const title = t.title(organisation?.name[locale] ?? slug);
  usePageTitle(title);

  const building = release.state === "ready" && release.data.building === true;
  useEffect(() => {
    if (!building) return;
    const timer = setTimeout(() => void reload(), BUILDING_POLL_MS);
    return () => clearTimeout(timer);
  }, [building, reload]);

  const none =
    release.state === "error" &&
    release.problem instanceof ApiProblem &&
    release.problem.problemName === "headcounts-not-found";
  const data = release.state === "ready" ? release.data : null;
  const dates = data?.dates.map((date) => date.referenceDate) ?? [];

  const imported = (answer: HeadcountImportAnswer) => {
    setNotice(
      (answer.replaced ? t.replaced : t.imported)(answer.referenceDate, answer.rows, answer.staff),
    );
    void reload();
  };

  return (
    <>
      {user.role !== "evaluator" ? (
        <p className="breadcrumb">
          <a href={`/admin/organisations/${encodeURIComponent(slug)}`} onClick={followLink}>
            {t.backToOrganisation}
          </a>
        </p>
      ) : null}
      <h1>{title}</h1>
      <p>{t.intro}</p>
      <div role="status">
        {notice ? <p className="success-message card">{notice}</p> : null}
        {building ? <p className="card headcount-building">{t.building}</p> : null}
        {data?.buildFailed ? (
          <p className="card headcount-build-failed">
            {t.buildFailed(formatDateTime(data.buildFailed.failedAt, locale))}
          </p>
        ) : null}
      </div>
      {release.state === "loading" ? <Loading /> : null}
      {release.state === "error" && !none ? <ProblemAlert problem={release.problem} /> : null}
      {none ? <p className="card">{t.noneYet}</p> : null}
      {user.role !== "evaluator" && (data || none) ? (
        <HeadcountImport
          slug={slug}
          dates={dates}
          date={importDate}
          onDate={setImportDate}
          dateInput={dateInput}
          onImported={imported}
        />
      ) : null}
      {data && data.dates.length > 0 ? (
        <>
          <section className="card" aria-labelledby="headcount-dates">
            <h2 id="headcount-dates">{t.datesTitle}</h2>
            <p className="hint">{t.builtAt(formatDateTime(data.builtAt, locale))}</p>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls, so the keyboard must reach it (WCAG 2.1.1) */}
            <section className="table-wrap" tabIndex={0} aria-label={t.datesCaption}>
              <table className="data">
                <caption>{t.datesCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.dateColumn}</th>
                    <th scope="col" className="number">
                      {t.staffColumn}
                    </th>
                    {user.role !== "evaluator" ? (
                      <th scope="col">
                        <span className="visually-hidden">{t.reimportShort}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {[...dates].reverse().map((date) => {
                    const total = publishedTotal(data, date);
                    return (
                      <tr key={date}>
                        <th scope="row">{date}</th>
                        <td className="number">{total === null ? "—" : total}</td>
                        {user.role !== "evaluator" ? (
                          <td>
                            <button
                              type="button"
                              className="secondary"
                              aria-label={t.reimport(date)}
                              onClick={() => {
                                setImportDate(date);
                                dateInput.current?.focus();
                              }}
                            >
                              {t.reimportShort}
                            </button>
                          </td>
                        ) : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          </section>
          <HeadcountTables release={data} />
          <HeadcountDownloads slug={slug} />
          <HeadcountIndicators slug={slug} release={data} />
        </>
      ) : null}
    </>
  );
}

/** The exports of the released figures, in the reader's language where they hold words. */
function HeadcountDownloads({ slug }: { slug: string }) {
  const t = useMessages(HEADCOUNT_MESSAGES);
  const locale = useAdminLocale();
  const url = (query: string) =>
    apiUrl(`/organisations/${encodeURIComponent(slug)}/headcounts/export?${query}`);
  const links: [string, string][] = [
    [t.exportWorkbook, url(`format=xlsx&lang=${locale}`)],
    [t.exportTablesExcel, url(`format=excel-csv&table=tables&lang=${locale}`)],
    [t.exportIndicatorsExcel, url(`format=excel-csv&table=indicators&lang=${locale}`)],
    [t.exportTablesCsv, url("format=csv&table=tables")],
    [t.exportIndicatorsCsv, url("format=csv&table=indicators")],
  ];
  return (
    <section className="card" aria-labelledby="headcount-downloads">
      <h2 id="headcount-downloads">{t.exportsTitle}</h2>
      <p className="hint">{t.exportsIntro}</p>
      <ul className="headcount-downloads">
        {links.map(([label, href]) => (
          <li key={href}>
            <a href={href} download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
