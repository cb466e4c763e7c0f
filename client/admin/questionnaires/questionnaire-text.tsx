import type { ReactNode } from "react";
import { readingLanguage } from "../../../surveys/model/questionnaire-languages";
import type { Locale } from "../../i18n/locales";
import { useAdminLocale } from "../admin-locale";

/**
 * A text of a questionnaire (a title, a question), read in the reader's language when the
 * questionnaire has it, else in one it has (readingLanguage) — then marked with that language
 * (`lang`), so a screen reader pronounces a Dutch title on an English page as Dutch.
 */
export function QuestionnaireText({
  languages,
  children,
}: {
  languages: readonly Locale[];
  children: ReactNode;
}) {
  const locale = useAdminLocale();
  const language = readingLanguage(languages, locale);
  return <span lang={language === locale ? undefined : language}>{children}</span>;
}
