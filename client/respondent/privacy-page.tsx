import { SLUG_PATTERN } from "../../server/contract/slug-pattern";
import { LOCALES } from "../i18n/locales";
import { RESPONDENT_MESSAGES } from "../i18n/respondent-messages";
import { PageFrame } from "./page-frame";
import { useLocale } from "./use-locale";

/** The detailed privacy statement, in the visitor's language. */
export function PrivacyPage() {
  const [locale, setLocale] = useLocale(LOCALES);
  const t = RESPONDENT_MESSAGES[locale];
  const back = new URLSearchParams(location.search).get("from");
  return (
    <PageFrame locale={locale} offered={LOCALES} onLocale={setLocale} heading={t.privacyPageTitle}>
      {t.privacySections.map((section) => (
        <section key={section.title} className="card">
          <h2>{section.title}</h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph.slice(0, 40)}>{paragraph}</p>
          ))}
        </section>
      ))}
      {back && SLUG_PATTERN.test(back) ? (
        <p>
          <a href={`/s/${back}?lang=${locale}`}>{t.backToSurvey}</a>
        </p>
      ) : null}
    </PageFrame>
  );
}
