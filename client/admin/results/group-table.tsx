import { lazy, Suspense, useId } from "react";
import type { ReleaseItem, ReleaseValue } from "../../../server/contract/release-schema";
import { optionLabel, type QuestionnaireLabels } from "../../../surveys/model/questionnaire-labels";
import { formatNumber, useAdminLocale, useMessages } from "../admin-locale";
import { HiddenMark, useHiddenText } from "../hidden-mark";
import type { ChartRow } from "./answers-chart";
import type { GroupRow, QuestionSection } from "./release-view";
import { RESULTS_MESSAGES } from "./results-messages";

const AnswersChart = lazy(() => import("./answers-chart"));

type PublishedItem = Exclude<ReleaseItem, { hidden: unknown }>;

function itemOf(row: GroupRow, key: string): ReleaseItem | undefined {
  return row.group.items.find((item) => item.key === key);
}

function published(item: ReleaseItem | undefined): item is PublishedItem {
  return item !== undefined && !("hidden" in item);
}

/** One question: its title, and a table per item (one, or one per matrix row) across groups. */
export function QuestionResults({
  section,
  rows,
  labels,
  k,
}: {
  section: QuestionSection;
  rows: readonly GroupRow[];
  labels: QuestionnaireLabels;
  k: number;
}) {
  const t = useMessages(RESULTS_MESSAGES);
  const first = section.items[0];
  const kind = first
    ? rows.map((row) => itemOf(row, first.key)).find((item) => item !== undefined)?.kind
    : undefined;
  return (
    <section className="card question-results" aria-labelledby={`q-${section.question}`}>
      <h3 id={`q-${section.question}`}>{section.title}</h3>
      {kind === "multi" ? <p className="hint">{t.multiHint}</p> : null}
      {section.items.map((item) => (
        <ItemTable
          key={item.key}
          itemKey={item.key}
          caption={item.row ?? t.answersCaption(section.title)}
          captionHidden={item.row === null}
          rows={rows}
          labels={labels}
          k={k}
        />
      ))}
    </section>
  );
}

/** Groups as rows; per answer option its share and count; mean and agreement for scales. */
function ItemTable({
  itemKey,
  caption,
  captionHidden,
  rows,
  labels,
  k,
}: {
  itemKey: string;
  caption: string;
  captionHidden: boolean;
  rows: readonly GroupRow[];
  labels: QuestionnaireLabels;
  k: number;
}) {
  const t = useMessages(RESULTS_MESSAGES);
  const locale = useAdminLocale();
  const items = rows.map((row) => itemOf(row, itemKey));
  const shape = items.find(published);
  const values: ReleaseValue[] = shape ? shape.options.map((option) => option.value) : [];
  const scale =
    shape?.kind === "single" && (shape.mean !== undefined || shape.favourable !== undefined);
  const figureColumns = values.length + (scale ? 2 : 0);
  const valueText = (value: ReleaseValue) =>
    value === null
      ? shape?.kind === "multi"
        ? t.noneTicked
        : t.noAnswer
      : optionLabel(labels, itemKey, value);
  const percent = (share: number) => formatNumber(share, locale, "percent");

  const captionId = useId();
  const hiddenText = useHiddenText(k);
  const answers = values.filter((value): value is string => value !== null);
  const chartRows: ChartRow[] = rows.map((row, index) => {
    const item = items[index];
    if ("hidden" in row.group.n)
      return { label: row.label, hidden: hiddenText(row.group.n.hidden) };
    if (item && "hidden" in item) return { label: row.label, hidden: hiddenText(item.hidden) };
    if (!item || !published(item)) return { label: row.label };
    const answered = item.options.reduce(
      (sum, option) => sum + (option.value === null ? 0 : option.count),
      0,
    );
    return {
      label: row.label,
      // Scale: each answer among those who answered (the bar is 100%); choice: of the group.
      shares: answers.map((value) => {
        const option = item.options.find((entry) => entry.value === value);
        if (!option) return 0;
        return scale ? (answered > 0 ? option.count / answered : 0) : option.share;
      }),
    };
  });
  const chart =
    answers.length > 0 && chartRows.some((row) => row.shares) ? (
      <figure className="answers-chart" aria-hidden="true">
        <Suspense fallback={null}>
          <AnswersChart
            kind={scale ? "scale" : "choice"}
            answers={answers.map(valueText)}
            rows={scale ? chartRows : chartRows.filter((row) => row.shares).slice(0, 1)}
            percent={percent}
          />
        </Suspense>
      </figure>
    ) : null;
  return (
    <>
      {/* Shown above the chart and the scrolling table so it wraps to the screen; the caption says it to screen readers. */}
      {captionHidden ? null : (
        <p className="item-title" aria-hidden="true">
          {caption}
        </p>
      )}
      {chart}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls, so the keyboard must reach it (WCAG 2.1.1) */}
      <section className="table-wrap" aria-labelledby={captionId} tabIndex={0}>
        <table className="data results-table">
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.groupColumn}</th>
              <th scope="col" className="number">
                <span aria-hidden="true">n</span>
                <span className="visually-hidden">{t.nColumn}</span>
              </th>
              {scale ? (
                <>
                  <th scope="col" className="number key-figure">
                    {t.favourableColumn}
                  </th>
                  <th scope="col" className="number">
                    {t.meanColumn}
                  </th>
                </>
              ) : null}
              {values.map((value) => (
                <th scope="col" className="number" key={String(value)}>
                  {valueText(value)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const item = items[index];
              const n = row.group.n;
              return (
                <tr key={row.group.id} className={row.total ? "total-row" : undefined}>
                  <th scope="row">{row.label}</th>
                  {"hidden" in n ? (
                    <td colSpan={1 + Math.max(1, figureColumns)} className="hidden-cell">
                      <HiddenMark reason={n.hidden} k={k} />
                    </td>
                  ) : (
                    <>
                      <td className="number">{formatNumber(n.value, locale)}</td>
                      {n.value === 0 ? (
                        <td colSpan={Math.max(1, figureColumns)} className="note">
                          {t.noRespondents}
                        </td>
                      ) : item === undefined ? (
                        <td colSpan={Math.max(1, figureColumns)} className="note">
                          {t.notInRelease}
                        </td>
                      ) : "hidden" in item ? (
                        <td colSpan={Math.max(1, figureColumns)} className="hidden-cell">
                          <HiddenMark reason={item.hidden} k={k} />
                        </td>
                      ) : (
                        <>
                          {scale && item.kind === "single" ? (
                            <>
                              <td className="number key-figure">
                                {item.favourable === null || item.favourable === undefined
                                  ? t.notApplicable
                                  : percent(item.favourable)}
                              </td>
                              <td className="number">
                                {item.mean === null || item.mean === undefined
                                  ? t.notApplicable
                                  : formatNumber(item.mean, locale)}
                              </td>
                            </>
                          ) : null}
                          {values.map((value) => {
                            const option = item.options.find((entry) => entry.value === value);
                            return (
                              <td className="number" key={String(value)}>
                                {option ? (
                                  <>
                                    <span className="share">{percent(option.share)}</span>
                                    <span className="count">
                                      {t.countOf(option.count, formatNumber(option.count, locale))}
                                    </span>
                                  </>
                                ) : (
                                  t.notInRelease
                                )}
                              </td>
                            );
                          })}
                        </>
                      )}
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </>
  );
}
