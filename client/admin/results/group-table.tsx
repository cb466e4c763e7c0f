import { lazy, Suspense, useId } from "react";
import type { ReleaseItem, ReleaseValue } from "../../../server/contract/release-schema";
import { optionLabel, type QuestionnaireLabels } from "../../../surveys/model/questionnaire-labels";
import { formatDateTime, formatNumber, useAdminLocale, useMessages } from "../admin-locale";
import { HiddenMark, useHiddenText } from "../hidden-mark";
import { QuestionnaireText } from "../questionnaires/questionnaire-text";
import type { ChartRow } from "./answers-chart";
import type { GroupRow, QuestionSection } from "./release-view";
import { RESULTS_MESSAGES } from "./results-messages";

const AnswersChart = lazy(() => import("./answers-chart"));

type PublishedItem = Exclude<ReleaseItem, { hidden: unknown }>;
/** What a row shows: the group's table now, or as an earlier release showed it. */
type Figures = Pick<PublishedItem, "options"> & {
  mean?: number | null;
  favourable?: number | null;
};

function itemOf(row: GroupRow, key: string): ReleaseItem | undefined {
  return row.group.items.find((item) => item.key === key);
}

function figuresOf(item: ReleaseItem | undefined): Figures | undefined {
  if (item === undefined) return undefined;
  return "hidden" in item ? item.earlier : item;
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
      <h3 id={`q-${section.question}`}>
        <QuestionnaireText>{section.title}</QuestionnaireText>
      </h3>
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
  const shape = items.map(figuresOf).find((figures) => figures !== undefined);
  const kind = items.find((item) => item !== undefined)?.kind;
  const values: ReleaseValue[] = shape ? shape.options.map((option) => option.value) : [];
  const scale = kind === "single" && (shape?.mean !== undefined || shape?.favourable !== undefined);
  const figureColumns = values.length + (scale ? 2 : 0);
  const valueText = (value: ReleaseValue) =>
    value === null
      ? kind === "multi"
        ? t.noneTicked
        : t.noAnswer
      : optionLabel(labels, itemKey, value);
  const percent = (share: number) => formatNumber(share, locale, "percent");
  const date = (iso: string) => formatDateTime(iso, locale);

  const captionId = useId();
  const hiddenText = useHiddenText(k);
  const answers = values.filter((value): value is string => value !== null);
  const chartRows: ChartRow[] = rows.map((row, index) => {
    const item = items[index];
    if ("hidden" in row.group.n)
      return { label: row.label, hidden: hiddenText(row.group.n.hidden) };
    if (item && "hidden" in item && !item.earlier)
      return { label: row.label, hidden: hiddenText(item.hidden) };
    const figures = figuresOf(item);
    if (!item || !figures) return { label: row.label };
    const answered = figures.options.reduce(
      (sum, option) => sum + (option.value === null ? 0 : option.count),
      0,
    );
    return {
      label:
        "hidden" in item && item.earlier
          ? `${row.label} — ${t.asOf(date(item.earlier.builtAt))}`
          : row.label,
      // Scale: each answer among those who answered (the bar is 100%); choice: of the group.
      shares: answers.map((value) => {
        const option = figures.options.find((entry) => entry.value === value);
        if (!option) return 0;
        return scale ? (answered > 0 ? option.count / answered : 0) : option.share;
      }),
    };
  });
  // A choice chart draws one group, unlabelled: never one with an earlier release's figures.
  const drawn = scale
    ? chartRows
    : chartRows
        .filter((row, index) => {
          const item = items[index];
          return row.shares && !(item && "hidden" in item);
        })
        .slice(0, 1);
  const chart =
    answers.length > 0 && drawn.some((row) => row.shares) ? (
      <figure className="answers-chart" aria-hidden="true">
        <Suspense fallback={null}>
          <AnswersChart
            kind={scale ? "scale" : "choice"}
            answers={answers.map(valueText)}
            rows={drawn}
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
                  {value === null ? (
                    valueText(value)
                  ) : (
                    <QuestionnaireText>{valueText(value)}</QuestionnaireText>
                  )}
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
                  <th scope="row">
                    {row.label}
                    {item && "hidden" in item && item.earlier && !("hidden" in n) ? (
                      <span className="earlier-note">
                        <HiddenMark reason={item.hidden} k={k} />{" "}
                        {t.earlierFigures(
                          date(item.earlier.builtAt),
                          formatNumber(item.earlier.n, locale),
                        )}
                      </span>
                    ) : null}
                  </th>
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
                      ) : "hidden" in item && !item.earlier ? (
                        <td colSpan={Math.max(1, figureColumns)} className="hidden-cell">
                          <HiddenMark reason={item.hidden} k={k} />
                        </td>
                      ) : (
                        <FigureCells
                          figures={figuresOf(item) as Figures}
                          earlier={"hidden" in item}
                          scale={scale && item.kind === "single"}
                          values={values}
                        />
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

/** One row's figures: agreement and mean for a scale, then share and count per answer. */
function FigureCells({
  figures: item,
  earlier,
  scale,
  values,
}: {
  figures: Figures;
  /** As an earlier release showed them: set apart in style. */
  earlier: boolean;
  scale: boolean;
  values: readonly ReleaseValue[];
}) {
  const t = useMessages(RESULTS_MESSAGES);
  const locale = useAdminLocale();
  const percent = (share: number) => formatNumber(share, locale, "percent");
  const cell = earlier ? "number earlier" : "number";
  return (
    <>
      {scale ? (
        <>
          <td className={`${cell} key-figure`}>
            {item.favourable === null || item.favourable === undefined
              ? t.notApplicable
              : percent(item.favourable)}
          </td>
          <td className={cell}>
            {item.mean === null || item.mean === undefined
              ? t.notApplicable
              : formatNumber(item.mean, locale)}
          </td>
        </>
      ) : null}
      {values.map((value) => {
        const option = item.options.find((entry) => entry.value === value);
        return (
          <td className={cell} key={String(value)}>
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
  );
}
