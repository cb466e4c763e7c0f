import { useId } from "react";
import { HEADCOUNT_LABELS } from "../../../server/contract/headcount-labels";
import type { StaffComposition } from "../../../server/contract/staff-composition-schema";
import type { Locale } from "../../i18n/locales";
import { LANGUAGE_TAGS } from "../../i18n/locales";
import { formatDateTime, useAdminLocale, useMessages } from "../admin-locale";
import type { ApiData } from "../use-api-data";
import { STAFF_COMPOSITION_MESSAGES } from "./staff-composition-messages";

/** Shares with one decimal: a difference of a few points must stay readable. */
function percent(share: number, locale: Locale) {
  return new Intl.NumberFormat(LANGUAGE_TAGS[locale], {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}

/** A difference of shares in percentage points, always signed. */
function signedPoints(difference: number, locale: Locale) {
  return new Intl.NumberFormat(LANGUAGE_TAGS[locale], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  }).format(difference * 100);
}

/**
 * The chosen unit's respondents set against its staff, per category both releases publish:
 * one row per category value, the difference, and a mark where a group is under-represented
 * among respondents. Nothing when no headcount date applies or the questionnaire asks none of
 * the categories.
 */
export function StaffCompositionSection({
  data,
  unitId,
  unitName,
  downloadBase,
}: {
  data: ApiData<StaffComposition>;
  unitId: string;
  unitName: string;
  /** Where the CSVs of every unit the reader may see are downloaded: `${downloadBase}/export….csv`. */
  downloadBase: string;
}) {
  const t = useMessages(STAFF_COMPOSITION_MESSAGES);
  const locale = useAdminLocale();
  const id = useId();
  if (data.state !== "ready" || data.data.staffDate === null) return null;
  const { dimensions } = data.data;
  if (dimensions.length === 0) return null;
  const labels = HEADCOUNT_LABELS[locale];
  const date = formatDateTime(data.data.staffDate, locale, false);
  const entries = dimensions.flatMap((dimension) => {
    const unit = dimension.units.find((entry) => entry.unitId === unitId);
    return unit ? [{ dimension, unit }] : [];
  });

  return (
    <section className="card staff-composition" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.title}</h2>
      <p>{t.intro(date)}</p>
      {entries.length === 0 ? (
        <p>{t.notCompared}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls sideways on a phone, so the keyboard must reach it (WCAG 2.1.1)
        <section className="table-wrap" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="data staff-composition-table">
            <caption id={`${id}-caption`}>{t.caption(unitName, date)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.groupColumn}</th>
                <th scope="col" className="number">
                  {t.respondentsColumn}
                </th>
                <th scope="col" className="number">
                  {t.staffColumn}
                </th>
                <th scope="col" className="number">
                  {t.differenceColumn}
                </th>
              </tr>
            </thead>
            {entries.map(({ dimension, unit }) => {
              const name = labels.dimensions[dimension.dimension] ?? dimension.dimension;
              const missing =
                unit.respondents === "hidden"
                  ? t.resultsHidden
                  : unit.staff === "hidden"
                    ? t.staffHidden
                    : unit.rows.length === 0
                      ? t.nobody
                      : null;
              return (
                <tbody key={dimension.dimension}>
                  <tr className="dimension-row">
                    <th scope="colgroup" colSpan={4}>
                      {name}
                    </th>
                  </tr>
                  {missing !== null ? (
                    <tr>
                      <td colSpan={4} className="hint">
                        {missing}
                      </td>
                    </tr>
                  ) : (
                    unit.rows.map((row) => (
                      <tr key={row.value}>
                        <th scope="row">
                          {labels.values[`${dimension.dimension}.${row.value}`] ?? row.value}
                        </th>
                        <td className="number">{percent(row.respondentShare, locale)}</td>
                        <td className="number">{percent(row.staffShare, locale)}</td>
                        <td className="number">
                          <span className="points">
                            {t.points(signedPoints(row.difference, locale))}
                          </span>
                          {row.underRepresented ? (
                            <strong className="under-represented"> {t.underRepresented}</strong>
                          ) : null}
                        </td>
                      </tr>
                    ))
                  )}
                </tbody>
              );
            })}
          </table>
        </section>
      )}
      <p className="hint">{t.ruleHint}</p>
      <ul className="download-list no-print">
        <li>
          <a href={`${downloadBase}/export-for-excel.csv?lang=${locale}`} download>
            {t.download}
          </a>
        </li>
        <li>
          <a href={`${downloadBase}/export.csv?lang=${locale}`} download>
            {t.downloadForAnalysis}
          </a>
        </li>
      </ul>
    </section>
  );
}
