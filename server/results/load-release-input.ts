import { and, eq, lt, ne } from "drizzle-orm";
import type { ReleaseInput } from "../../analysis/build-release";
import type { Release } from "../../analysis/release-types";
import { describeQuestionnaire } from "../../surveys/question-specs";
import { isInterim } from "../campaigns/campaign-status";
import { campaignUnitsWithAncestors } from "../db/campaign-unit-tree";
import type { Db } from "../db/open-database";
import { campaigns, questionnaireVersions, releases } from "../db/schema";
import { NotFoundError } from "../errors";
import { publishedHeadcounts } from "../headcounts/published-headcounts";

/**
 * Crosses published at organisation level when the questionnaire has both dimensions: gender
 * by job level is the indicator every diagnosis asks for.
 */
export const DEFAULT_CROSSES: [string, string][] = [["gender", "job_level"]];

export interface CampaignReleaseSource {
  campaignId: string;
  input: ReleaseInput;
}

/** Everything analysis/ needs to build a campaign's release, read from the database. */
export function loadReleaseInput(
  db: Db,
  campaignId: string,
  /** When the build starts: a campaign still open then gets an organisation-only release. */
  now: Date = new Date(),
): CampaignReleaseSource {
  const campaign = db
    .select({
      id: campaigns.id,
      organisationId: campaigns.organisationId,
      k: campaigns.minCellSize,
      accessMode: campaigns.accessMode,
      status: campaigns.status,
      closesAt: campaigns.closesAt,
      versionId: campaigns.questionnaireVersionId,
      definition: questionnaireVersions.definition,
      questionnaireId: questionnaireVersions.questionnaireId,
    })
    .from(campaigns)
    .innerJoin(
      questionnaireVersions,
      eq(questionnaireVersions.id, campaigns.questionnaireVersionId),
    )
    .where(eq(campaigns.id, campaignId))
    .get();
  if (!campaign) throw new NotFoundError("There is no such campaign.");
  const items = describeQuestionnaire(JSON.parse(campaign.definition));
  const dimensionKeys = new Set(items.filter((item) => item.breakdown).map((item) => item.key));
  return {
    campaignId,
    input: {
      organisationId: campaign.organisationId,
      // The tree the campaign was opened with: later renames and moves never reach its results.
      units: campaignUnitsWithAncestors(db, campaignId).map(({ id, parentId }) => ({
        id,
        parentId,
      })),
      items,
      k: campaign.k,
      // Open links are not protected against made-up responses (README "Invitations").
      openLink: campaign.accessMode === "open-link",
      // Breakdowns only at close: against them the final release could not be served (README
      // "Sequence audit", interim results).
      ...(isInterim(campaign, now) ? { whileOpen: true } : {}),
      crosses: DEFAULT_CROSSES.filter(([a, b]) => dimensionKeys.has(a) && dimensionKeys.has(b)),
      // Headcount tables shown to readers cap each unit's respondents (issue 14).
      knownHeadcounts: publishedHeadcounts(
        db,
        campaign.organisationId,
        campaign.closesAt.slice(0, 10),
      ),
      previouslyHidden: hiddenInEarlierWave(db, campaign),
    },
  };
}

/** Groups hidden in the latest earlier release of the same questionnaire and organisation. */
function hiddenInEarlierWave(
  db: Db,
  campaign: { id: string; organisationId: string; closesAt: string; questionnaireId: string },
): Set<string> {
  const earlier = db
    .select({ release: releases.release })
    .from(releases)
    .innerJoin(campaigns, eq(campaigns.id, releases.campaignId))
    .innerJoin(
      questionnaireVersions,
      eq(questionnaireVersions.id, campaigns.questionnaireVersionId),
    )
    .where(
      and(
        eq(campaigns.organisationId, campaign.organisationId),
        eq(questionnaireVersions.questionnaireId, campaign.questionnaireId),
        ne(campaigns.id, campaign.id),
        lt(campaigns.closesAt, campaign.closesAt),
      ),
    )
    .orderBy(campaigns.closesAt, releases.id)
    .all()
    .at(-1);
  if (!earlier) return new Set();
  const release = JSON.parse(earlier.release) as Release;
  return new Set(release.groups.filter((group) => "hidden" in group.n).map((group) => group.id));
}
