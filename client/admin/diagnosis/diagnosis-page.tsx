import { useEffect, useId, useMemo, useState } from "react";
import type { CampaignListAnswer, CampaignView } from "../../../server/contract/campaign-schemas";
import { HEADCOUNT_LABELS } from "../../../server/contract/headcount-labels";
import type { HeadcountIndicatorsAnswer } from "../../../server/contract/headcount-view-schemas";
import type {
  OrganisationsAnswer,
  QuestionnaireVersion,
} from "../../../server/contract/reference-schemas";
import type { ResultsSummary, ResultsTable } from "../../../server/contract/release-schema";
import type { StaffComposition } from "../../../server/contract/staff-composition-schema";
import {
  type QuestionnaireLabels,
  questionnaireLabels,
} from "../../../surveys/model/questionnaire-labels";
import { questionnaireLanguages } from "../../../surveys/model/questionnaire-languages";
import { apiUrl } from "../admin-api";
import { formatDateTime, formatNumber, useAdminLocale, useMessages } from "../admin-locale";
import { HeadcountFigure } from "../headcounts/headcount-figure";
import { IndicatorView } from "../headcounts/headcount-indicators";
import { cellKey, figuresOf, type HeadcountReleaseView } from "../headcounts/headcount-view";
import { HiddenMark } from "../hidden-mark";
import { Loading, ProblemAlert, usePageTitle } from "../page-states";
import { QuestionnaireLanguages } from "../questionnaires/questionnaire-text";
import { QuestionResults } from "../results/group-table";
import { type GroupRow, questionSections } from "../results/release-view";
import { StaffCompositionSection } from "../results/staff-composition";
import { useApiData } from "../use-api-data";
import { followLink } from "../use-route";
import { defaultCampaign, surveyReferenceDate } from "./diagnosis-campaign";
import { DIAGNOSIS_MESSAGES } from "./diagnosis-messages";
import "../headcounts/headcounts.css";
import "../results/results.css";
import "./diagnosis.css";

/**
 * The combined diagnosis of one unit (issue 14 point 5): its staff composition from the
 * headcount release beside the survey's key results for the same period, and the respondents
 * set against the staff. Built only from the existing APIs, which check scope and audit-log
 * every view; nothing here computes a figure that a release does not publish.
 */
