import { LOCALES, type Locale, type Localized } from "../../server/contract/locales";

export { LOCALES, type Locale, type Localized };

export const LOCALE_NAMES: Localized = { nl: "Nederlands", fr: "Français", en: "English" };

/** The regional tag each language formats dates and numbers with (Belgian Dutch and French). */
export const LANGUAGE_TAGS: Localized = { nl: "nl-BE", fr: "fr-BE", en: "en-GB" };

/** The first of `offered` that the visitor asked for (?lang=, then the browser), else the first. */
export function chooseLocale(offered: readonly Locale[], asked: readonly string[]): Locale {
  for (const wish of asked) {
    const base = wish.toLowerCase().slice(0, 2);
    const match = offered.find((locale) => locale === base);
    if (match) return match;
  }
  return offered[0] ?? "nl";
}
