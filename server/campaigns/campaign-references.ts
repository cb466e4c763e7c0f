import { and, count, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../db/open-database";
import {
  campaignUnits,
  invitationCodes,
  questionnaires,
  questionnaireVersions,
  units,
} from "../db/schema";
import { ProblemError } from "../errors";
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

/**
 * 409 `unit-retired` when a unit in a draft's scope was retired after the draft was saved: a
 * campaign never opens on a unit that no longer exists. The coordinator takes it out of the
 * scope (or reinstates it) first.
 */
export function refuseRetiredUnitsInScope(db: Db, campaignId: string): void {
  const retired = db
    .select({ code: units.code })
    .from(campaignUnits)
    .innerJoin(units, eq(units.id, campaignUnits.unitId))
    .where(and(eq(campaignUnits.campaignId, campaignId), isNotNull(units.retiredAt)))
    .all()
    .map((unit) => unit.code)
    .sort();
  if (retired.length > 0) {
    throw new ProblemError(
      409,
      "unit-retired",
      "Retired units in scope",
      `Units ${retired.join(", ")} were retired after this draft was saved: take them out of its units (or reinstate them) before opening it.`,
      { units: retired },
    );
  }
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
