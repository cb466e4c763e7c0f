import { and, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/open-database";
import { invitationCodes, questionnaires, questionnaireVersions, units } from "../db/schema";
import { invalidSetting } from "./campaign-rules";

/**
 * The id of the questionnaire version a campaign asks for: a published (immutable) one, shared
 * or of the campaign's organisation, or 422 (another organisation's reads as unknown).
 */
export function publishedVersionId(
  db: Db,
  questionnaire: { slug: string; version: number },
  organisationId: string,
): string {
  const row = db
    .select({
      id: questionnaireVersions.id,
      published: questionnaireVersions.published,
      owner: questionnaires.organisationId,
    })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(
      and(
        eq(questionnaires.slug, questionnaire.slug),
        eq(questionnaireVersions.number, questionnaire.version),
      ),
    )
    .get();
  if (!row || (row.owner !== null && row.owner !== organisationId))
    return invalidSetting("questionnaire", "unknown questionnaire version");
  if (!row.published) return invalidSetting("questionnaire", "this version is not published yet");
  return row.id;
}

/** 422 unless every unit belongs to the campaign's organisation and none is retired. */
export function checkUnitsOfOrganisation(db: Db, organisationId: string, unitIds: string[]): void {
  const found = db
    .select({ id: units.id, retiredAt: units.retiredAt })
    .from(units)
    .where(and(inArray(units.id, unitIds), eq(units.organisationId, organisationId)))
    .all();
  if (found.length !== unitIds.length)
    invalidSetting("unitIds", "not all units belong to the organisation");
  if (found.some((unit) => unit.retiredAt !== null))
    invalidSetting("unitIds", "a retired unit cannot be part of a new campaign");
}

/** How many invitation codes a campaign has issued. */
export function issuedCodeCount(db: Db, campaignId: string): number {
  return (
    db
      .select({ n: count() })
      .from(invitationCodes)
      .where(eq(invitationCodes.campaignId, campaignId))
      .get()?.n ?? 0
  );
}
