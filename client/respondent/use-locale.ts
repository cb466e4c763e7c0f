import { useEffect, useState } from "react";
import { chooseLocale, type Locale } from "../i18n/locales";

/**
 * The page language: ?lang= first, then the browser's languages, among those offered. Kept in
 * the page only; it is never sent to the server.
 */
export function useLocale(offered: readonly Locale[]) {
  const [locale, setLocale] = useState<Locale>(() => {
    const asked = new URLSearchParams(location.search).get("lang");
    return chooseLocale(offered, [...(asked ? [asked] : []), ...navigator.languages]);
  });
  useEffect(() => {
    if (!offered.includes(locale)) setLocale(chooseLocale(offered, [locale]));
  }, [offered, locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return [locale, setLocale] as const;
}
