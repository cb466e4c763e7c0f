import type { Locale } from "../i18n/locales";
import { RESPONDENT_MESSAGES } from "../i18n/respondent-messages";

/** What is stored and who sees what, shown before the first question. */
export function PrivacyNotice({
  locale,
  slug,
  minCellSize,
  onStart,
}: {
  locale: Locale;
  slug: string;
  minCellSize: number;
  onStart: () => void;
}) {
  const t = RESPONDENT_MESSAGES[locale];
  return (
    <section className="card notice" aria-labelledby="notice-title">
      <h2 id="notice-title">{t.noticeTitle}</h2>
      <ul>
        <li>{t.noticeStored}</li>
        <li>{t.noticeNeverStored}</li>
        <li>{t.noticeGroups(minCellSize)}</li>
        <li>{t.noticeWhoSees}</li>
        <li>{t.noticeVoluntary}</li>
      </ul>
      <p>
        <a href={`/privacy?lang=${locale}&from=${encodeURIComponent(slug)}`}>{t.privacyLink}</a>
      </p>
      <button type="button" className="primary" onClick={onStart}>
        {t.start}
      </button>
    </section>
  );
}
