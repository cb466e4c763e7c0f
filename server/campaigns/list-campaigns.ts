import { desc, eq } from "drizzle-orm";
import { canReadCampaign } from "../auth/scope";
import type { SessionUser } from "../auth/sessions";
import type { Db } from "../db/open-database";
import { campaigns } from "../db/schema";
import { type CampaignView, toCampaignView } from "./campaign-view";

/** The campaigns a user may read, newest opening first. */
export function listCampaigns(db: Db, user: SessionUser, now: Date): CampaignView[] {
  const rows = db
    .select()
    .from(campaigns)
    .where(
      user.role === "admin" ? undefined : eq(campaigns.organisationId, user.organisationId ?? ""),
    )
    .orderBy(desc(campaigns.opensAt))
    .all();
  return rows
    .filter((row) => canReadCampaign(db, user, row))
    .map((row) => toCampaignView(db, row, now));
}
