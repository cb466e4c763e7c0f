import { MAX_THANKS_TEXT_LENGTH } from "../../../server/contract/staff-limits";
import { LANGUAGE_TAGS, type Locale, type Localized } from "../../i18n/locales";
import { RESPONDENT_MESSAGES } from "../../i18n/respondent-messages";
import { useMessages } from "../admin-locale";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";

/**
 * What respondents read in `locale` when the coordinator leaves that text empty: the respondent
 * page's standard text for this last day (YYYY-MM-DD, or "" while not chosen) and k.
 */
export function standardThanks(locale: Locale, lastDay: string, k: number | string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(lastDay)
    ? new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], {
        dateStyle: "long",
        timeZone: "UTC",
      }).format(new Date(`${lastDay}T12:00:00Z`))
    : "…";
  return RESPONDENT_MESSAGES[locale].thanksResults(day, Number(k) || 5);
}

/**
 * The thank-you text of a campaign, one field per language of the campaign, each showing the
 * standard text respondents read if it stays empty. Used by the campaign form (draft) and by
 * the thank-you card of an open campaign.
 */
export function ThanksTextFields({
  locales,
  value,
  onChange,
  standardText,
  idFor,
  errorFor,
  inCard = false,
}: {
  locales: readonly Locale[];
  value: Localized;
  onChange: (locale: Locale, text: string) => void;
  standardText: (locale: Locale) => string;
  /** The id of a language's field; its hint and error take this id with `-standard`, `-error`. */
  idFor: (locale: Locale) => string;
  errorFor: (locale: Locale) => string | undefined;
  /** In a card of its own, whose heading already says what the texts are for. */
  inCard?: boolean;
}) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const hintId = `${idFor("nl")}-intro`;
  return (
    <fieldset className={inCard ? "thanks-text in-card" : "thanks-text"} aria-describedby={hintId}>
      <legend className={inCard ? "visually-hidden" : undefined}>{t.thanksTitle}</legend>
      <p id={hintId} className="hint">
        {t.thanksHint}
      </p>
      <div className="stacked-form">
        {locales.map((locale) => {
          const id = idFor(locale);
          const error = errorFor(locale);
          return (
            <label key={locale} htmlFor={id}>
              {t.thanksIn[locale]}
              <textarea
                id={id}
                lang={locale}
                rows={4}
                maxLength={MAX_THANKS_TEXT_LENGTH}
                value={value[locale]}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${id}-standard${error ? ` ${id}-error` : ""}`}
                onChange={(event) => onChange(locale, event.currentTarget.value)}
              />
              <span id={`${id}-standard`} className="hint">
                {t.thanksStandard} <q lang={locale}>{standardText(locale)}</q>
              </span>
              {error ? (
                <span id={`${id}-error`} className="field-error">
                  {error}
                </span>
              ) : null}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
