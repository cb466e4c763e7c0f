import { randomUUID } from "node:crypto";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { recordAudit } from "../auth/audit";
import {
  campaignForReader,
  canManageCampaign,
  canManageOrganisation,
  canReadCampaign,
} from "../auth/scope";
import type { SessionUser } from "../auth/sessions";
import type { Db } from "../db/open-database";
import {
  campaigns,
  campaignUnits,
  invitationCodes,
  questionnaires,
  questionnaireVersions,
  units,
} from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { ConflictError, ForbiddenError, InvalidInputError } from "../errors";
import type { CampaignInput, CampaignPatch } from "./campaign-input";
import { effectiveStatus, responsesDeleteAt } from "./campaign-status";

type CampaignRow = typeof campaigns.$inferSelect;
type Locale = "nl" | "fr" | "en";

/** A campaign as the admin API shows it (README: "Admin screens and API"). */
export interface CampaignView {
  slug: string;
  organisationId: string;
  title: Record<Locale, string>;
  status: CampaignRow["status"];
  questionnaire: { slug: string; version: number };
  unitIds: string[];
  locales: Locale[];
  k: number;
  opensAt: string;
  closesAt: string;
  accessMode: CampaignRow["accessMode"];
  retentionDays: number;
  responsesDeleteAt: string | null;
  resultsViewed: boolean;
  respondentUrl: string;
}

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

function unitIdsOf(db: Db, campaignId: string): string[] {
  return db
    .select({ unitId: campaignUnits.unitId })
    .from(campaignUnits)
    .where(eq(campaignUnits.campaignId, campaignId))
    .all()
    .map((row) => row.unitId)
    .sort();
}

export function toCampaignView(db: Db, row: CampaignRow, now: Date): CampaignView {
  const deleteAt = responsesDeleteAt(row, now);
  return {
    slug: row.slug,
    organisationId: row.organisationId,
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
    responsesDeleteAt: deleteAt ? deleteAt.toISOString() : null,
    resultsViewed: row.resultsViewedAt !== null,
    respondentUrl: `/s/${row.slug}`,
  };
}

/** The campaigns a user may read, newest opening first. */
export function listCampaigns(db: Db, user: SessionUser, now: Date): CampaignView[] {
  const rows = db
    .select()
    .from(campaigns)
    .where(
      user.role === "admin" ? undefined : eq(campaigns.organisationId, user.organisationId ?? ""),
    )
    .orderBy(desc(campaigns.opensAt))
    .all();
  return rows
    .filter((row) => canReadCampaign(db, user, row))
    .map((row) => toCampaignView(db, row, now));
}

function rowBySlug(db: Db, slug: string): CampaignRow | undefined {
  return db.select().from(campaigns).where(eq(campaigns.slug, slug)).get();
}

/** A campaign a user may change: 404 when they cannot read it, 403 when they may only read it. */
export function manageableCampaign(db: Db, user: SessionUser, slug: string): CampaignRow {
  const row = campaignForReader(db, user, slug);
  if (!canManageCampaign(user, row)) throw new ForbiddenError("Your role does not allow this.");
  return row;
}

function invalid(question: string, message: string): never {
  throw new InvalidInputError("The campaign settings are not valid.", [{ question, message }]);
}

/** A campaign must use a published (immutable) questionnaire version. */
function publishedVersionId(db: Db, questionnaire: { slug: string; version: number }): string {
  const row = db
    .select({ id: questionnaireVersions.id, published: questionnaireVersions.published })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(
      and(
        eq(questionnaires.slug, questionnaire.slug),
        eq(questionnaireVersions.number, questionnaire.version),
      ),
    )
    .get();
  if (!row) return invalid("questionnaire", "unknown questionnaire version");
  if (!row.published) return invalid("questionnaire", "this version is not published yet");
  return row.id;
}

function checkUnits(db: Db, organisationId: string, unitIds: string[]): void {
  const found = db
    .select({ id: units.id })
    .from(units)
    .where(and(inArray(units.id, unitIds), eq(units.organisationId, organisationId)))
    .all();
  if (found.length !== unitIds.length)
    invalid("unitIds", "not all units belong to the organisation");
}

function checkDates(opensAt: string, closesAt: string): void {
  if (new Date(opensAt) >= new Date(closesAt)) invalid("closesAt", "must be after opensAt");
}

