import { formatDateTime, useAdminLocale, useMessages } from "../admin-locale";
import { QUESTIONNAIRE_MESSAGES } from "./questionnaire-messages";
import type { QuestionnaireVersionSummary } from "./questionnaire-types";

/** "Draft" or "Published" as a label (the word carries the meaning, not the colour). */
export function VersionStatusBadge({ published }: { published: boolean }) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  return (
    <span className={`status ${published ? "status-open" : "status-draft"}`}>
      {published ? t.published : t.draft}
    </span>
  );
}

/** When a version was published, or else uploaded; nothing for old bundled versions. */
export function VersionDate({ version }: { version: QuestionnaireVersionSummary }) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  const locale = useAdminLocale();
  if (version.publishedAt)
    return <span>{t.publishedOn(formatDateTime(version.publishedAt, locale, false))}</span>;
  if (version.createdAt)
    return <span>{t.uploadedOn(formatDateTime(version.createdAt, locale, false))}</span>;
  return null;
}
