import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import type {
  CampaignAnswer,
  CampaignListAnswer,
  CampaignView,
} from "../../../server/contract/campaign-schemas";
import type {
  ComparisonAnswer,
  GroupComparison,
  ItemComparison,
} from "../../../server/contract/comparison-schema";
import type {
  OrganisationsAnswer,
  QuestionnaireVersion,
} from "../../../server/contract/reference-schemas";
import type { ResultsSummary } from "../../../server/contract/release-schema";
import {
  itemLabel,
  optionLabel,
  type QuestionnaireLabels,
  questionnaireLabels,
} from "../../../surveys/model/questionnaire-labels";
import { toggled } from "../../shared/toggled";
import { apiUrl } from "../admin-api";
import { formatDateTime, formatNumber, useAdminLocale, useMessages } from "../admin-locale";
import { useSessionUser } from "../admin-session";
import { HiddenMark, useHiddenText } from "../hidden-mark";
import { Loading, ProblemAlert, usePageTitle } from "../page-states";
import { FirstInterimLook, useFirstInterimLook } from "../results/first-interim-look";
import { RESULTS_MESSAGES } from "../results/results-messages";
import { useApiData } from "../use-api-data";
import { followLink } from "../use-route";
import { COMPARISON_MESSAGES } from "./comparison-messages";
import { groupKey, largestClearChanges, type MeasureRow, measureRows } from "./comparison-view";
import { UnitMappingsCard } from "./unit-mappings-card";
import "../results/results.css";
import "./comparison.css";

const TrendChart = lazy(() => import("./trend-chart"));

interface Choice {
  with: string[];
  table: string;
  unit: string | null;
  group: string | null;
  question: string;
}

function initialChoice(): Choice {
  const params = new URLSearchParams(location.search);
  return {
    with: (params.get("with") ?? "").split(",").filter(Boolean),
    table: params.get("table") ?? "units",
    unit: params.get("unit"),
    group: params.get("group"),
    question: params.get("question") ?? "",
  };
}

/**
 * Two or more campaigns of one questionnaire side by side, from their audited releases: per
 * question the change with its verdict in plain words, the p-value and interval on demand, a
 * slope or trend chart with its table, and the reason wherever something is not compared.
 */
export function ComparisonPage({ slug }: { slug: string }) {
  const t = useMessages(COMPARISON_MESSAGES);
  const locale = useAdminLocale();
  const base = `/campaigns/${encodeURIComponent(slug)}`;
  const [campaign] = useApiData<CampaignAnswer>(base);
  const [list] = useApiData<CampaignListAnswer>("/campaigns");
  const firstLook = useFirstInterimLook(campaign.state === "ready" ? campaign.data.campaign : null);
  const [summary] = useApiData<ResultsSummary>(
    campaign.state === "ready" && !firstLook.waiting ? `${base}/results` : null,
  );
  const title = campaign.state === "ready" ? campaign.data.campaign.title[locale] : null;
  usePageTitle(title ? t.heading(title) : t.pageTitle);
  const heading = <h1>{title ? t.heading(title) : t.pageTitle}</h1>;
  const back = (
    <p className="no-print">
      <a href={`/admin${base}/results`} onClick={followLink}>
        {t.backToResults}
      </a>
    </p>
  );
  for (const data of [campaign, list, summary]) {
    if (data.state === "error") {
      return (
        <>
          {heading}
          {back}
          <ProblemAlert problem={data.problem} />
        </>
      );
    }
  }
  if (firstLook.waiting) {
    return (
      <>
        {heading}
        {back}
        <FirstInterimLook onShow={firstLook.show} />
      </>
    );
  }
  if (campaign.state !== "ready" || list.state !== "ready" || summary.state !== "ready") {
    return (
      <>
        {heading}
        <Loading />
      </>
    );
  }
  const self = campaign.data.campaign;
  const series = list.data.campaigns
    .filter(
      (entry) =>
        entry.organisationId === self.organisationId &&
        entry.questionnaire.slug === self.questionnaire.slug &&
        entry.status !== "draft",
    )
    .sort((a, b) => a.opensAt.localeCompare(b.opensAt));
  return (
    <>
      {heading}
      {back}
      {series.length < 2 ? (
        <p className="card">{t.noOtherWaves}</p>
      ) : (
        <Comparison base={base} self={self} series={series} summary={summary.data} />
      )}
    </>
  );
}

