import type { CampaignView } from "../../../server/contract/campaign-schemas";

/**
 * The headcount reference date a campaign's results go with: the latest one on or before it
 * closes (the date the survey release is audited against, `published-headcounts.ts`).
 */
export function surveyReferenceDate(
  campaign: Pick<CampaignView, "closesAt">,
  referenceDates: readonly string[],
): string | null {
  const closes = campaign.closesAt.slice(0, 10);
  return (
    [...referenceDates]
      .sort()
      .filter((date) => date <= closes)
      .at(-1) ?? null
  );
}

/**
 * The campaign a diagnosis page shows first: the latest closed one whose reference date is the
 * latest headcount date, else the latest closed one, else the latest of any status.
 */
export function defaultCampaign<C extends Pick<CampaignView, "closesAt" | "status">>(
  campaigns: readonly C[],
  referenceDates: readonly string[] | undefined,
): C | undefined {
  const latestFirst = [...campaigns].sort((a, b) => b.closesAt.localeCompare(a.closesAt));
  const closed = latestFirst.filter((campaign) => campaign.status === "closed");
  const latestDate = [...(referenceDates ?? [])].sort().at(-1);
  const matching =
    latestDate === undefined
      ? undefined
      : closed.find(
          (campaign) => surveyReferenceDate(campaign, referenceDates ?? []) === latestDate,
        );
  return matching ?? closed[0] ?? latestFirst[0];
}
