import { eq } from "drizzle-orm";
import { recordAudit } from "../auth/audit";
import type { SessionUser } from "../auth/sessions";
import type { Db } from "../db/open-database";
import { type CampaignStatus, campaigns } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { checkTransition } from "./campaign-rules";
import { effectiveStatus } from "./campaign-status";
import { type CampaignRow, type CampaignView, campaignViewById } from "./campaign-view";
import { manageableCampaign } from "./manageable-campaign";

/** What open, close and archive take. */
export interface TransitionRequest {
  db: Db;
  actor: SessionUser;
  slug: string;
  now: Date;
}

/**
 * One lifecycle step: checks the status (campaign-rules.ts), writes the new status and dates
 * and the audit entry in one transaction; returns the campaign and its id.
 */
export function transitionCampaign(
  { db, actor, slug, now }: TransitionRequest,
  step: {
    from: CampaignStatus;
    to: CampaignStatus;
    action: string;
    dates: (row: CampaignRow, now: Date) => Partial<Pick<CampaignRow, "opensAt" | "closesAt">>;
    /** More writes of the step, in its transaction (e.g. the unit tree copied at opening). */
    alsoWrite?: (tx: Db, row: CampaignRow) => void;
  },
): { id: string; campaign: CampaignView } {
  return withTransaction(db, (tx) => {
    const row = manageableCampaign(tx, actor, slug);
    checkTransition(effectiveStatus(row, now), step.from, step.to);
    const change = step.dates(row, now);
    tx.update(campaigns)
      .set({ status: step.to, ...change })
      .where(eq(campaigns.id, row.id))
      .run();
    step.alsoWrite?.(tx, row);
    recordAudit(tx, {
      actor,
      action: step.action,
      target: slug,
      detail: change,
      organisationId: row.organisationId,
      at: now,
    });
    return { id: row.id, campaign: campaignViewById(tx, row.id, now) };
  });
}
