import type { Locale } from "../i18n/locales";
import { RESPONDENT_MESSAGES } from "../i18n/respondent-messages";
import type { CampaignForm } from "./respondent-api";
import "./thank-you.css";

/**
 * The thank-you after sending: when and how results are shared, in the page's language. The
 * coordinator's own text for this campaign if there is one (plain text: React never reads it
 * as HTML), else the standard text built from the closing day and k.
 */
export function ThankYou({
  campaign,
  locale,
  closingDay,
}: {
  campaign: CampaignForm["campaign"];
  locale: Locale;
  closingDay: string;
}) {
  const t = RESPONDENT_MESSAGES[locale];
  const ownText = campaign.thanksText[locale];
  return (
    <div className="card" role="status">
      <p>{t.thanksText}</p>
      {ownText ? (
        <p className="thanks-results">{ownText}</p>
      ) : (
        <p>{t.thanksResults(closingDay, campaign.minCellSize)}</p>
      )}
    </div>
  );
}