function Comparison({
  base,
  self,
  series,
  summary,
}: {
  base: string;
  self: CampaignView;
  series: CampaignView[];
  summary: ResultsSummary;
}) {
  const t = useMessages(COMPARISON_MESSAGES);
  const r = useMessages(RESULTS_MESSAGES);
  const locale = useAdminLocale();
  const [choice, setChoice] = useState(initialChoice);
  const user = useSessionUser();
  const mayMap = user.role === "admin" || user.role === "coordinator";
  const update = (patch: Partial<Choice>) => setChoice((current) => ({ ...current, ...patch }));

  // By default the campaign before this one.
  const earlier = series.filter((entry) => entry.opensAt < self.opensAt);
  const others = series.filter((entry) => entry.slug !== self.slug);
  const chosen = choice.with.filter((slug) => others.some((entry) => entry.slug === slug));
  const withSlugs = chosen.length > 0 ? chosen : [(earlier.at(-1) ?? others[0])?.slug ?? ""];

  const [organisations] = useApiData<OrganisationsAnswer>("/organisations");
  const [version] = useApiData<QuestionnaireVersion>(
    `/questionnaires/${encodeURIComponent(self.questionnaire.slug)}/versions/${self.questionnaire.version}`,
  );
  const definition = version.state === "ready" ? version.data.definition : null;
  const labels = useMemo(() => questionnaireLabels(definition, locale), [definition, locale]);
  const organisation =
    organisations.state === "ready"
      ? organisations.data.organisations.find((entry) => entry.id === self.organisationId)
      : undefined;
  const unitName = (id: string) =>
    id === organisation?.id
      ? organisation.name[locale]
      : (organisation?.units.find((unit) => unit.id === id)?.name[locale] ?? r.unknownUnit);

  const tables = summary.tables.filter((table) => table.dimensions.length < 2);
  const table = tables.find((entry) => entry.id === choice.table) ?? tables[0];
  const root = summary.units.find((unit) => unit.parentId === null) ?? summary.units[0];
  const unit = summary.units.find((entry) => entry.id === choice.unit) ?? root;
  const unitId = unit?.id ?? "";

  const query = new URLSearchParams({ with: withSlugs.join(","), table: table?.id ?? "units" });
  if (unitId) query.set("unit", unitId);
  const [comparison, reload] = useApiData<ComparisonAnswer>(`${base}/results/comparison?${query}`);

  const withList = withSlugs.join(",");
  useEffect(() => {
    const params = new URLSearchParams({ with: withList });
    if (table) params.set("table", table.id);
    if (unitId) params.set("unit", unitId);
    if (choice.group) params.set("group", choice.group);
    if (choice.question) params.set("question", choice.question);
    history.replaceState(history.state, "", `${location.pathname}?${params}`);
  }, [withList, table, unitId, choice.group, choice.question]);

  const dimensionName = (key: string) => r.dimensionNames[key] ?? labels.get(key)?.title ?? key;
  const groupLabel = (group: GroupComparison) => {
    if (group.filters.length > 0) {
      return group.filters
        .map((filter) =>
          filter.value === null ? t.noAnswer : optionLabel(labels, filter.dimension, filter.value),
        )
        .join(" · ");
    }
    if (group.part === "direct") return t.directlyIn(unitName(group.unitId));
    return group.unitId === unitId ? t.wholeUnit(unitName(group.unitId)) : unitName(group.unitId);
  };

  const answer = comparison.state === "ready" ? comparison.data : null;
  // "No answer" groups after the real ones.
  const groups = answer
    ? [...answer.groups].sort(
        (a, b) =>
          Number(a.filters.some((filter) => filter.value === null)) -
            Number(b.filters.some((filter) => filter.value === null)) ||
          Number(b.unitId === unitId && b.part === "all") -
            Number(a.unitId === unitId && a.part === "all"),
      )
    : [];
  const group = groups.find((entry) => groupKey(entry) === choice.group) ?? groups[0];
  const waveNames = answer?.campaigns.map((entry) => entry.title[locale]) ?? [];
  const questions = group ? questionList(group.items, labels) : [];
  // One question at a time by default (as on the results screen): all of them at once is a
  // chart per statement, seconds of drawing on a phone.
  const question =
    choice.question === "all" || questions.some((entry) => entry.question === choice.question)
      ? choice.question
      : (questions[0]?.question ?? "");
  const shownItems = group
    ? group.items.filter(
        (item) => question === "all" || itemLabel(labels, item.key).question === question,
      )
    : [];

  return (
    <>
      <section className="card no-print" aria-labelledby="compare-choose">
        <h2 id="compare-choose">{t.wavesTitle}</h2>
        <p className="hint">{t.wavesHint}</p>
        <fieldset className="wave-choice">
          <legend className="visually-hidden">{t.wavesTitle}</legend>
          {series.map((entry) => (
            <label key={entry.slug} className="check">
              <input
                type="checkbox"
                checked={entry.slug === self.slug || withSlugs.includes(entry.slug)}
                disabled={entry.slug === self.slug}
                onChange={(event) => {
                  const next = toggled(withSlugs, entry.slug, event.target.checked);
                  if (next.length > 0) update({ with: next });
                }}
              />{" "}
              {entry.title[locale]}
            </label>
          ))}
        </fieldset>
        <div className="results-picker">
          <label className="field">
            {t.tableLabel}
            <select
              value={table?.id}
              onChange={(event) => update({ table: event.target.value, group: null })}
            >
              {tables.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.dimensions[0] === undefined
                    ? t.tableUnits
                    : t.tableDimension(dimensionName(entry.dimensions[0]))}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t.unitLabel}
            <select
              value={unitId}
              onChange={(event) => update({ unit: event.target.value, group: null })}
            >
              {summary.units.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {unitName(entry.id)}
                </option>
              ))}
            </select>
          </label>
          {groups.length > 1 ? (
            <label className="field">
              {t.groupLabel}
              <select
                value={group ? groupKey(group) : ""}
                onChange={(event) => update({ group: event.target.value })}
              >
                {groups.map((entry) => (
                  <option key={groupKey(entry)} value={groupKey(entry)}>
                    {groupLabel(entry)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {questions.length > 1 ? (
            <label className="field">
              {t.questionLabel}
              <select
                value={question}
                onChange={(event) => update({ question: event.target.value })}
              >
                <option value="all">{t.allQuestions}</option>
                {questions.map((question) => (
                  <option key={question.question} value={question.question}>
                    {question.title}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
      </section>

      {mayMap && earlier.length > 0 ? (
        <UnitMappingsCard self={self} earlierWaves={earlier} onSaved={() => void reload()} />
      ) : null}

      {comparison.state === "loading" ? <Loading /> : null}
      {comparison.state === "error" ? (
        <ProblemAlert problem={comparison.problem} onRetry={() => void reload()} />
      ) : null}

      {answer && group ? (
        <>
          <section className="card print-keep" aria-labelledby="compare-facts">
            <h2 id="compare-facts">{groupLabel(group)}</h2>
            <dl className="facts">
              {answer.campaigns.map((entry, index) => (
                <FactRow
                  key={entry.slug}
                  title={entry.title[locale]}
                  builtAt={formatDateTime(entry.builtAt, locale)}
                  state={
                    entry.interim ? "interim" : entry.finalRelease ? "before-close" : undefined
                  }
                  k={entry.k}
                  n={group.n[index]}
                />
              ))}
            </dl>
            <p className="print-only">
              {r.printRules(Math.max(...answer.campaigns.map((entry) => entry.k)))}
            </p>
            {group.population.map((step) => {
              const text = t.population(
                step,
                step.earlier.map((unit) => unit.name[locale] || unit.code),
              );
              return text ? (
                <p key={step.from} className={step.same ? "population-note" : "notice-box"}>
                  {answer.campaigns.length > 2
                    ? `${waveNames[step.from]} → ${waveNames[step.to]}: `
                    : ""}
                  {text}
                </p>
              ) : null;
            })}
            <h3>{t.largestTitle}</h3>
            <LargestChanges group={group} labels={labels} />
          </section>
          <details className="card no-print-marker">
            <summary>{t.readingTitle}</summary>
            {t.reading.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </details>
          <p className="no-print">
            <button type="button" onClick={() => window.print()}>
              {t.print}
            </button>
          </p>
          {shownItems.map((item) => (
            <ItemCard
              key={item.key}
              item={item}
              waves={waveNames}
              shortWaves={answer.campaigns.map((entry) => entry.slug)}
              labels={labels}
              k={Math.max(...answer.campaigns.map((entry) => entry.k))}
              population={group.population}
            />
          ))}
          <section className="card no-print" aria-labelledby="compare-downloads">
            <h2 id="compare-downloads">{t.downloadsTitle}</h2>
            <ul className="download-list">
              <li>
                <a
                  href={apiUrl(
                    `${base}/results/comparison/export-for-excel.csv?${query}&lang=${locale}`,
                  )}
                  download
                >
                  {t.downloadCsvExcel}
                </a>
              </li>
              <li>
                <a
                  href={apiUrl(`${base}/results/comparison/export.csv?${query}&lang=${locale}`)}
                  download
                >
                  {t.downloadCsvAnalysis}
                </a>
              </li>
              <li>
                <a
                  href={apiUrl(`${base}/results/comparison/export.xlsx?${query}&lang=${locale}`)}
                  download
                >
                  {t.downloadXlsx}
                </a>
              </li>
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}

function FactRow({
  title,
  builtAt,
  state,
  k,
  n,
}: {
  title: string;
  builtAt: string;
  /** The wave's figures lack answers (see `finalRelease` in the results summary). */
  state: "interim" | "before-close" | undefined;
  k: number;
  n: GroupComparison["n"][number] | undefined;
}) {
  const t = useMessages(COMPARISON_MESSAGES);
  const locale = useAdminLocale();
  return (
    <>
      <dt>{title}</dt>
      <dd>
        {t.respondents}:{" "}
        {n && "value" in n ? (
          formatNumber(n.value, locale)
        ) : n && "hidden" in n ? (
          <HiddenMark reason={n.hidden} k={k} />
        ) : (
          "—"
        )}{" "}
        · k = {k} · {builtAt}
        {state ? ` (${state === "interim" ? t.waveInterim : t.waveBeforeClose})` : null}
      </dd>
    </>
  );
}

function questionList(items: readonly ItemComparison[], labels: QuestionnaireLabels) {
  const list: { question: string; title: string }[] = [];
  for (const item of items) {
    const label = itemLabel(labels, item.key);
    if (!list.some((entry) => entry.question === label.question)) {
      list.push({ question: label.question, title: label.title });
    }
  }
  return list;
}

function useMeasureText(labels: QuestionnaireLabels) {
  const t = useMessages(COMPARISON_MESSAGES);
  return (item: string, measure: MeasureRow["measure"]) =>
    measure === "favourable"
      ? t.measureFavourable
      : measure === "mean"
        ? t.measureMean
        : measure.option === null
          ? t.noAnswer
          : optionLabel(labels, item, measure.option);
}

function useFormat() {
  const locale = useAdminLocale();
  const t = useMessages(COMPARISON_MESSAGES);
  return {
    value: (measure: MeasureRow["measure"], value: number) =>
      measure === "mean"
        ? formatNumber(value, locale)
        : new Intl.NumberFormat(locale, {
            style: "percent",
            minimumFractionDigits: 1,
            maximumFractionDigits: 1,
          }).format(value),
    change: (measure: MeasureRow["measure"], change: number) => {
      const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
      const size = Math.abs(change);
      return measure === "mean"
        ? `${sign}${formatNumber(size, locale)}`
        : t.points(
            `${sign}${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(size * 100)}`,
          );
    },
    p: (p: number) =>
      p < 0.001
        ? "< 0.001"
        : new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }).format(p),
  };
}

function LargestChanges({
  group,
  labels,
}: {
  group: GroupComparison;
  labels: QuestionnaireLabels;
}) {
  const t = useMessages(COMPARISON_MESSAGES);
  const measureText = useMeasureText(labels);
  const format = useFormat();
  const largest = largestClearChanges(group);
  if (largest.length === 0) return <p>{t.noneClear}</p>;
  return (
    <ul className="largest-changes">
      {largest.map((entry) => {
        const label = itemLabel(labels, entry.item);
        return (
          <li key={`${entry.item}:${JSON.stringify(entry.measure)}`}>
            <span className={`verdict verdict-${entry.test.verdict}`}>
              {t.verdict[entry.test.verdict]}
            </span>{" "}
            {label.row ? `${label.title} — ${label.row}` : label.title} (
            {measureText(entry.item, entry.measure)},{" "}
            {format.change(entry.measure, entry.test.change ?? 0)})
          </li>
        );
      })}
    </ul>
  );
}

/** One question (or matrix row): the chart, and its table with verdicts, p and intervals. */
function ItemCard({
  item,
  waves,
  shortWaves,
  labels,
  k,
  population,
}: {
  item: ItemComparison;
  population: GroupComparison["population"];
  waves: string[];
  /** Campaign addresses: short enough for a chart's axis on a phone. */
  shortWaves: string[];
  labels: QuestionnaireLabels;
  k: number;
}) {
  const t = useMessages(COMPARISON_MESSAGES);
  const hiddenText = useHiddenText(k);
  const measureText = useMeasureText(labels);
  const format = useFormat();
  const label = itemLabel(labels, item.key);
  const title = label.row ? `${label.title} — ${label.row}` : label.title;
  const rows = measureRows(item);
  const shares = rows.filter((row) => row.measure !== "mean");
  const reason = (step: MeasureRow["steps"][number]): string | null => {
    if (!("notCompared" in step)) return null;
    const why = step.notCompared;
    if (why.why === "hidden")
      return t.notCompared.hidden(waves[why.wave] ?? "", hiddenText(why.reason));
    if (why.why === "absent")
      return why.of === "table"
        ? t.notCompared.absentTable(waves[why.wave] ?? "")
        : why.of === "group"
          ? t.notCompared.absentGroup(waves[why.wave] ?? "")
          : t.notCompared.absentQuestion(waves[why.wave] ?? "");
    if (why.why === "scale-changed") return t.notCompared.scaleChanged;
    if (why.why === "options-changed") return t.notCompared.optionsChanged;
    return t.notCompared.kindChanged;
  };
  const lastStep = item.steps.at(-1);
  const notCompared =
    lastStep && item.steps.every((step) => !step.compared) && !lastStep.compared
      ? reason({ notCompared: lastStep.notCompared })
      : null;
  const drawable = shares.some((row) => row.values.some((value) => "value" in value));
  // A step whose two sides are not the same people (a split unit) says so wherever it shows.
  const notSame = (index: number) => population[index]?.same === false;
  return (
    <section className="card compare-item print-keep" aria-labelledby={`c-${item.key}`}>
      <h3 id={`c-${item.key}`}>{title}</h3>
      {notCompared ? <p className="not-compared">{notCompared}</p> : null}
      <div className="compare-layout">
        {drawable ? (
          <figure className="compare-chart" aria-label={t.chartLabel(title)}>
            <Suspense fallback={null}>
              <TrendChart
                waves={shortWaves}
                lines={shares.map((row) => ({
                  name: measureText(item.key, row.measure),
                  values: row.values.map((value) => ("value" in value ? value.value * 100 : null)),
                }))}
                max={100}
                format={(value) => `${Math.round(value)}%`}
              />
            </Suspense>
            {population.some((step) => !step.same) ? (
              <figcaption className="population-caption">{t.notSamePopulation}</figcaption>
            ) : null}
          </figure>
        ) : null}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls, so the keyboard must reach it */}
        <section className="table-wrap" tabIndex={0} aria-label={t.tableOf(title)}>
          <table className="data compare-table">
            <thead>
              <tr>
                <th scope="col">{t.measureColumn}</th>
                {waves.map((wave) => (
                  <th scope="col" className="number" key={wave}>
                    {wave}
                  </th>
                ))}
                <th scope="col">{t.verdictColumn}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={JSON.stringify(row.measure)}>
                  <th scope="row">{measureText(item.key, row.measure)}</th>
                  {row.values.map((value, wave) => (
                    <td className="number" key={waves[wave]} data-label={waves[wave]}>
                      {"value" in value ? (
                        format.value(row.measure, value.value)
                      ) : (
                        <Missing figures={item.waves[wave]} k={k} />
                      )}
                    </td>
                  ))}
                  <td className="verdict-cell" data-label={t.verdictColumn}>
                    {row.steps.map((step, index) => (
                      <StepVerdict
                        notSame={notSame(index) ? t.notSamePopulation : null}
                        // biome-ignore lint/suspicious/noArrayIndexKey: steps are positional (wave to wave)
                        key={index}
                        step={step}
                        measure={row.measure}
                        reason={reason(step)}
                        format={format}
                        prefix={
                          row.steps.length > 1 ? `${waves[index]} → ${waves[index + 1]}: ` : ""
                        }
                      />
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </section>
  );
}

function Missing({
  figures,
  k,
}: {
  figures: ItemComparison["waves"][number] | undefined;
  k: number;
}) {
  if (figures?.state === "hidden") return <HiddenMark reason={figures.reason} k={k} />;
  return <span>—</span>;
}

function StepVerdict({
  step,
  measure,
  reason,
  format,
  prefix,
  notSame,
}: {
  /** "not the same population" where the step's two sides are not the same people. */
  notSame: string | null;
  step: MeasureRow["steps"][number];
  measure: MeasureRow["measure"];
  reason: string | null;
  format: ReturnType<typeof useFormat>;
  prefix: string;
}) {
  const t = useMessages(COMPARISON_MESSAGES);
  if ("notCompared" in step)
    return (
      <p className="step note">
        {prefix}
        {reason}
        {notSame ? <span className="population-flag"> ({notSame})</span> : null}
      </p>
    );
  if (!("test" in step)) return null;
  const test = step.test;
  return (
    <div className="step">
      {prefix}
      <span className={`verdict verdict-${test.verdict}`}>{t.verdict[test.verdict]}</span>
      {test.change !== null ? (
        <span className="change"> {format.change(measure, test.change)}</span>
      ) : null}
      {notSame ? <span className="population-flag"> ({notSame})</span> : null}
      {test.verdict !== "too-few-answers" ? (
        <details className="step-details">
          <summary>{t.details}</summary>
          <p>{t.pValue(format.p(test.p), format.p(test.pAdjusted))}</p>
          <p>
            {t.interval(format.change(measure, test.ci[0]), format.change(measure, test.ci[1]))}
          </p>
        </details>
      ) : null}
      {test.verdict !== "too-few-answers" ? (
        // A closed <details> does not print: the same figures, for paper only.
        <p className="print-only step-printed">
          {t.printedTest(
            format.p(test.p),
            format.p(test.pAdjusted),
            format.change(measure, test.ci[0]),
            format.change(measure, test.ci[1]),
          )}
        </p>
      ) : null}
    </div>
  );
}
