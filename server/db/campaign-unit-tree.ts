import { eq } from "drizzle-orm";
import { lineage } from "../contract/unit-tree";
import type { Db } from "./open-database";
import { campaigns, campaignUnits, campaignUnitTree, units } from "./schema";

/** A unit as a campaign sees it: from its copy of the tree, or the live tree before opening. */
export interface CampaignUnit {
  id: string;
  parentId: string | null;
  code: string;
  kind: string;
  name: { nl: string; fr: string; en: string };
}

/**
 * Copies the campaign's units in scope and their ancestors, as they stand now, into its own
 * tree (campaign_unit_tree). Called when the campaign opens, inside that transaction.
 */
export function snapshotCampaignUnits(tx: Db, campaignId: string): void {
  const rows = liveUnitsInScope(tx, campaignId);
  tx.delete(campaignUnitTree).where(eq(campaignUnitTree.campaignId, campaignId)).run();
  for (let i = 0; i < rows.length; i += 500) {
    tx.insert(campaignUnitTree)
      .values(
        rows.slice(i, i + 500).map((unit) => ({
          campaignId,
          unitId: unit.id,
          parentId: unit.parentId,
          code: unit.code,
          kind: unit.kind as (typeof units.$inferSelect)["kind"],
          nameNl: unit.name.nl,
          nameFr: unit.name.fr,
          nameEn: unit.name.en,
        })),
      )
      .run();
  }
}

/**
 * The units a campaign's results are built on: its units in scope and their ancestors, from the
 * copy taken when it opened; for a draft (and a campaign opened before copies were kept), the
 * live tree.
 */
export function campaignUnitsWithAncestors(db: Db, campaignId: string): CampaignUnit[] {
  const copied = db
    .select()
    .from(campaignUnitTree)
    .where(eq(campaignUnitTree.campaignId, campaignId))
    .all();
  if (copied.length > 0) {
    return copied.map((row) => ({
      id: row.unitId,
      parentId: row.parentId,
      code: row.code,
      kind: row.kind,
      name: { nl: row.nameNl, fr: row.nameFr, en: row.nameEn },
    }));
  }
  return liveUnitsInScope(db, campaignId);
}

function liveUnitsInScope(db: Db, campaignId: string): CampaignUnit[] {
  const campaign = db
    .select({ organisationId: campaigns.organisationId })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId))
    .get();
  if (!campaign) return [];
  const all = db
    .select()
    .from(units)
    .where(eq(units.organisationId, campaign.organisationId))
    .all();
  const byId = new Map(all.map((unit) => [unit.id, unit]));
  const keep = new Set<string>();
  for (const { unitId } of db
    .select({ unitId: campaignUnits.unitId })
    .from(campaignUnits)
    .where(eq(campaignUnits.campaignId, campaignId))
    .all()) {
    for (const id of lineage(unitId, byId)) keep.add(id);
  }
  return all
    .filter((unit) => keep.has(unit.id))
    .map((unit) => ({
      id: unit.id,
      parentId: unit.parentId,
      code: unit.code,
      kind: unit.kind,
      name: { nl: unit.nameNl, fr: unit.nameFr, en: unit.nameEn },
    }));
}
