import { eq } from "drizzle-orm";
import { subtreeOf } from "../contract/unit-tree";
import type { Db } from "../db/open-database";
import { campaigns, campaignUnits, units } from "../db/schema";
import { NotFoundError } from "../errors";
import { campaignLimitOf } from "../users/evaluator-campaigns";
import type { SessionUser } from "./sessions";

/** The campaign fields scope checks need. */
export interface CampaignScope {
  id: string;
  organisationId: string;
}

/**
 * The units a user may see results and counts of: null for all units of their organisation
 * (admins, coordinators, organisation-wide evaluators), else the evaluator's unit and every
 * unit below it.
 */
export function unitScopeOf(db: Db, user: SessionUser): ReadonlySet<string> | null {
  if (user.role !== "evaluator" || user.unitId === null) return null;
  const all = db
    .select({ id: units.id, parentId: units.parentId })
    .from(units)
    .where(eq(units.organisationId, user.organisationId ?? ""))
    .all();
  return subtreeOf(user.unitId, all);
}

/**
 * Whether a user may read a campaign (its settings, participation and results). An evaluator
 * limited to named campaigns (evaluator_campaigns) reads only those.
 */
export function canReadCampaign(db: Db, user: SessionUser, campaign: CampaignScope): boolean {
  if (user.role === "admin") return true;
  if (user.organisationId !== campaign.organisationId) return false;
  if (user.role === "evaluator") {
    const limit = campaignLimitOf(db, user.id);
    if (limit.length > 0 && !limit.includes(campaign.id)) return false;
  }
  const scope = unitScopeOf(db, user);
  if (scope === null) return true;
  const covered = db
    .select({ unitId: campaignUnits.unitId })
    .from(campaignUnits)
    .where(eq(campaignUnits.campaignId, campaign.id))
    .all();
  return covered.some((row) => scope.has(row.unitId));
}

/** Whether a user may change a campaign (edit, open, close, archive, generate codes). */
export function canManageCampaign(
  user: SessionUser,
  campaign: { organisationId: string },
): boolean {
  return (
    user.role === "admin" ||
    (user.role === "coordinator" && user.organisationId === campaign.organisationId)
  );
}

/** Whether a user may act for an organisation (create campaigns in it). */
export function canManageOrganisation(user: SessionUser, organisationId: string): boolean {
  return canManageCampaign(user, { organisationId });
}

/**
 * Loads a campaign's row by slug for a reader, answering 404 both when it does not exist and
 * when it is out of the user's scope (its existence is not revealed).
 */
/** A read of one campaign by the signed-in user, at `now` (participation, the answer count). */
export interface CampaignRead {
  db: Db;
  user: SessionUser;
  slug: string;
  now: Date;
}

export function campaignForReader(db: Db, user: SessionUser, slug: string) {
  const row = db.select().from(campaigns).where(eq(campaigns.slug, slug)).get();
  if (!row || !canReadCampaign(db, user, row)) {
    throw new NotFoundError(`There is no campaign "${slug}" you can see.`);
  }
  return row;
}

/** The ids of the given units that lie in a scope (all of them for a null scope). */
export function unitsWithin(unitIds: string[], scope: ReadonlySet<string> | null): string[] {
  return scope === null ? unitIds : unitIds.filter((id) => scope.has(id));
}
