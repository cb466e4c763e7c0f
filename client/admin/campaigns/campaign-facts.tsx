import { Fragment, type ReactNode } from "react";
import { formatDateTime, useAdminLocale, useMessages } from "../admin-locale";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";
import { formatLastDay, formatOpening } from "./campaign-period";
import { CampaignStatusBadge } from "./campaign-status-badge";
import type { CampaignView, Organisation } from "./campaign-types";
import { RespondentLink } from "./respondent-link";

/** What a campaign is set to, with the retention date the coordinator must plan an export for. */
export function CampaignFacts({
  campaign,
  organisation,
}: {
  campaign: CampaignView;
  organisation: Organisation | undefined;
}) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const locale = useAdminLocale();
  const lastDay = formatLastDay(campaign.closesAt, locale);
  const rows: [string, ReactNode][] = [
    [t.factStatus, <CampaignStatusBadge key="status" status={campaign.status} />],
    ...(organisation
      ? ([[t.factOrganisation, organisation.name[locale]]] as [string, ReactNode][])
      : []),
    [
      t.factQuestionnaire,
      t.questionnaireVersion(campaign.questionnaire.slug, campaign.questionnaire.version),
    ],
    [t.factUnits, t.unitsCount(campaign.unitIds.length)],
    [t.factLocales, campaign.locales.map((l) => t.languageNames[l]).join(", ")],
    [t.factK, t.kValue(campaign.k)],
    [t.factOpens, formatOpening(campaign.opensAt, locale)],
    lastDay ? [t.factLastDay, lastDay] : [t.factCloses, formatDateTime(campaign.closesAt, locale)],
    [t.factAccess, t.accessModes[campaign.accessMode]],
    [
      t.interimResults,
      campaign.interimResultRoles.length === 0
        ? t.interimAdminsOnly
        : t.interimReaders(
            new Intl.ListFormat(locale, { type: "conjunction" }).format([
              t.interimAdmins,
              ...campaign.interimResultRoles.map((role) => t.interimRoles[role].toLowerCase()),
            ]),
          ),
    ],
    [t.factRetention, t.retentionValue(campaign.retentionDays)],
  ];
  return (
    <>
      <dl className="facts">
        {rows.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <p className={campaign.responsesDeleteAt ? "retention-warning" : "hint"}>
        {campaign.responsesDeleteAt
          ? t.deleteOn(formatDateTime(campaign.responsesDeleteAt, locale, false))
          : t.deleteAfterClosing(campaign.retentionDays)}
      </p>
      {campaign.resultsViewed ? <p className="hint">{t.resultsViewed}</p> : null}
      <RespondentLink path={campaign.respondentUrl} accessMode={campaign.accessMode} />
    </>
  );
}
