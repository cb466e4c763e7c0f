import { eq } from "drizzle-orm";
import type { StaffComposition } from "../contract/staff-composition-schema";
import type { Db } from "../db/open-database";
import { campaigns, campaignUnits } from "../db/schema";
import { headcountDateOnOrBefore } from "../headcounts/published-headcounts";
import { compareStaffComposition } from "./compare-staff-composition";
import { staffComparableUnits } from "./staff-comparable-units";
import type { ViewedRelease } from "./view-results";

/**
 * The respondents' composition against the staff's for a release a reader opened (viewResults
 * checked the scope and logged the view): the headcount date is the latest published on or
 * before the campaign closes; no date, no comparison.
 */
export function viewStaffComposition(db: Db, viewed: ViewedRelease): StaffComposition {
  const campaign = db
    .select({ closesAt: campaigns.closesAt })
    .from(campaigns)
    .where(eq(campaigns.id, viewed.campaign.id))
    .get();
  const date = campaign
    ? headcountDateOnOrBefore(db, viewed.campaign.organisationId, campaign.closesAt.slice(0, 10))
    : undefined;
  if (!date) return { builtAt: viewed.builtAt, staffDate: null, dimensions: [] };
  const covered = new Set(
    db
      .select({ unitId: campaignUnits.unitId })
      .from(campaignUnits)
      .where(eq(campaignUnits.campaignId, viewed.campaign.id))
      .all()
      .map((row) => row.unitId),
  );
  const comparable = staffComparableUnits({
    campaignUnits: viewed.release.units,
    headcountUnits: date.units,
    covered,
    withDirectStaff: date.withDirectStaff,
  });
  return {
    builtAt: viewed.builtAt,
    staffDate: date.referenceDate,
    dimensions: compareStaffComposition({
      release: viewed.release,
      date,
      comparable,
      visible: viewed.visible,
    }),
  };
}
