import { campaignForReader, canManageCampaign } from "../auth/scope";
import type { SessionUser } from "../auth/sessions";
import type { Db } from "../db/open-database";
import { ForbiddenError } from "../errors";
import type { CampaignRow } from "./campaign-view";

/** A campaign a user may change: 404 when they cannot read it, 403 when they may only read it. */
export function manageableCampaign(db: Db, user: SessionUser, slug: string): CampaignRow {
  const row = campaignForReader(db, user, slug);
  if (!canManageCampaign(user, row)) throw new ForbiddenError("Your role does not allow this.");
  return row;
}
