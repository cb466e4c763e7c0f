import { createContext, type ReactNode, useContext } from "react";
import { readingLanguage } from "../../../surveys/model/questionnaire-languages";
import type { Locale } from "../../i18n/locales";
import { useAdminLocale } from "../admin-locale";

/** The languages of the questionnaire a screen shows texts of (its questions, options). */
export const QuestionnaireLanguages = createContext<readonly Locale[] | null>(null);

/**
 * A text of a questionnaire (a title, a question, an answer option), read in the reader's
 * language when the questionnaire has it, else in one it has (readingLanguage) — then marked
 * with that language (`lang`), so a screen reader pronounces a Dutch title on an English page as
 * Dutch. The languages come from the prop, else from QuestionnaireLanguages.
 */
export function QuestionnaireText({
  languages,
  children,
}: {
  languages?: readonly Locale[];
  children: ReactNode;
}) {
  const locale = useAdminLocale();
  const around = useContext(QuestionnaireLanguages);
  const language = readingLanguage(languages ?? around ?? [], locale);
  return <span lang={language === locale ? undefined : language}>{children}</span>;
}
