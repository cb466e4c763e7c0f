import { and, eq } from "drizzle-orm";
import { type UnitMatch, unitLineage } from "../../analysis/unit-lineage";
import { campaignForReader } from "../auth/scope";
import type { SessionUser } from "../auth/sessions";
import type { CampaignRow } from "../campaigns/campaign-view";
import { manageableCampaign } from "../campaigns/manageable-campaign";
import {
  type UnitMappingPair,
  type UnitMappingsAnswer,
  unitMappingsAnswerSchema,
} from "../contract/unit-mapping-schemas";
import { type CampaignUnit, campaignUnitsWithAncestors } from "../db/campaign-unit-tree";
import type { Db } from "../db/open-database";
import { campaignUnitMappings, questionnaireVersions } from "../db/schema";
import { ConflictError, InvalidInputError } from "../errors";

/**
 * The two campaigns of a unit mapping: the later one, which the user may manage (404 out of
 * scope, 403 for a reader only), and an earlier one of the same organisation and questionnaire
 * that opened before it (409 for another series, 422 for one that did not open earlier).
 */
export function mappingCampaigns(
  db: Db,
  user: SessionUser,
  slug: string,
  from: string,
): { later: CampaignRow; earlier: CampaignRow } {
  const later = manageableCampaign(db, user, slug);
  const earlier = campaignForReader(db, user, from);
  if (
    earlier.organisationId !== later.organisationId ||
    questionnaireOf(db, earlier) !== questionnaireOf(db, later)
  ) {
    throw new ConflictError(
      "Units can only be mapped between campaigns of one organisation with the same questionnaire.",
    );
  }
  if (!(earlier.opensAt < later.opensAt)) {
    throw new InvalidInputError("The earlier campaign must open before this one.", [
      { question: "from", message: "not-earlier" },
    ]);
  }
  return { later, earlier };
}

function questionnaireOf(db: Db, campaign: CampaignRow): string | undefined {
  return db
    .select({ questionnaireId: questionnaireVersions.questionnaireId })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.id, campaign.questionnaireVersionId))
    .get()?.questionnaireId;
}

/** The stored pairs (unit ids) from one earlier campaign's units to a later campaign's. */
export function storedUnitPairs(
  db: Db,
  laterCampaignId: string,
  earlierCampaignId: string,
): UnitMappingPair[] {
  return db
    .select({
      earlier: campaignUnitMappings.earlierUnitId,
      later: campaignUnitMappings.laterUnitId,
    })
    .from(campaignUnitMappings)
    .where(
      and(
        eq(campaignUnitMappings.campaignId, laterCampaignId),
        eq(campaignUnitMappings.earlierCampaignId, earlierCampaignId),
      ),
    )
    .all();
}

/**
 * Stored pairs as the comparison reads them: unit codes in each campaign's own tree. A pair
 * whose unit is not in a tree (any more) is left out.
 */
export function pairsByCode(
  pairs: readonly UnitMappingPair[],
  earlierTree: readonly CampaignUnit[],
  laterTree: readonly CampaignUnit[],
): UnitMatch[] {
  const earlierCode = new Map(earlierTree.map((unit) => [unit.id, unit.code]));
  const laterCode = new Map(laterTree.map((unit) => [unit.id, unit.code]));
  const matches: UnitMatch[] = [];
  for (const pair of pairs) {
    const earlier = earlierCode.get(pair.earlier);
    const later = laterCode.get(pair.later);
    if (earlier !== undefined && later !== undefined) matches.push({ earlier, later });
  }
  // By code, so a merge's parts are listed (and summed) in one order whatever the storage order.
  return matches.sort(
    (x, y) => x.earlier.localeCompare(y.earlier) || x.later.localeCompare(y.later),
  );
}

/** Both trees, the stored pairs, and what each later unit is compared with. */
export function unitMappingsAnswer(
  db: Db,
  later: CampaignRow,
  earlier: CampaignRow,
): UnitMappingsAnswer {
  const earlierTree = campaignUnitsWithAncestors(db, earlier.id);
  const laterTree = campaignUnitsWithAncestors(db, later.id);
  const pairs = storedUnitPairs(db, later.id, earlier.id);
  const lineage = unitLineage([
    { codes: new Set(earlierTree.map((unit) => unit.code)) },
    {
      codes: new Set(laterTree.map((unit) => unit.code)),
      map: pairsByCode(pairs, earlierTree, laterTree),
    },
  ]);
  const earlierId = new Map(earlierTree.map((unit) => [unit.code, unit.id]));
  const unit = ({ id, parentId, code, name }: CampaignUnit) => ({ id, parentId, code, name });
  return unitMappingsAnswerSchema.parse({
    campaign: later.slug,
    from: earlier.slug,
    earlierUnits: earlierTree.map(unit),
    laterUnits: laterTree.map(unit),
    pairs,
    outcome: laterTree.map((laterUnit) => {
      const step = lineage(laterUnit.code).steps[0];
      return {
        later: laterUnit.id,
        earlier: (step?.earlier ?? []).map((code) => earlierId.get(code) as string),
        change: step?.change ?? "new",
        same: step?.same ?? true,
      };
    }),
  });
}

/** GET …/unit-mappings?from=: for whoever may manage the later campaign. */
export function readUnitMappings({
  db,
  user,
  slug,
  from,
}: {
  db: Db;
  user: SessionUser;
  slug: string;
  from: string;
}): UnitMappingsAnswer {
  const { later, earlier } = mappingCampaigns(db, user, slug, from);
  return unitMappingsAnswer(db, later, earlier);
}
