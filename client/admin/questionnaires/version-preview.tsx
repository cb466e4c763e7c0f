import { useMemo } from "react";
import { respondentDefinition } from "../../../surveys/model/respondent-definition";
import { LOCALES } from "../../i18n/locales";
import { useAdminLocale, useMessages } from "../admin-locale";
import { PreviewCard, PreviewInLanguages } from "../campaigns/preview-card";
import { useApiData } from "../use-api-data";
import { QUESTIONNAIRE_MESSAGES } from "./questionnaire-messages";
import type { Organisation } from "./questionnaire-types";

/**
 * A version as respondents get it (the same model, layout and CSS as the respondent page), in
 * each language, read-only. The unit question lists the owner organisation's units, as an
 * open-link campaign of that organisation would; a shared questionnaire shows the first
 * organisation the reader works in.
 */
export function VersionPreview({
  definition,
  organisationId,
}: {
  definition: unknown;
  organisationId: string | null;
}) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  return (
    <PreviewCard t={t}>
      {() => <LoadedPreview definition={definition} organisationId={organisationId} />}
    </PreviewCard>
  );
}

function LoadedPreview({
  definition,
  organisationId,
}: {
  definition: unknown;
  organisationId: string | null;
}) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  const locale = useAdminLocale();
  const [organisations] = useApiData<{ organisations: Organisation[] }>("/organisations");
  const units = useMemo(() => {
    if (organisations.state !== "ready") return [];
    const list = organisations.data.organisations;
    return (list.find((o) => o.id === organisationId) ?? list[0])?.units ?? [];
  }, [organisations, organisationId]);
  const shown = useMemo(
    () => respondentDefinition(definition, { accessMode: "open-link", units }),
    [definition, units],
  );
  return <PreviewInLanguages t={t} locales={LOCALES} initial={locale} definition={shown} />;
}