export function DiagnosisPage({ slug, unitId }: { slug: string; unitId: string }) {
  const t = useMessages(DIAGNOSIS_MESSAGES);
  const locale = useAdminLocale();
  const organisationPath = `/organisations/${encodeURIComponent(slug)}`;
  const [release] = useApiData<HeadcountReleaseView>(`${organisationPath}/headcounts`);
  const [indicators] = useApiData<HeadcountIndicatorsAnswer>(
    `${organisationPath}/headcounts/indicators?unit=${encodeURIComponent(unitId)}&targets=organisation`,
  );
  const [campaigns] = useApiData<CampaignListAnswer>("/campaigns");
  const [organisations] = useApiData<OrganisationsAnswer>("/organisations");
  const organisation =
    organisations.state === "ready"
      ? organisations.data.organisations.find((candidate) => candidate.slug === slug)
      : undefined;
  const data = release.state === "ready" ? release.data : null;
  const unit = data?.units.find((candidate) => candidate.id === unitId);
  const unitName = unit?.name[locale] ?? unitId;
  usePageTitle(unit ? t.title(unitName) : t.pageTitle);
  const latest = data?.dates.at(-1)?.referenceDate ?? null;

  const own = useMemo(
    () =>
      campaigns.state === "ready" && organisation
        ? campaigns.data.campaigns.filter(
            (campaign) =>
              campaign.organisationId === organisation.id &&
              campaign.unitIds.length > 0 &&
              campaign.status !== "draft",
          )
        : [],
    [campaigns, organisation],
  );
  const [chosen, setChosen] = useState(
    () => new URLSearchParams(location.search).get("campaign") ?? "",
  );
  const campaign =
    own.find((candidate) => candidate.slug === chosen) ??
    defaultCampaign(
      own,
      data?.dates.map((date) => date.referenceDate),
    );
  useEffect(() => {
    if (!campaign) return;
    history.replaceState(
      history.state,
      "",
      `${location.pathname}?campaign=${encodeURIComponent(campaign.slug)}`,
    );
  }, [campaign]);
  const campaignId = useId();

  return (
    <>
      <p className="breadcrumb no-print">
        <a href={`/admin${organisationPath}/headcounts`} onClick={followLink}>
          {t.backToHeadcounts}
        </a>
      </p>
      <h1>{unit ? t.title(unitName) : t.pageTitle}</h1>
      <p>{t.intro}</p>
      {data ? (
        <p className="print-only print-rules">
          {t.printRules(formatDateTime(data.builtAt, locale))}
        </p>
      ) : null}
      <p className="no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t.print}
        </button>
      </p>
      {release.state === "loading" ? <Loading /> : null}
      {release.state === "error" ? <ProblemAlert problem={release.problem} /> : null}
      {data && !unit ? <p className="card notice-box">{t.unitNotShown}</p> : null}
      {data && unit ? (
        <div className="diagnosis-columns">
          <section className="card diagnosis-staff" aria-labelledby="diagnosis-staff">
            <h2 id="diagnosis-staff">{t.staffTitle}</h2>
            {latest === null ? (
              <p>{t.noHeadcounts}</p>
            ) : (
              <StaffByLevel release={data} unitId={unitId} unitName={unitName} date={latest} />
            )}
            {indicators.state === "loading" ? <Loading /> : null}
            {indicators.state === "error" ? <ProblemAlert problem={indicators.problem} /> : null}
            {indicators.state === "ready"
              ? indicators.data.indicators.map((indicator) => (
                  <IndicatorView key={indicator.spec.key} indicator={indicator} />
                ))
              : null}
          </section>
          <section className="card diagnosis-survey" aria-labelledby="diagnosis-survey">
            <h2 id="diagnosis-survey">{t.surveyTitle}</h2>
            {campaigns.state === "loading" ? <Loading /> : null}
            {campaigns.state === "error" ? <ProblemAlert problem={campaigns.problem} /> : null}
            {campaigns.state === "ready" && organisation && !campaign ? (
              <p>{t.noCampaign}</p>
            ) : null}
            {campaign ? (
              <>
                {/* The picker's own display rule would win over .no-print: hidden on paper apart. */}
                <div className="no-print">
                  <div className="field">
                    <label htmlFor={campaignId}>{t.campaignLabel}</label>
                    <select
                      id={campaignId}
                      value={campaign.slug}
                      onChange={(event) => setChosen(event.target.value)}
                    >
                      {own.map((candidate) => (
                        <option key={candidate.slug} value={candidate.slug}>
                          {t.campaignOption(
                            candidate.title[locale],
                            formatDateTime(candidate.closesAt, locale, false),
                            t.statuses[candidate.status],
                          )}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                <p className="print-only">{campaign.title[locale]}</p>
                <SurveyResults
                  key={campaign.slug}
                  campaign={campaign}
                  unitId={unitId}
                  unitName={unitName}
                  referenceDates={data.dates.map((date) => date.referenceDate)}
                />
              </>
            ) : null}
          </section>
        </div>
      ) : null}
      {data && unit && campaign ? (
        <CompositionOf campaign={campaign} unitId={unitId} unitName={unitName} />
      ) : null}
    </>
  );
}

/** The unit's staff at a date: its total and each job level, as the headcount tables show them. */
function StaffByLevel({
  release,
  unitId,
  unitName,
  date,
}: {
  release: HeadcountReleaseView;
  unitId: string;
  unitName: string;
  date: string;
}) {
  const t = useMessages(DIAGNOSIS_MESSAGES);
  const locale = useAdminLocale();
  const labels = HEADCOUNT_LABELS[locale];
  const cells = release.dates.find((entry) => entry.referenceDate === date)?.cells ?? [];
  const figures = figuresOf(cells);
  const figure = (level: string | null) => figures.get(cellKey(unitId, "all", level, null, null));
  return (
    <>
      <p>{t.staffDate(formatDateTime(date, locale, false))}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls, so the keyboard must reach it (WCAG 2.1.1) */}
      <section className="table-wrap" tabIndex={0} aria-label={t.staffCaption(unitName, date)}>
        <table className="data headcount-table diagnosis-levels">
          <caption>{t.staffCaption(unitName, formatDateTime(date, locale, false))}</caption>
          <thead>
            <tr>
              <th scope="col">{t.levelColumn}</th>
              <th scope="col" className="number">
                {t.staffColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t.everyone}</th>
              <td className="number">
                <HeadcountFigure figure={figure(null)} k={release.k} />
              </td>
            </tr>
            {release.levels.map((level) => (
              <tr key={level}>
                <th scope="row">{labels.levels[level] ?? level}</th>
                <td className="number">
                  <HeadcountFigure figure={figure(level)} k={release.k} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** For the chosen campaign: the unit's respondents and, per question, its published answers. */
function SurveyResults({
  campaign,
  unitId,
  unitName,
  referenceDates,
}: {
  campaign: CampaignView;
  unitId: string;
  unitName: string;
  referenceDates: readonly string[];
}) {
  const t = useMessages(DIAGNOSIS_MESSAGES);
  const locale = useAdminLocale();
  const base = `/campaigns/${encodeURIComponent(campaign.slug)}`;
  const [summary] = useApiData<ResultsSummary>(`${base}/results`);
  const [units] = useApiData<ResultsTable>(
    summary.state === "ready" ? `${base}/results/tables/units` : null,
  );
  const [version] = useApiData<QuestionnaireVersion>(
    `/questionnaires/${encodeURIComponent(campaign.questionnaire.slug)}/versions/${campaign.questionnaire.version}`,
  );
  const definition = version.state === "ready" ? version.data.definition : null;
  const labels: QuestionnaireLabels = useMemo(
    () => questionnaireLabels(definition, locale),
    [definition, locale],
  );
  const languages = useMemo(() => questionnaireLanguages(definition), [definition]);
  const reference = surveyReferenceDate(campaign, referenceDates);
  const latest = referenceDates.at(-1) ?? null;

  if (summary.state === "loading") return <Loading />;
  if (summary.state === "error") return <ProblemAlert problem={summary.problem} />;
  const k = summary.data.campaign.k;
  const group = (units.state === "ready" ? units.data.groups : []).find(
    (candidate) =>
      candidate.unitId === unitId && candidate.part === "all" && candidate.filters.length === 0,
  );
  const rows: GroupRow[] = group ? [{ group, label: unitName, total: true }] : [];
  return (
    <QuestionnaireLanguages.Provider value={languages}>
      {reference !== null ? (
        <p className={reference === latest ? "hint" : "notice-box"}>
          {reference === latest
            ? t.surveyMatches(formatDateTime(reference, locale, false))
            : t.surveyOtherDate}
        </p>
      ) : null}
      <p className="no-print">
        <a href={`/admin${base}/results?unit=${encodeURIComponent(unitId)}`} onClick={followLink}>
          {t.resultsLink}
        </a>
      </p>
      {units.state === "loading" ? <Loading /> : null}
      {units.state === "error" ? <ProblemAlert problem={units.problem} /> : null}
      {units.state === "ready" && !group ? <p>{t.notInSurvey}</p> : null}
      {units.state === "ready" && group ? (
        <>
          <dl className="facts diagnosis-respondents">
            <dt>{t.respondents}</dt>
            <dd>
              {"value" in group.n ? (
                formatNumber(group.n.value, locale)
              ) : (
                <HiddenMark reason={group.n.hidden} k={k} />
              )}
            </dd>
          </dl>
          {questionSections([group], labels).map((section) => (
            <QuestionResults
              key={section.question}
              section={section}
              rows={rows}
              labels={labels}
              k={k}
            />
          ))}
        </>
      ) : null}
    </QuestionnaireLanguages.Provider>
  );
}

/** The respondents-against-staff table of the results screen, for this unit. */
function CompositionOf({
  campaign,
  unitId,
  unitName,
}: {
  campaign: CampaignView;
  unitId: string;
  unitName: string;
}) {
  const base = `/campaigns/${encodeURIComponent(campaign.slug)}`;
  const [composition] = useApiData<StaffComposition>(`${base}/results/staff-composition`);
  return (
    <StaffCompositionSection
      data={composition}
      unitId={unitId}
      unitName={unitName}
      downloadBase={apiUrl(`${base}/results/staff-composition`)}
    />
  );
}
