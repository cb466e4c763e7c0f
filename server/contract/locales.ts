/** The languages of Peilpunt: every text a respondent or a staff member reads exists in each. */
export const LOCALES = ["nl", "fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
/** A text in every language. */
export type Localized = Record<Locale, string>;
