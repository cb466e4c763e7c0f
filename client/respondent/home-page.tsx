import { LOCALES } from "../i18n/locales";
import { RESPONDENT_MESSAGES } from "../i18n/respondent-messages";
import { PageFrame } from "./page-frame";
import { useLocale } from "./use-locale";

/**
 * The front door at `/`: what Peilpunt is, where staff sign in, and where a respondent finds a
 * lost link. It lists no campaigns: slugs are not secrets, but a public index invites scraping.
 */
export function HomePage() {
  const [locale, setLocale] = useLocale(LOCALES);
  const t = RESPONDENT_MESSAGES[locale];
  return (
    <PageFrame locale={locale} offered={LOCALES} onLocale={setLocale} heading={t.homeTitle}>
      <p>{t.homeIntro}</p>
      <p>
        {t.homePrivacy} <a href={`/privacy?lang=${locale}`}>{t.privacyLink}</a>
      </p>
      <section className="card" aria-labelledby="home-respondent">
        <h2 id="home-respondent">{t.homeRespondentTitle}</h2>
        <p>{t.homeRespondentText}</p>
        <p>{t.homeLostLink}</p>
      </section>
      <section className="card" aria-labelledby="home-staff">
        <h2 id="home-staff">{t.homeStaffTitle}</h2>
        <p>{t.homeStaffText}</p>
        <p>
          <a className="button-link" href={`/admin?lang=${locale}`}>
            {t.homeStaffLink}
          </a>
        </p>
      </section>
    </PageFrame>
  );
}
