import { useEffect, useMemo, useState } from "react";
import type { CampaignAnswer, CampaignView } from "../../../server/contract/campaign-schemas";
import type { Participation } from "../../../server/contract/participation-schema";
import type { QuestionnaireVersion } from "../../../server/contract/reference-schemas";
import type {
  ReleaseTable,
  ReleaseValue,
  ResultsComments as ResultsCommentsAnswer,
  ResultsSummary as Summary,
  ResultsTable as TableAnswer,
} from "../../../server/contract/release-schema";
import type { StaffComposition } from "../../../server/contract/staff-composition-schema";
import {
  optionLabel,
  type QuestionnaireLabels,
  questionnaireLabels,
} from "../../../surveys/model/questionnaire-labels";
import { questionnaireLanguages } from "../../../surveys/model/questionnaire-languages";
import { ApiProblem, apiUrl } from "../admin-api";
import { formatDateTime, useAdminLocale, useMessages } from "../admin-locale";
import { ADMIN_MESSAGES } from "../admin-messages";
import { DIAGNOSIS_MESSAGES } from "../diagnosis/diagnosis-messages";
import { HiddenMark } from "../hidden-mark";
import { Loading, ProblemAlert, usePageTitle } from "../page-states";
import { QuestionnaireLanguages } from "../questionnaires/questionnaire-text";
import { useApiData } from "../use-api-data";
import { followLink } from "../use-route";
import { CampaignOverview } from "./campaign-overview";
import { FirstInterimLook, useFirstInterimLook } from "./first-interim-look";
import { QuestionResults } from "./group-table";
import {
  anyPublished,
  questionSections,
  type RowTexts,
  rowsForView,
  unitTree,
} from "./release-view";
import { commentsMinimum, ResultsComments } from "./results-comments";
import { RESULTS_MESSAGES } from "./results-messages";
import { StaffCompositionSection } from "./staff-composition";
import { TablePicker } from "./table-picker";
import "./results.css";

/** While the release is being built, the page asks again this often by itself. */
const NOT_READY_RETRY_MS = 30_000;

/**
 * The results of one campaign, as its audited release holds them: for admins, coordinators
 * and evaluators. Every figure is looked up in the release; hidden ones show their reason.
 */
