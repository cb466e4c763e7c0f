import { useId } from "react";
import { byName, unitsInTreeOrder } from "../../../server/contract/unit-tree";
import type { Locale } from "../../i18n/locales";
import { LANGUAGE_TAGS } from "../../i18n/locales";
import { formatDateTime, formatNumber, useAdminLocale, useMessages } from "../admin-locale";
import { HiddenMark, SYMBOLS } from "../hidden-mark";
import { Loading, OnRequest } from "../page-states";
import { type ApiData, useRefresh } from "../use-api-data";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";
import { CampaignProblem } from "./campaign-problem";
import type {
  CampaignView,
  Figure,
  Organisation,
  Participation,
  UnitParticipation,
} from "./campaign-types";

interface Row {
  view: UnitParticipation;
  name: string;
  depth: number;
  total: boolean;
}

/** The participation rows in reading order: the organisation's total, then units by hierarchy. */
function orderRows(
  views: UnitParticipation[],
  organisation: Organisation | undefined,
  organisationId: string,
  locale: Locale,
): Row[] {
  const byId = new Map(views.map((view) => [view.unitId, view]));
  const rows: Row[] = [];
  const total = byId.get(organisationId);
  if (total) {
    rows.push({
      view: total,
      name: organisation?.name[locale] ?? organisationId,
      depth: 0,
      total: true,
    });
    byId.delete(organisationId);
  }
  const offset = total ? 1 : 0;
  for (const { unit, depth } of unitsInTreeOrder(
    organisation?.units ?? [],
    byName(locale, LANGUAGE_TAGS[locale]),
  )) {
    const view = byId.get(unit.id);
    if (!view) continue;
    rows.push({ view, name: unit.name[locale], depth: depth + offset, total: false });
    byId.delete(unit.id);
  }
  // Units the reference list does not name (it should): still shown, never dropped.
  for (const view of byId.values()) {
    rows.push({ view, name: view.unitId, depth: offset, total: false });
  }
  return rows;
}

/** A count or share as published, or the reason it is hidden: hidden is never shown as 0. */
function FigureText({
  figure,
  k,
  percent,
}: {
  figure: Figure | undefined;
  k: number;
  percent?: boolean;
}) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const locale = useAdminLocale();
  if (!figure) return <>{t.notApplicable}</>;
  if ("hidden" in figure) return <HiddenMark reason={figure.hidden} k={k} />;
  return <>{formatNumber(figure.value, locale, percent ? "percent" : "decimal")}</>;
}

/** A staff total as the headcount tables show it; hidden ones in the headcounts' words. */
function StaffText({ figure, k }: { figure: Figure | undefined; k: number }) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const locale = useAdminLocale();
  if (!figure) return <>{t.notApplicable}</>;
  if ("value" in figure) return <>{formatNumber(figure.value, locale)}</>;
  const small = figure.hidden === "primary";
  return (
    <span className={`hidden-mark hidden-${figure.hidden}`}>
      <span className="hidden-symbol" aria-hidden="true">
        {SYMBOLS[figure.hidden]}
      </span>{" "}
      {small ? t.staffHiddenSmall(k) : t.staffHiddenOther}
    </span>
  );
}

/** Live respondents per unit under the suppression rules, with codes issued and response rate. */
export function ParticipationSection({
  campaign,
  organisation,
  data,
  reload,
  onShow,
}: {
  campaign: CampaignView;
  organisation: Organisation | undefined;
  data: ApiData<Participation>;
  reload: () => Promise<void>;
  /** Set while participation waits to be asked for: it would show the interim release. */
  onShow?: () => void;
}) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const locale = useAdminLocale();
  const id = useId();
  const [refreshing, refresh] = useRefresh(reload);
  const codes = campaign.accessMode === "invitation-codes";
  const staffDate = data.state === "ready" ? data.data.staffDate : undefined;
  // Hidden staff figures follow the headcount tables' k, not the campaign's.
  const staffK = (data.state === "ready" ? data.data.staffK : undefined) ?? campaign.k;

  let body: React.ReactNode;
  if (data.state === "loading") body = <Loading />;
  else if (data.state === "error")
    body = <CampaignProblem problem={data.problem} onRetry={refresh} />;
  else {
    const rows = orderRows(data.data.units, organisation, campaign.organisationId, locale);
    body =
      rows.length === 0 ? (
        <p>{t.noParticipationRows}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls sideways on a phone, so the keyboard must reach it (WCAG 2.1.1)
        <section className="table-wrap" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table
            className={`data participation${codes ? " with-codes" : ""}${staffDate ? " with-staff" : ""}`}
          >
            <caption id={`${id}-caption`}>{t.participationCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnUnit}</th>
                <th scope="col" className="number">
                  {t.columnRespondents}
                </th>
                {codes ? (
                  <>
                    <th scope="col" className="number">
                      {t.columnIssued}
                    </th>
                    <th scope="col" className="number">
                      {t.columnRate}
                    </th>
                  </>
                ) : null}
                {staffDate ? (
                  <>
                    <th scope="col" className="number">
                      {t.columnStaff}
                    </th>
                    <th scope="col" className="number">
                      {t.columnStaffRate}
                    </th>
                  </>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.view.unitId} className={row.total ? "total-row" : undefined}>
                  <th scope="row" style={{ paddingInlineStart: `${0.6 + row.depth * 1.25}rem` }}>
                    {row.name}
                    {row.total ? ` (${t.organisationTotal})` : null}
                    {row.view.direct ? (
                      <span className="direct-count">
                        {t.columnDirect} <FigureText figure={row.view.direct} k={campaign.k} />
                      </span>
                    ) : null}
                  </th>
                  <td className="number">
                    <FigureText figure={row.view.respondents} k={campaign.k} />
                  </td>
                  {codes ? (
                    <>
                      <td className="number">{formatNumber(row.view.issued ?? 0, locale)}</td>
                      <td className="number">
                        <FigureText figure={row.view.rate} k={campaign.k} percent />
                      </td>
                    </>
                  ) : null}
                  {staffDate ? (
                    <>
                      <td className="number">
                        <StaffText figure={row.view.staff} k={staffK} />
                      </td>
                      <td className="number">
                        <FigureText figure={row.view.staffRate} k={campaign.k} percent />
                      </td>
                    </>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      );
  }

  if (onShow) {
    return (
      <OnRequest
        title={t.participationTitle}
        text={t.participationGate}
        action={t.participationShow}
        onRequest={onShow}
      />
    );
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.participationTitle}</h2>
      <p>{t.participationIntro(campaign.k)}</p>
      {campaign.status === "open" && campaign.accessMode === "invitation-codes" ? (
        <p className="hint">{t.participationWhileOpen}</p>
      ) : null}
      {staffDate ? (
        <p className="hint">{t.staffNote(formatDateTime(staffDate, locale, false))}</p>
      ) : null}
      <div className="actions">
        <button type="button" className="secondary" onClick={refresh} disabled={refreshing}>
          {refreshing ? t.refreshing : t.refresh}
        </button>
        <p role="status" className="hint as-of">
          {data.state === "ready" ? t.asOf(formatDateTime(data.data.builtAt, locale)) : ""}
        </p>
      </div>
      {body}
    </section>
  );
}
