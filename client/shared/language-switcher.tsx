import { LOCALE_NAMES, type Locale } from "../i18n/locales";

/** Buttons to switch language; the current one is marked with aria-pressed. */
export function LanguageSwitcher({
  offered,
  current,
  label,
  onChange,
}: {
  offered: readonly Locale[];
  current: Locale;
  label: string;
  onChange: (locale: Locale) => void;
}) {
  if (offered.length < 2) return null;
  return (
    <nav className="language-switcher" aria-label={label}>
      {offered.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          onClick={() => onChange(locale)}
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </nav>
  );
}