function issuedCodes(db: Db, campaignId: string): number {
  return (
    db
      .select({ n: count() })
      .from(invitationCodes)
      .where(eq(invitationCodes.campaignId, campaignId))
      .get()?.n ?? 0
  );
}

/** Creates a campaign in draft. */
export function createCampaign({
  db,
  actor,
  input,
  now,
}: {
  db: Db;
  actor: SessionUser;
  input: CampaignInput;
  now: Date;
}): CampaignView {
  if (!canManageOrganisation(actor, input.organisationId)) {
    throw new ForbiddenError("You cannot create campaigns for this organisation.");
  }
  if (rowBySlug(db, input.slug)) {
    throw new ConflictError(`The address "${input.slug}" is taken.`, "slug-taken");
  }
  const versionId = publishedVersionId(db, input.questionnaire);
  checkUnits(db, input.organisationId, input.unitIds);
  checkDates(input.opensAt, input.closesAt);
  const id = randomUUID();
  withTransaction(db, (tx) => {
    tx.insert(campaigns)
      .values({
        id,
        slug: input.slug,
        organisationId: input.organisationId,
        questionnaireVersionId: versionId,
        titleNl: input.title.nl,
        titleFr: input.title.fr,
        titleEn: input.title.en,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        minCellSize: input.k,
        locales: input.locales.join(","),
        status: "draft",
        accessMode: input.accessMode,
        retentionDays: input.retentionDays,
      })
      .run();
    for (const unitId of input.unitIds)
      tx.insert(campaignUnits).values({ campaignId: id, unitId }).run();
    recordAudit(tx, {
      actor,
      action: "campaign.create",
      target: input.slug,
      organisationId: input.organisationId,
      at: now,
    });
  });
  return toCampaignView(db, rowBySlug(db, input.slug) as CampaignRow, now);
}

/** The fields of a patch that differ from the campaign as it is. */
function changedFields(current: CampaignView, patch: CampaignPatch): (keyof CampaignPatch)[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return (Object.keys(patch) as (keyof CampaignPatch)[]).filter((key) => {
    const value = patch[key];
    if (value === undefined) return false;
    if (key === "unitIds") return !same([...(value as string[])].sort(), current.unitIds);
    if (key === "opensAt" || key === "closesAt") {
      return new Date(value as string).getTime() !== new Date(current[key]).getTime();
    }
    return !same(value, current[key]);
  });
}

/**
 * Edits a campaign. Everything is editable in draft only, except k, which may also change
 * later (a new release follows), but only upwards once results were viewed: a smaller k
 * would publish groups that viewers already saw hidden, and differences between the two
 * views could reveal small groups.
 */
