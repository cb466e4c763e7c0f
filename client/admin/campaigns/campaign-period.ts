import type { Locale } from "../../i18n/locales";
import { formatDateTime } from "../admin-locale";
import { isBrusselsMidnight, lastMomentBefore } from "./campaign-dates";
import type { CampaignMessages } from "./campaign-messages";

/** When a campaign opens: a day when it opens at midnight, else the moment (opened by button). */
export function formatOpening(opensAt: string, locale: Locale): string {
  return formatDateTime(opensAt, locale, !isBrusselsMidnight(opensAt));
}

/** The last whole day of a campaign that closes at midnight, else null (closed by button). */
export function formatLastDay(closesAt: string, locale: Locale): string | null {
  return isBrusselsMidnight(closesAt)
    ? formatDateTime(lastMomentBefore(closesAt), locale, false)
    : null;
}

/** A campaign's period in one line, with the last day inclusive as the form asks for it. */
export function describePeriod(
  campaign: { opensAt: string; closesAt: string },
  locale: Locale,
  t: CampaignMessages,
): string {
  const opens = formatOpening(campaign.opensAt, locale);
  const lastDay = formatLastDay(campaign.closesAt, locale);
  return lastDay
    ? t.periodDays(opens, lastDay)
    : t.periodUntil(opens, formatDateTime(campaign.closesAt, locale));
}
