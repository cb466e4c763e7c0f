import type { CampaignStatus } from "../db/schema";

const DAY_MS = 86_400_000;

/**
 * The status a campaign has at `now`: the stored status, except that an open campaign whose
 * closing date has passed is closed (the maintenance job writes that down within the hour).
 */
export function effectiveStatus(
  campaign: { status: CampaignStatus; closesAt: string },
  now: Date,
): CampaignStatus {
  if (campaign.status === "open" && now >= new Date(campaign.closesAt)) return "closed";
  return campaign.status;
}

/** Open, or not opened yet, at `now`: its results are interim ones (a release built then too). */
export function isInterim(
  campaign: { status: CampaignStatus; closesAt: string },
  now: Date,
): boolean {
  const status = effectiveStatus(campaign, now);
  return status === "open" || status === "draft";
}

/** When the raw responses of a closed campaign are deleted; null while it is not closed. */
export function responsesDeleteAt(
  campaign: { status: CampaignStatus; closesAt: string; retentionDays: number },
  now: Date,
): Date | null {
  const status = effectiveStatus(campaign, now);
  if (status !== "closed" && status !== "archived") return null;
  return new Date(new Date(campaign.closesAt).getTime() + campaign.retentionDays * DAY_MS);
}
