import { useMemo } from "react";
import { useMessages } from "../admin-locale";
import { Loading } from "../page-states";
import { useApiData } from "../use-api-data";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";
import { CampaignProblem } from "./campaign-problem";
import type { CampaignView, Organisation, QuestionnaireVersion } from "./campaign-types";
import { PreviewCard, PreviewInLanguages } from "./preview-card";
import { previewDefinition } from "./preview-definition";

/** The campaign's questionnaire version, read-only, in each of its languages; loaded on demand. */
export function QuestionnairePreview({
  campaign,
  organisation,
}: {
  campaign: CampaignView;
  organisation: Organisation | undefined;
}) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  return (
    <PreviewCard t={t}>
      {() => <LoadedPreview campaign={campaign} organisation={organisation} />}
    </PreviewCard>
  );
}

function LoadedPreview({
  campaign,
  organisation,
}: {
  campaign: CampaignView;
  organisation: Organisation | undefined;
}) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const { slug, version } = campaign.questionnaire;
  const [data, reload] = useApiData<QuestionnaireVersion>(
    `/questionnaires/${encodeURIComponent(slug)}/versions/${version}`,
  );
  const definition = useMemo(
    () =>
      data.state === "ready"
        ? previewDefinition(data.data.definition, campaign, organisation)
        : null,
    [data, campaign, organisation],
  );

  if (data.state === "loading") return <Loading />;
  if (data.state === "error") return <CampaignProblem problem={data.problem} onRetry={reload} />;
  return (
    <PreviewInLanguages
      t={t}
      locales={campaign.locales}
      initial={campaign.locales[0] ?? "nl"}
      definition={definition}
    />
  );
}
