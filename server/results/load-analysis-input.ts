import { eq } from "drizzle-orm";
import type { ResponseRow, UnitNode } from "../../analysis/types";
import type { Db } from "../db/open-database";
import { campaigns, units } from "../db/schema";

/** Synthetic id of the organisation node at the top of the unit tree given to the analysis. */
export const ORGANISATION_NODE = "organisation";

/** The organisation's unit tree, rooted at one organisation node. */
export function loadUnitTree(db: Db, organisationId: string): UnitNode[] {
  const rows = db
    .select({ id: units.id, parentId: units.parentId })
    .from(units)
    .where(eq(units.organisationId, organisationId))
    .all();
  return [
    { id: ORGANISATION_NODE, parentId: null },
    ...rows.map((u) => ({ id: u.id, parentId: u.parentId ?? ORGANISATION_NODE })),
  ];
}

/** Every stored response of a campaign, as the analysis reads them. */
export function loadCampaignResponses(db: Db, campaignId: string): ResponseRow[] {
  const rows = db.$client
    .prepare("SELECT unit_id, answers FROM responses WHERE campaign_id = ?")
    .raw()
    .all(campaignId) as [string, string][];
  return rows.map(([unitId, answers]) => ({ unitId, answers: JSON.parse(answers) }));
}

export function campaignOrganisation(db: Db, campaignId: string): string | undefined {
  return db
    .select({ organisationId: campaigns.organisationId })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId))
    .get()?.organisationId;
}
