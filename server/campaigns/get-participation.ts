import { count, eq } from "drizzle-orm";
import type { Release } from "../../analysis/release-types";
import { suppressParticipation } from "../../analysis/suppress-participation";
import { campaignForReader, unitScopeOf } from "../auth/scope";
import type { SessionUser } from "../auth/sessions";
import type { UnitParticipation } from "../contract/participation-schema";
import { lineage } from "../contract/unit-tree";
import type { Db } from "../db/open-database";
import { campaignUnits, invitationCodes, releases, responses, units } from "../db/schema";

/** Units whose whole-unit count the latest audited release hides: they stay hidden live too. */
function hiddenInRelease(db: Db, campaignId: string): Set<string> {
  const row = db
    .select({ release: releases.release })
    .from(releases)
    .where(eq(releases.campaignId, campaignId))
    .get();
  if (!row) return new Set();
  const release = JSON.parse(row.release) as Release;
  return new Set(
    release.groups
      .filter((group) => group.part === "all" && group.filters.length === 0 && "hidden" in group.n)
      .map((group) => group.unitId),
  );
}

/**
 * Live respondent counts per unit of a campaign under the suppression rules
 * (analysis/suppress-participation.ts), with issued codes and the response rate in
 * invitation-codes mode. The organisation's own row (unitId = organisationId) is the total.
 * An evaluator of a unit subtree gets the rows of that subtree only.
 */
export function getParticipation({
  db,
  user,
  slug,
  now,
}: {
  db: Db;
  user: SessionUser;
  slug: string;
  now: Date;
}): { builtAt: string; units: UnitParticipation[] } {
  const campaign = campaignForReader(db, user, slug);
  const orgUnits = db
    .select({ id: units.id, parentId: units.parentId })
    .from(units)
    .where(eq(units.organisationId, campaign.organisationId))
    .all();
  const respondentsByUnit = new Map(
    db
      .select({ unitId: responses.unitId, n: count() })
      .from(responses)
      .where(eq(responses.campaignId, campaign.id))
      .groupBy(responses.unitId)
      .all()
      .map((row) => [row.unitId, row.n]),
  );
  const figures = suppressParticipation({
    organisationId: campaign.organisationId,
    units: orgUnits,
    respondentsByUnit,
    k: campaign.minCellSize,
    hiddenInRelease: hiddenInRelease(db, campaign.id),
  });

  const codes = campaign.accessMode === "invitation-codes";
  const issuedSubtree = new Map<string, number>();
  if (codes) {
    const unitsById = new Map(orgUnits.map((unit) => [unit.id, unit]));
    const issued = db
      .select({ unitId: invitationCodes.unitId, n: count() })
      .from(invitationCodes)
      .where(eq(invitationCodes.campaignId, campaign.id))
      .groupBy(invitationCodes.unitId)
      .all();
    for (const { unitId, n } of issued) {
      // Each code counts for its unit, every unit above it and the organisation.
      for (const id of lineage(unitId, unitsById)) {
        issuedSubtree.set(id, (issuedSubtree.get(id) ?? 0) + n);
      }
      issuedSubtree.set(
        campaign.organisationId,
        (issuedSubtree.get(campaign.organisationId) ?? 0) + n,
      );
    }
  }

  const covered = new Set(
    db
      .select({ unitId: campaignUnits.unitId })
      .from(campaignUnits)
      .where(eq(campaignUnits.campaignId, campaign.id))
      .all()
      .map((row) => row.unitId),
  );
  const scope = unitScopeOf(db, user);
  const shown = (unitId: string) =>
    scope === null
      ? covered.has(unitId) || unitId === campaign.organisationId
      : scope.has(unitId) && covered.has(unitId);

  return {
    builtAt: now.toISOString(),
    units: figures
      .filter((row) => shown(row.unitId))
      .map((row) => {
        const view: UnitParticipation = { ...row };
        if (codes) {
          const issued = issuedSubtree.get(row.unitId) ?? 0;
          view.issued = issued;
          if (issued > 0) {
            view.rate =
              "value" in row.respondents
                ? { value: Math.round((row.respondents.value / issued) * 1000) / 1000 }
                : { hidden: row.respondents.hidden };
          }
        }
        return view;
      }),
  };
}
