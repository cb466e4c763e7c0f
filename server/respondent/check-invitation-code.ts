import type { Db } from "../db/open-database";
import { ConflictError } from "../errors";
import { assertCampaignCode } from "./find-invitation-code";
import { assertCampaignOpen, loadCampaign } from "./load-campaign";

/**
 * Tells a respondent, before the questions, whether they typed their invitation code right:
 * returns when it is a well-formed code of this open campaign, else throws what a submission
 * with it would (422 mistyped, 403 unknown). It never says whether the code was used: anyone
 * holding another person's code (whoever ran the mail merge) would learn who took part. A used
 * code is refused at submission (409), where the page keeps the answers and takes another code.
 * Reads only, and nothing about the check is kept.
 */
export function checkInvitationCode({
  db,
  slug,
  code,
  secretKey,
  now,
}: {
  db: Db;
  slug: string;
  code: string;
  secretKey: Uint8Array;
  now: Date;
}): void {
  const campaign = loadCampaign(db, slug);
  assertCampaignOpen(campaign, now);
  if (campaign.accessMode !== "invitation-codes") {
    throw new ConflictError(
      "This survey uses an open link: there is no invitation code to check.",
      "access-mode",
    );
  }
  assertCampaignCode({ db, campaignId: campaign.id, code, secretKey });
}