export function updateCampaign({
  db,
  actor,
  slug,
  patch,
  now,
}: {
  db: Db;
  actor: SessionUser;
  slug: string;
  patch: CampaignPatch;
  now: Date;
}): CampaignView {
  const row = manageableCampaign(db, actor, slug);
  const current = toCampaignView(db, row, now);
  const changed = changedFields(current, patch);
  if (changed.length === 0) return current;
  if (current.status === "archived") {
    throw new ConflictError("An archived campaign cannot be changed.", "not-editable");
  }
  if (changed.includes("slug") || changed.includes("organisationId")) {
    throw new ConflictError(
      "The address and organisation of a campaign are fixed.",
      "not-editable",
    );
  }
  if (current.status !== "draft" && changed.some((key) => key !== "k")) {
    throw new ConflictError(
      `Only k can change once a campaign is ${current.status}; it is edited in draft.`,
      "not-draft",
    );
  }
  if (patch.k !== undefined && current.resultsViewed && patch.k < current.k) {
    throw new ConflictError("Results were viewed with this k: it may only go up now.", "k-only-up");
  }
  const codes = issuedCodes(db, row.id);
  if (codes > 0 && (changed.includes("accessMode") || changed.includes("unitIds"))) {
    throw new ConflictError(
      "Invitation codes were issued: the access mode and units are fixed.",
      "codes-issued",
    );
  }
  const versionId = changed.includes("questionnaire")
    ? publishedVersionId(db, patch.questionnaire as CampaignInput["questionnaire"])
    : row.questionnaireVersionId;
  if (patch.unitIds && changed.includes("unitIds"))
    checkUnits(db, row.organisationId, patch.unitIds);
  const opensAt = patch.opensAt ?? row.opensAt;
  const closesAt = patch.closesAt ?? row.closesAt;
  checkDates(opensAt, closesAt);
  withTransaction(db, (tx) => {
    tx.update(campaigns)
      .set({
        questionnaireVersionId: versionId,
        titleNl: patch.title?.nl ?? row.titleNl,
        titleFr: patch.title?.fr ?? row.titleFr,
        titleEn: patch.title?.en ?? row.titleEn,
        opensAt,
        closesAt,
        minCellSize: patch.k ?? row.minCellSize,
        locales: patch.locales ? patch.locales.join(",") : row.locales,
        accessMode: patch.accessMode ?? row.accessMode,
        retentionDays: patch.retentionDays ?? row.retentionDays,
      })
      .where(eq(campaigns.id, row.id))
      .run();
    if (patch.unitIds && changed.includes("unitIds")) {
      tx.delete(campaignUnits).where(eq(campaignUnits.campaignId, row.id)).run();
      for (const unitId of patch.unitIds) {
        tx.insert(campaignUnits).values({ campaignId: row.id, unitId }).run();
      }
    }
    recordAudit(tx, {
      actor,
      action: "campaign.update",
      target: slug,
      detail: {
        fields: changed,
        ...(changed.includes("k") ? { k: { from: row.minCellSize, to: patch.k } } : {}),
      },
      organisationId: row.organisationId,
      at: now,
    });
  });
  return toCampaignView(db, rowBySlug(db, slug) as CampaignRow, now);
}

/** Opens a draft now (an opening date still ahead moves to now). */
export function openCampaign(args: { db: Db; actor: SessionUser; slug: string; now: Date }) {
  return transition(args, "draft", "open", "campaign.open", (row, now) => {
    if (new Date(row.closesAt) <= now) {
      throw new ConflictError("The closing date has passed; change it before opening.", "dates");
    }
    return { opensAt: new Date(row.opensAt) > now ? now.toISOString() : row.opensAt };
  });
}

/** Closes an open campaign now. */
export function closeCampaign(args: { db: Db; actor: SessionUser; slug: string; now: Date }) {
  return transition(args, "open", "closed", "campaign.close", (row, now) => ({
    closesAt: now.toISOString(),
    opensAt: new Date(row.opensAt) > now ? now.toISOString() : row.opensAt,
  }));
}

/** Archives a closed campaign: it leaves the working list; its release stays. */
export function archiveCampaign(args: { db: Db; actor: SessionUser; slug: string; now: Date }) {
  return transition(args, "closed", "archived", "campaign.archive", () => ({}));
}

function transition(
  { db, actor, slug, now }: { db: Db; actor: SessionUser; slug: string; now: Date },
  from: CampaignRow["status"],
  to: CampaignRow["status"],
  action: string,
  dates: (row: CampaignRow, now: Date) => Partial<Pick<CampaignRow, "opensAt" | "closesAt">>,
): CampaignView {
  const row = manageableCampaign(db, actor, slug);
  const status = effectiveStatus(row, now);
  if (status !== from) {
    throw new ConflictError(
      `The campaign is ${status}; only a ${from} campaign can be ${to === "open" ? "opened" : to}.`,
      "status",
    );
  }
  const change = dates(row, now);
  withTransaction(db, (tx) => {
    tx.update(campaigns)
      .set({ status: to, ...change })
      .where(eq(campaigns.id, row.id))
      .run();
    recordAudit(tx, {
      actor,
      action,
      target: slug,
      detail: change,
      organisationId: row.organisationId,
      at: now,
    });
  });
  return toCampaignView(db, rowBySlug(db, slug) as CampaignRow, now);
}

/**
 * Notes that results of a campaign were viewed (the results route calls this): from then on
 * its k may only go up. Only the first view is kept.
 */
export function markResultsViewed(db: Db, campaignId: string, now: Date = new Date()): void {
  db.update(campaigns)
    .set({ resultsViewedAt: now.toISOString() })
    .where(and(eq(campaigns.id, campaignId), isNull(campaigns.resultsViewedAt)))
    .run();
}
