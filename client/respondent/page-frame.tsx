import type { ReactNode } from "react";
import type { Locale } from "../i18n/locales";
import { RESPONDENT_MESSAGES } from "../i18n/respondent-messages";
import { LanguageSwitcher } from "../shared/language-switcher";

/** Header with the language switcher, the main landmark and the footer of every page. */
export function PageFrame({
  locale,
  offered,
  onLocale,
  heading,
  children,
}: {
  locale: Locale;
  offered: readonly Locale[];
  onLocale: (locale: Locale) => void;
  heading: string;
  children: ReactNode;
}) {
  const t = RESPONDENT_MESSAGES[locale];
  return (
    <>
      <a className="skip-link" href="#content">
        {t.skipToContent}
      </a>
      <header className="page-header">
        <span className="brand">Peilpunt</span>
        <LanguageSwitcher
          offered={offered}
          current={locale}
          label={t.languageLabel}
          onChange={onLocale}
        />
      </header>
      <main id="content" tabIndex={-1}>
        <h1>{heading}</h1>
        {children}
      </main>
      <footer className="page-footer">{t.footer}</footer>
    </>
  );
}
