import { eq } from "drizzle-orm";
import type { CampaignView } from "../contract/campaign-schemas";
import type { Locale } from "../contract/locales";
import type { Db } from "../db/open-database";
import {
  campaigns,
  campaignUnits,
  organisations,
  questionnaires,
  questionnaireVersions,
} from "../db/schema";
import { interimResultRoles } from "./assert-may-read-results";
import { effectiveStatus, responsesDeleteAt } from "./campaign-status";

export type { CampaignView };
export type CampaignRow = typeof campaigns.$inferSelect;
function questionnaireOf(db: Db, versionId: string) {
  const row = db
    .select({ slug: questionnaires.slug, version: questionnaireVersions.number })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(eq(questionnaireVersions.id, versionId))
    .get();
  if (!row) throw new Error(`Questionnaire version ${versionId} vanished`);
  return row;
}

function organisationSlugOf(db: Db, organisationId: string): string {
  const row = db
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .get();
  if (!row) throw new Error(`Organisation ${organisationId} vanished`);
  return row.slug;
}

function unitIdsOf(db: Db, campaignId: string): string[] {
  return db
    .select({ unitId: campaignUnits.unitId })
    .from(campaignUnits)
    .where(eq(campaignUnits.campaignId, campaignId))
    .all()
    .map((row) => row.unitId)
    .sort();
}

/** A campaign's row as the admin API shows it, with its status at `now`. */
export function toCampaignView(db: Db, row: CampaignRow, now: Date): CampaignView {
  const deleteAt = responsesDeleteAt(row, now);
  return {
    slug: row.slug,
    organisationId: row.organisationId,
    organisationSlug: organisationSlugOf(db, row.organisationId),
    title: { nl: row.titleNl, fr: row.titleFr, en: row.titleEn },
    status: effectiveStatus(row, now),
    questionnaire: questionnaireOf(db, row.questionnaireVersionId),
    unitIds: unitIdsOf(db, row.id),
    locales: row.locales.split(",") as Locale[],
    k: row.minCellSize,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    accessMode: row.accessMode,
    retentionDays: row.retentionDays,
    interimResultRoles: interimResultRoles(row),
    thanksText: { nl: row.thanksNl, fr: row.thanksFr, en: row.thanksEn },
    responsesDeleteAt: deleteAt ? deleteAt.toISOString() : null,
    resultsViewed: row.resultsViewedAt !== null,
    answerCountShown: row.answerCountK !== null,
    respondentUrl: `/s/${row.slug}`,
  };
}

/** The view of a campaign just written, by its id. */
export function campaignViewById(db: Db, id: string, now: Date): CampaignView {
  const row = db.select().from(campaigns).where(eq(campaigns.id, id)).get();
  if (!row) throw new Error(`Campaign ${id} vanished`);
  return toCampaignView(db, row, now);
}
