import { count, eq } from "drizzle-orm";
import type { ReleaseGroup } from "../../analysis/release-types";
import { type CampaignRead, campaignForReader, unitScopeOf } from "../auth/scope";
import type { Participation, UnitParticipation } from "../contract/participation-schema";
import { lineage } from "../contract/unit-tree";
import { campaignUnitsWithAncestors } from "../db/campaign-unit-tree";
import type { Db } from "../db/open-database";
import { campaignUnits, invitationCodes, responses, units } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { headcountDateOnOrBefore } from "../headcounts/published-headcounts";
import { readRelease } from "../results/read-release";
import { staffComparableUnits } from "../results/staff-comparable-units";
import { markResultsViewed } from "./mark-results-viewed";

/**
 * Respondent counts per unit of a campaign, as the release being served shows them: no live
 * counter, so participation moves only when a release passes the sequence audit (no step
 * reveals fewer than k newcomers of a unit), and reading it counts as showing that release
 * and fixes k, as a results view does. With invitation codes, the codes issued and the
 * response rate where the count is shown. The organisation's row (unitId = organisationId)
 * is the total. An evaluator of a unit subtree gets the rows of that subtree only. Where the
 * organisation's headcounts are published for a date on or before closing, each unit's staff
 * there and the response rate against it, only where both figures are shown as values.
 */
export function getParticipation({ db, user, slug, now }: CampaignRead): Participation {
  const campaign = campaignForReader(db, user, slug);
  const orgUnits = db
    .select({ id: units.id, parentId: units.parentId })
    .from(units)
    .where(eq(units.organisationId, campaign.organisationId))
    .all();
  const served = noResponsesYet(db, campaign.id)
    ? emptyParticipation(campaign.organisationId, orgUnits, now)
    : withTransaction(db, (tx) => {
        const release = readRelease(tx, campaign.slug, now);
        markResultsViewed(tx, campaign.id, now);
        return release;
      });
  const figureOf = new Map<string, ReleaseGroup["n"]>();
  for (const group of served.release.groups) {
    if (group.filters.length === 0) figureOf.set(`${group.unitId}/${group.part}`, group.n);
  }
  const figures = served.release.units.flatMap((unit) => {
    const respondents = figureOf.get(`${unit.id}/all`);
    if (!respondents) return [];
    const direct = figureOf.get(`${unit.id}/direct`);
    return [{ unitId: unit.id, respondents, ...(direct ? { direct } : {}) }];
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

  const staff = staffFigures(db, campaign, covered);

  return {
    builtAt: served.builtAt,
    ...(staff ? { staffDate: staff.referenceDate, staffK: staff.k } : {}),
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
        const staffOfUnit = staff?.of(row.unitId);
        if (staffOfUnit) {
          view.staff = staffOfUnit;
          // The figure shown, never the true count: the rate adds nothing to the two figures.
          if ("value" in staffOfUnit && "value" in row.respondents && staffOfUnit.value > 0) {
            view.staffRate = {
              value: Math.round((row.respondents.value / staffOfUnit.value) * 1000) / 1000,
            };
          }
        }
        return view;
      }),
  };
}

/**
 * The published staff total of each unit whose respondents and staff are the same people, at
 * the campaign's headcount reference date; undefined when no headcounts are published for it.
 */
function staffFigures(
  db: Db,
  campaign: { id: string; organisationId: string; closesAt: string },
  covered: ReadonlySet<string>,
) {
  const date = headcountDateOnOrBefore(db, campaign.organisationId, campaign.closesAt.slice(0, 10));
  if (!date) return undefined;
  const comparable = staffComparableUnits({
    campaignUnits: [
      { id: campaign.organisationId, parentId: null },
      ...campaignUnitsWithAncestors(db, campaign.id).map((unit) => ({
        id: unit.id,
        parentId: unit.parentId ?? campaign.organisationId,
      })),
    ],
    headcountUnits: date.units,
    covered,
    withDirectStaff: date.withDirectStaff,
  });
  return {
    referenceDate: date.referenceDate,
    k: date.k,
    of: (unitId: string) =>
      comparable.has(unitId) ? date.figure(unitId, "all", null, null) : undefined,
  };
}

function noResponsesYet(db: Db, campaignId: string): boolean {
  return (
    db
      .select({ id: responses.id })
      .from(responses)
      .where(eq(responses.campaignId, campaignId))
      .limit(1)
      .all().length === 0
  );
}

/** Before anyone answered, every count is a true 0: nothing to protect, no release needed. */
function emptyParticipation(
  organisationId: string,
  orgUnits: { id: string; parentId: string | null }[],
  now: Date,
) {
  const ids = [organisationId, ...orgUnits.map((unit) => unit.id)];
  return {
    builtAt: now.toISOString(),
    release: {
      units: ids.map((id) => ({ id })),
      groups: ids.map((unitId) => ({
        unitId,
        part: "all" as const,
        filters: [],
        n: { value: 0 },
      })),
    },
  };
}
