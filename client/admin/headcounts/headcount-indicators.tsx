import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import type {
  HeadcountIndicatorsAnswer,
  HeadcountTargetsAnswer,
} from "../../../server/contract/headcount-view-schemas";
import { formatNumber, useAdminLocale, useMessages } from "../admin-locale";
import { useSessionUser } from "../admin-session";
import { DIAGNOSIS_MESSAGES } from "../diagnosis/diagnosis-messages";
import { Loading, ProblemAlert } from "../page-states";
import { useApiData } from "../use-api-data";
import { followLink } from "../use-route";
import { HEADCOUNT_MESSAGES } from "./headcount-messages";
import { type HeadcountReleaseView, unitsInTreeOrder } from "./headcount-view";
import { indicatorTitle, TargetEditor } from "./target-editor";

const IndicatorChart = lazy(() => import("./indicator-chart"));

type Indicator = HeadcountIndicatorsAnswer["indicators"][number];

/** Target sets offered: the organisation's own (the default set until it chooses), then the defaults. */
const TARGET_SETS = ["organisation", "flanders-2020", "brussels"] as const;

/**
 * Per indicator a trend over the reference dates with the target line, the table with the same
 * figures beside it, and the distance to target with the people it means.
 */
export function HeadcountIndicators({
  slug,
  release,
}: {
  slug: string;
  release: HeadcountReleaseView;
}) {
  const t = useMessages(HEADCOUNT_MESSAGES);
  const diagnosis = useMessages(DIAGNOSIS_MESSAGES);
  const locale = useAdminLocale();
  const ordered = unitsInTreeOrder(release.units);
  const [unit, setUnit] = useState(ordered[0]?.unit.id ?? "");
  const [targets, setTargets] = useState<string>(TARGET_SETS[0]);
  const user = useSessionUser();
  const [targetsAnswer, reloadTargets] = useApiData<HeadcountTargetsAnswer>(
    `/organisations/${encodeURIComponent(slug)}/headcounts/targets`,
  );
  const [answer, reload] = useApiData<HeadcountIndicatorsAnswer>(
    unit
      ? `/organisations/${encodeURIComponent(slug)}/headcounts/indicators?unit=${encodeURIComponent(unit)}&targets=${targets}`
      : null,
  );
  // A new release (an import, a rebuild) changes the figures the indicators come from; the
  // first one is fetched by useApiData itself.
  const shownBuild = useRef(release.builtAt);
  useEffect(() => {
    if (shownBuild.current === release.builtAt) return;
    shownBuild.current = release.builtAt;
    void reload();
  }, [release.builtAt, reload]);
  const unitId = useId();
  const targetsId = useId();
  return (
    <>
      <section className="card" aria-labelledby="headcount-indicators">
        <h2 id="headcount-indicators">{t.indicatorsTitle}</h2>
        <p>{t.indicatorsIntro}</p>
        <div className="headcount-choices">
          <div className="field">
            <label htmlFor={targetsId}>{t.targetSet}</label>
            <select id={targetsId} value={targets} onChange={(e) => setTargets(e.target.value)}>
              {TARGET_SETS.map((set) => (
                <option key={set} value={set}>
                  {t.targetSets[set]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={unitId}>{t.indicatorUnit}</label>
            <select id={unitId} value={unit} onChange={(e) => setUnit(e.target.value)}>
              {ordered.map(({ unit: candidate, depth }) => (
                <option key={candidate.id} value={candidate.id}>
                  {`${"\u00a0\u00a0".repeat(depth)}${candidate.name[locale]}`}
                </option>
              ))}
            </select>
          </div>
        </div>
        {unit ? (
          <p className="no-print">
            <a
              href={`/admin/organisations/${encodeURIComponent(slug)}/diagnosis/${encodeURIComponent(unit)}`}
              onClick={followLink}
            >
              {diagnosis.linkToDiagnosis(
                ordered.find((entry) => entry.unit.id === unit)?.unit.name[locale] ?? unit,
              )}
            </a>
          </p>
        ) : null}
        {answer.state === "loading" ? <Loading /> : null}
        {answer.state === "error" ? <ProblemAlert problem={answer.problem} /> : null}
        {answer.state === "ready"
          ? answer.data.indicators.map((indicator) => (
              <IndicatorView key={indicator.spec.key} indicator={indicator} />
            ))
          : null}
      </section>
      {user.role !== "evaluator" && targetsAnswer.state === "ready" ? (
        <TargetEditor
          slug={slug}
          release={release}
          targets={targetsAnswer.data}
          onSaved={() => {
            void reloadTargets();
            void reload();
          }}
        />
      ) : null}
    </>
  );
}

/** One indicator: target, latest share and distance, its trend chart and its table. */
export function IndicatorView({ indicator }: { indicator: Indicator }) {
  const t = useMessages(HEADCOUNT_MESSAGES);
  const locale = useAdminLocale();
  const { spec, points } = indicator;
  const title = indicatorTitle(spec, t);
  const percent = (share: number) => formatNumber(share, locale, "percent");
  const points1 = (share: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(share * 100);
  const id = useId();
  const latest = [...points].reverse().find((point) => point.share !== null);
  const target = spec.target ?? null;
  const distanceText = (distance: number, people: number | null) =>
    distance <= 0
      ? target !== null && distance < 0
        ? `${t.reached} (${t.above(points1(-distance))})`
        : t.reached
      : t.below(points1(distance), people ?? 0);
  return (
    <section className="headcount-indicator print-keep" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p>
        {target !== null ? t.target(percent(target)) : t.noTarget}
        {latest && latest.share !== null ? (
          <>
            {" · "}
            {t.latest(latest.referenceDate)} <strong>{percent(latest.share)}</strong>
            {latest.distance !== null
              ? ` — ${distanceText(latest.distance, latest.peopleToTarget)}`
              : null}
          </>
        ) : (
          <> · {t.noPublished}</>
        )}
      </p>
      <div className="headcount-indicator-layout">
        {points.some((point) => point.share !== null) ? (
          <figure className="headcount-chart" aria-label={t.chartLabel(title)}>
            <Suspense fallback={null}>
              <IndicatorChart
                dates={points.map((point) => point.referenceDate)}
                shares={points.map((point) => (point.share === null ? null : point.share * 100))}
                target={target === null ? null : target * 100}
                targetLabel={target === null ? "" : t.target(percent(target))}
                format={(value) => `${Math.round(value)}%`}
              />
            </Suspense>
          </figure>
        ) : null}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls, so the keyboard must reach it (WCAG 2.1.1) */}
        <section className="table-wrap" tabIndex={0} aria-label={t.tableOf(title)}>
          <table className="data headcount-table">
            <caption>{t.tableOf(title)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.dateColumn}</th>
                <th scope="col" className="number">
                  {t.countColumn}
                </th>
                <th scope="col" className="number">
                  {t.total}
                </th>
                <th scope="col" className="number">
                  {t.shareColumn}
                </th>
                <th scope="col" className="number">
                  {t.changeColumn}
                </th>
                <th scope="col">{t.distanceColumn}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.referenceDate}>
                  <th scope="row">{point.referenceDate}</th>
                  <td className="number">
                    {point.count === null ? (
                      <span className="hidden-mark">{t.notShown}</span>
                    ) : (
                      formatNumber(point.count, locale)
                    )}
                  </td>
                  <td className="number">
                    {point.staff === null ? (
                      <span className="hidden-mark">{t.notShown}</span>
                    ) : (
                      formatNumber(point.staff, locale)
                    )}
                  </td>
                  <td className="number">
                    {point.share === null ? (
                      <span className="hidden-mark">{t.notShown}</span>
                    ) : (
                      percent(point.share)
                    )}
                  </td>
                  <td className="number">
                    {point.change === null
                      ? "—"
                      : `${point.change > 0 ? "+" : ""}${points1(point.change)}`}
                  </td>
                  <td>
                    {point.distance === null
                      ? "—"
                      : distanceText(point.distance, point.peopleToTarget)}
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