export function ResultsPage({ slug }: { slug: string }) {
  const t = useMessages(RESULTS_MESSAGES);
  const common = useMessages(ADMIN_MESSAGES);
  const locale = useAdminLocale();
  const base = `/campaigns/${encodeURIComponent(slug)}`;
  const [campaign] = useApiData<CampaignAnswer>(base);
  const view = campaign.state === "ready" ? campaign.data.campaign : null;
  const firstLook = useFirstInterimLook(view);
  const [summary, reloadSummary] = useApiData<Summary>(
    view && !firstLook.waiting ? `${base}/results` : null,
  );
  const title = campaign.state === "ready" ? campaign.data.campaign.title[locale] : null;
  usePageTitle(title ? t.heading(title) : t.pageTitle);

  const notReady =
    summary.state === "error" &&
    summary.problem instanceof ApiProblem &&
    summary.problem.problemName === "release-not-ready";
  useEffect(() => {
    if (!notReady) return;
    const timer = setTimeout(() => void reloadSummary(), NOT_READY_RETRY_MS);
    return () => clearTimeout(timer);
  }, [notReady, reloadSummary]);

  const heading = <h1>{title ? t.heading(title) : t.pageTitle}</h1>;
  const back = (
    <p className="no-print page-links">
      <a href={`/admin/campaigns/${encodeURIComponent(slug)}`} onClick={followLink}>
        {t.backToCampaign}
      </a>
      <a href={`/admin/campaigns/${encodeURIComponent(slug)}/comparison`} onClick={followLink}>
        {t.compareLink}
      </a>
    </p>
  );

  if (campaign.state === "error") {
    return (
      <>
        {heading}
        <ProblemAlert problem={campaign.problem} />
        <p>
          <a href="/admin" onClick={followLink}>
            {common.backToCampaigns}
          </a>
        </p>
      </>
    );
  }
  if (notReady) {
    return (
      <>
        {heading}
        {back}
        <section className="card" aria-labelledby="results-not-ready">
          <h2 id="results-not-ready">{t.notReadyTitle}</h2>
          <p role="status">{t.notReadyText}</p>
          <button type="button" className="secondary" onClick={() => void reloadSummary()}>
            {t.notReadyAgain}
          </button>
        </section>
      </>
    );
  }
  if (
    summary.state === "error" &&
    summary.problem instanceof ApiProblem &&
    summary.problem.problemName === "results-at-close"
  ) {
    return (
      <>
        {heading}
        {back}
        <section className="card" aria-labelledby="results-at-close">
          <h2 id="results-at-close">{t.atCloseTitle}</h2>
          <p role="status">{t.atCloseText}</p>
        </section>
      </>
    );
  }
  if (summary.state === "error") {
    return (
      <>
        {heading}
        {back}
        <ProblemAlert problem={summary.problem} onRetry={() => void reloadSummary()} />
      </>
    );
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
  if (campaign.state === "loading" || summary.state === "loading") {
    return (
      <>
        {heading}
        <Loading />
      </>
    );
  }
  return (
    <>
      {heading}
      {back}
      <Release base={base} campaign={campaign.data.campaign} summary={summary.data} />
    </>
  );
}

interface Choice {
  table: string | null;
  unit: string | null;
  part: "all" | "direct";
  /** A question's name, "all" for every question, or "" for the first (the default). */
  question: string;
}

/** Reads ?table=, ?unit= and ?part= so a reload or a shared link shows the same table. */
function initialChoice(): Choice {
  const params = new URLSearchParams(location.search);
  return {
    table: params.get("table"),
    unit: params.get("unit"),
    part: params.get("part") === "direct" ? "direct" : "all",
    question: params.get("question") ?? "",
  };
}

function Release({
  base,
  campaign,
  summary,
}: {
  base: string;
  campaign: CampaignView;
  summary: Summary;
}) {
  const t = useMessages(RESULTS_MESSAGES);
  const locale = useAdminLocale();
  const k = summary.campaign.k;
  const [version] = useApiData<QuestionnaireVersion>(
    `/questionnaires/${encodeURIComponent(campaign.questionnaire.slug)}/versions/${campaign.questionnaire.version}`,
  );
  const [comments, reloadComments] = useApiData<ResultsCommentsAnswer>(`${base}/results/comments`);
  const [participation] = useApiData<Participation>(`${base}/participation`);
  const [composition] = useApiData<StaffComposition>(`${base}/results/staff-composition`);
  const diagnosis = useMessages(DIAGNOSIS_MESSAGES);

  // Without the questionnaire the keys stand in for the texts; the figures stay readable.
  const definition = version.state === "ready" ? version.data.definition : null;
  const labels: QuestionnaireLabels = useMemo(
    () => questionnaireLabels(definition, locale),
    [definition, locale],
  );
  // Question texts in another language than the page's are marked as such (QuestionnaireText).
  const languages = useMemo(() => questionnaireLanguages(definition), [definition]);
  // Named as the campaign was opened with its units, like the exports; siblings by name.
  const tree = useMemo(() => {
    const names = new Map(summary.units.map((unit) => [unit.id, unit.name[locale]]));
    return unitTree(
      summary.units,
      (id) => names.get(id) || t.unknownUnit,
      () => 0,
    );
  }, [summary.units, locale, t]);

  // A cross table holds the organisation's top unit only; a unit evaluator cannot see it.
  const rootVisible = summary.units.some((unit) => unit.parentId === null);
  const tables = summary.tables.filter((table) => table.dimensions.length < 2 || rootVisible);

  const [choice, setChoice] = useState(initialChoice);
  const table = tables.find((entry) => entry.id === choice.table) ?? tables[0];
  const unit = tree.find((entry) => entry.id === choice.unit) ?? tree[0];
  const unitId = unit?.id ?? "";

  useEffect(() => {
    const params = new URLSearchParams();
    if (table) params.set("table", table.id);
    if (unitId) params.set("unit", unitId);
    if (choice.part === "direct") params.set("part", "direct");
    if (choice.question) params.set("question", choice.question);
    history.replaceState(history.state, "", `${location.pathname}?${params}`);
  }, [table, unitId, choice.part, choice.question]);

  const [units, reloadUnits] = useApiData<TableAnswer>(`${base}/results/tables/units`);
  const ownPath = table && table.id !== "units" ? `${base}/results/tables/${table.id}` : null;
  const [own, reloadOwn] = useApiData<TableAnswer>(ownPath);
  const shown = ownPath === null ? units : own;
  const reloadShown = ownPath === null ? reloadUnits : reloadOwn;

  const unitGroups = units.state === "ready" ? units.data.groups : [];
  const directPart = unitGroups.some(
    (group) => group.unitId === unitId && group.part === "direct" && group.filters.length === 0,
  );
  const part = directPart ? choice.part : "all";

  const dimensionName = (key: string) => t.dimensionNames[key] ?? labels.get(key)?.title ?? key;
  const tableName = (entry: ReleaseTable) => {
    const [a, b] = entry.dimensions;
    if (a === undefined) return t.tableUnits;
    if (b === undefined) return t.tableDimension(dimensionName(a));
    return t.tableCross(dimensionName(a), dimensionName(b));
  };
  const texts: RowTexts = {
    everyone: t.everyone,
    wholeUnit: t.wholeUnit,
    directlyIn: t.directlyIn,
    unitName: (id) => tree.find((entry) => entry.id === id)?.name ?? t.unknownUnit,
    value: (dimension: string, value: ReleaseValue) =>
      value === null ? t.noAnswer : optionLabel(labels, dimension, value),
  };
  const rows =
    table && shown.state === "ready" && units.state === "ready"
      ? rowsForView({
          choice: { table, unitId, part },
          groups: shown.data.groups,
          unitGroups,
          tree,
          dimensionValues: (key) =>
            summary.dimensions.find((dimension) => dimension.key === key)?.values ?? [],
          texts,
        })
      : [];
  const sections = questionSections(
    rows.map((row) => row.group),
    labels,
  );
  // One question at a time by default: a diagnosis has some 40, each a chart and a table for
  // every group (tens of thousands of pixels, and seconds of drawing on a phone, at once).
  const question =
    choice.question === "all" || sections.some((section) => section.question === choice.question)
      ? choice.question
      : (sections[0]?.question ?? "");
  const cross = (table?.dimensions.length ?? 0) > 1;
  const update = (patch: Partial<Choice>) => setChoice((current) => ({ ...current, ...patch }));

  const overviewGroup = unitGroups.find(
    (group) => group.unitId === unitId && group.part === "all" && group.filters.length === 0,
  );

  return (
    <QuestionnaireLanguages.Provider value={languages}>
      <p className="print-only print-rules">
        {t.minimumValue(k)} · {formatDateTime(summary.builtAt, locale)} · {t.printRules(k)}
      </p>
      {units.state === "ready" ? (
        <CampaignOverview
          group={overviewGroup}
          unitId={unitId}
          participation={participation}
          labels={labels}
          k={k}
        />
      ) : null}
      <p className="no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t.print}
        </button>
      </p>
      <dl className="card facts">
        <dt>{t.builtAtLabel}</dt>
        <dd>{formatDateTime(summary.builtAt, locale)}</dd>
        <dt>{t.minimumLabel}</dt>
        <dd>{t.minimumValue(k)}</dd>
        <dt>{t.hiddenLabel}</dt>
        <dd>
          {t.hiddenValue(
            summary.audit.hiddenPrimary,
            summary.audit.hiddenSecondary,
            summary.audit.hiddenUnanimity,
          )}
        </dd>
        <dt>{t.answersHiddenLabel}</dt>
        <dd>
          {t.answersHiddenValue(
            ...([
              summary.audit.itemsHidden,
              summary.audit.itemCells,
              summary.audit.answersHidden,
            ].map((count) => count.toLocaleString(locale)) as [string, string, string]),
          )}
        </dd>
      </dl>
      {summary.interim ? <p className="card notice-box">{t.interimNotice}</p> : null}
      {summary.finalRelease ? (
        <p className="card notice-box">
          {(summary.finalRelease === "held-back" ? t.finalHeldBack : t.finalComputing)(
            formatDateTime(summary.builtAt, locale),
          )}
        </p>
      ) : null}
      {summary.audit.openLink ? (
        <p className="card notice-box">{t.openLinkOnly}</p>
      ) : summary.audit.whileOpen ? (
        <p className="card notice-box">{t.whileOpenOnly}</p>
      ) : summary.audit.organisationOnly ? (
        <p className="card notice-box">{t.organisationOnly}</p>
      ) : null}
      <MarksLegend k={k} />
      {units.state === "ready" && !anyPublished(unitGroups) ? (
        <p className="card notice-box">{t.nothingPublished(k)}</p>
      ) : null}
      {table && unit ? (
        <TablePicker
          tables={tables}
          tableName={tableName}
          table={table}
          onTable={(id) => update({ table: id })}
          units={tree}
          unitId={unitId}
          onUnit={(id) => update({ unit: id })}
          directPart={directPart}
          part={part}
          onPart={(next) => update({ part: next })}
          sections={sections}
          question={question}
          onQuestion={(next) => update({ question: next })}
        />
      ) : null}
      {table ? (
        <section aria-labelledby="results-shown">
          <h2 id="results-shown" className="results-heading">
            {t.shownHeading(tableName(table), cross ? null : (unit?.name ?? null))}
          </h2>
          <p className="hint">{t.cellHint}</p>
          <p className="hint">{t.scaleHint}</p>
          {shown.state === "loading" || units.state === "loading" ? <Loading /> : null}
          {shown.state === "error" ? (
            <ProblemAlert problem={shown.problem} onRetry={() => void reloadShown()} />
          ) : null}
          {units.state === "error" && shown !== units ? (
            <ProblemAlert problem={units.problem} onRetry={() => void reloadUnits()} />
          ) : null}
          {shown.state === "ready" && units.state === "ready" && rows.length === 0 ? (
            <p className="card">{t.nothingHere}</p>
          ) : null}
          {sections
            .filter((section) => question === "all" || section.question === question)
            .map((section) => (
              <QuestionResults
                key={section.question}
                section={section}
                rows={rows}
                labels={labels}
                k={k}
              />
            ))}
        </section>
      ) : null}
      {unit ? (
        <p className="no-print">
          <a
            href={`/admin/organisations/${encodeURIComponent(campaign.organisationSlug)}/diagnosis/${encodeURIComponent(unit.id)}?campaign=${encodeURIComponent(campaign.slug)}`}
            onClick={followLink}
          >
            {diagnosis.linkToDiagnosis(unit.name)}
          </a>
        </p>
      ) : null}
      {unit ? (
        <StaffCompositionSection
          data={composition}
          unitId={unit.id}
          unitName={unit.name}
          downloadBase={apiUrl(`${base}/results/staff-composition`)}
        />
      ) : null}
      {table ? (
        <section className="card" aria-labelledby="results-downloads">
          <h2 id="results-downloads">{t.downloadsTitle}</h2>
          <ul className="download-list">
            <li>
              <a
                href={apiUrl(`${base}/results/tables/${table.id}/export.csv?lang=${locale}`)}
                download
              >
                {t.downloadCsv(tableName(table))}
              </a>
            </li>
            <li>
              <a href={apiUrl(`${base}/results/export.xlsx?lang=${locale}`)} download>
                {t.downloadXlsx}
              </a>
            </li>
          </ul>
          <p className="hint">{t.downloadHint}</p>
        </section>
      ) : null}
      {unit ? (
        <ResultsComments
          comments={comments}
          onRetry={() => void reloadComments()}
          unitId={unit.id}
          unitName={unit.name}
          labels={labels}
          k={k}
        />
      ) : null}
    </QuestionnaireLanguages.Provider>
  );
}

/** What the marks mean, in the words of the README's rules, next to the marks themselves. */
function MarksLegend({ k }: { k: number }) {
  const t = useMessages(RESULTS_MESSAGES);
  return (
    <section className="card" aria-labelledby="results-legend">
      <h2 id="results-legend">{t.legendTitle}</h2>
      <p>{t.legendIntro}</p>
      <ul className="marks-legend">
        <li>
          <HiddenMark reason="primary" k={k} />
          <span>{t.legendPrimary(k)}</span>
        </li>
        <li>
          <HiddenMark reason="secondary" k={k} />
          <span>{t.legendSecondary}</span>
        </li>
        <li>
          <HiddenMark reason="unanimity" k={k} />
          <span>{t.legendUnanimity}</span>
        </li>
        <li>
          <HiddenMark reason="protected" k={k} />
          <span>{t.legendProtected}</span>
        </li>
      </ul>
      <p>{t.legendEarlier}</p>
      <p>{t.legendComments(commentsMinimum(k))}</p>
    </section>
  );
}
