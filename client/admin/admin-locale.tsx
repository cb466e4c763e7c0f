import { createContext, useContext } from "react";
import { chooseLocale, LANGUAGE_TAGS, LOCALES, type Locale } from "../i18n/locales";

const STORAGE_KEY = "peilpunt.admin.locale";

/**
 * The language chosen in this browser: a link's ?lang= (remembered from then on), else the
 * last choice made here, if any.
 */
export function chosenAdminLocale(): Locale | null {
  const asked = new URLSearchParams(location.search).get("lang");
  const fromLink = LOCALES.find((locale) => locale === asked);
  if (fromLink) rememberAdminLocale(fromLink);
  return fromLink ?? storedLocale() ?? null;
}

function storedLocale(): Locale | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return LOCALES.find((locale) => locale === stored);
  } catch {
    // Storage may be disabled; the browser's languages still apply.
    return undefined;
  }
}

/** The staff member's language: ?lang=, then their last choice here, then the browser's. */
export function initialAdminLocale(): Locale {
  const asked = new URLSearchParams(location.search).get("lang");
  const stored = storedLocale();
  return chooseLocale(LOCALES, [
    ...(asked ? [asked] : []),
    ...(stored ? [stored] : []),
    ...navigator.languages,
  ]);
}

export function rememberAdminLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered then; nothing else depends on it.
  }
}

export const AdminLocaleContext = createContext<Locale>("nl");

/** The current admin language. */
export function useAdminLocale(): Locale {
  return useContext(AdminLocaleContext);
}

/** A screen's texts in the current language; every screen keeps its own nl/fr/en table. */
export function useMessages<T>(messages: Record<Locale, T>): T {
  return messages[useAdminLocale()];
}

/** A date (and time) as people in Belgium read it, in Brussels time. */
export function formatDateTime(iso: string, locale: Locale, withTime = true): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
    timeZone: "Europe/Brussels",
  }).format(new Date(iso));
}

/** A number with the locale's separators; shares as whole percentages. */
export function formatNumber(
  value: number,
  locale: Locale,
  style: "decimal" | "percent" = "decimal",
) {
  return new Intl.NumberFormat(LANGUAGE_TAGS[locale], {
    style,
    maximumFractionDigits: style === "percent" ? 0 : 2,
  }).format(value);
}
