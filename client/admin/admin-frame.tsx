import type { ReactNode } from "react";
import { LOCALES, type Locale } from "../i18n/locales";
import { LanguageSwitcher } from "../shared/language-switcher";
import { useAdminLocale, useMessages } from "./admin-locale";
import { ADMIN_MESSAGES } from "./admin-messages";
import type { SessionUser } from "./admin-session";
import { HEADCOUNT_MESSAGES } from "./headcounts/headcount-messages";
import { QUESTIONNAIRE_MESSAGES } from "./questionnaires/questionnaire-messages";
import { followLink } from "./use-route";

/** Header (menu, language, who is signed in), the main landmark and the footer. */
export function AdminFrame({
  user,
  path,
  onLocale,
  onSignOut,
  children,
}: {
  user: SessionUser | null;
  path: string;
  onLocale: (locale: Locale) => void;
  onSignOut: () => void;
  children: ReactNode;
}) {
  const t = useMessages(ADMIN_MESSAGES);
  const locale = useAdminLocale();
  const q = useMessages(QUESTIONNAIRE_MESSAGES);
  const h = useMessages(HEADCOUNT_MESSAGES);
  const links = user
    ? [
        { href: "/admin", label: t.navCampaigns, shown: true },
        { href: "/admin/questionnaires", label: q.navQuestionnaires, shown: true },
        {
          href: "/admin/organisations",
          label: t.navOrganisations,
          shown: user.role !== "evaluator",
        },
        { href: "/admin/headcounts", label: h.navHeadcounts, shown: true },
        { href: "/admin/users", label: t.navUsers, shown: user.role === "admin" },
        { href: "/admin/audit", label: t.navAudit, shown: user.role !== "evaluator" },
        { href: "/admin/account", label: t.navAccount, shown: true },
      ].filter((link) => link.shown)
    : [];
  const current = (href: string) =>
    href === "/admin"
      ? path === "/admin" || path === "/admin/" || path.startsWith("/admin/campaigns")
      : href === "/admin/organisations"
        ? path.startsWith(href) && !path.endsWith("/headcounts")
        : href === "/admin/headcounts"
          ? path.startsWith(href) || path.endsWith("/headcounts")
          : path.startsWith(href);
  return (
    <>
      <a className="skip-link" href="#content">
        {t.skipToContent}
      </a>
      <header className="page-header admin-header">
        <span className="brand">{t.brand}</span>
        {links.length > 0 ? (
          <nav className="admin-nav" aria-label={t.navLabel}>
            <ul>
              {links.map((link) => (
                <li key={link.href}>
                  <a
                    href={link.href}
                    onClick={followLink}
                    aria-current={current(link.href) ? "page" : undefined}
                  >
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="admin-header-tools">
          <LanguageSwitcher
            offered={LOCALES}
            current={locale}
            label={t.languageLabel}
            onChange={onLocale}
          />
          {user ? (
            <button type="button" className="secondary" onClick={onSignOut}>
              {t.signOut}
            </button>
          ) : null}
        </div>
        {user ? (
          <p className="signed-in-as">{t.signedInAs(user.email, t.roles[user.role])}</p>
        ) : null}
      </header>
      <main id="content" tabIndex={-1} className="admin-main">
        {children}
      </main>
      <footer className="page-footer">{t.footer}</footer>
    </>
  );
}
