import type { Db } from "../db/open-database";
import { ConflictError } from "../errors";
import { findUnusedCode } from "./find-invitation-code";
import { assertCampaignOpen, loadCampaign } from "./load-campaign";

/**
 * Tells a respondent, before the questions, whether their invitation code would be accepted:
 * returns when it is a valid unused code of this open campaign, else throws exactly what a
 * submission with it would (422 mistyped, 403 unknown, 409 used). Reads only: the code stays
 * unused until the answers are submitted with it, and nothing about the check is kept.
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
  findUnusedCode({ db, campaignId: campaign.id, code, secretKey });
}
