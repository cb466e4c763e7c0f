import { and, desc, eq } from "drizzle-orm";
import type { SessionUser } from "../auth/sessions";
import type { Db } from "../db/open-database";
import { questionnaires, questionnaireVersions } from "../db/schema";
import { ConflictError, ForbiddenError, NotFoundError, ProblemError } from "../errors";

export type QuestionnaireRow = typeof questionnaires.$inferSelect;
export type VersionRow = typeof questionnaireVersions.$inferSelect;

/** Whether a user may see a questionnaire: shared ones and their own organisation's. */
export function canSeeQuestionnaire(
  user: SessionUser,
  row: Pick<QuestionnaireRow, "organisationId">,
): boolean {
  return (
    user.role === "admin" ||
    row.organisationId === null ||
    row.organisationId === user.organisationId
  );
}

/**
 * A questionnaire by slug for a reader: 404 when it does not exist and when it belongs to
 * another organisation (its existence is not revealed).
 */
export function questionnaireForReader(db: Db, user: SessionUser, slug: string): QuestionnaireRow {
  const row = db.select().from(questionnaires).where(eq(questionnaires.slug, slug)).get();
  if (!row || !canSeeQuestionnaire(user, row))
    throw new NotFoundError(`There is no questionnaire "${slug}" you can see.`);
  return row;
}

/**
 * A questionnaire a user may change: admins any uploaded one, coordinators their
 * organisation's. Evaluators and coordinators facing a shared template get 403; bundled
 * questionnaires are copied, never changed (409 `bundled`).
 */
export function questionnaireForEditor(db: Db, user: SessionUser, slug: string): QuestionnaireRow {
  if (user.role === "evaluator") throw new ForbiddenError("Evaluators do not edit questionnaires.");
  const row = questionnaireForReader(db, user, slug);
  if (row.bundled)
    throw new ConflictError(
      `"${slug}" ships with Peilpunt and cannot be changed: copy it to make your own.`,
      "bundled",
    );
  if (user.role !== "admin" && row.organisationId !== user.organisationId)
    throw new ForbiddenError("Only admins change shared templates; copy it to make your own.");
  return row;
}

/** One version of a questionnaire, or 404. Evaluators only see published versions. */
export function versionOf(
  db: Db,
  user: SessionUser,
  questionnaire: QuestionnaireRow,
  number: number,
): VersionRow {
  const row = db
    .select()
    .from(questionnaireVersions)
    .where(
      and(
        eq(questionnaireVersions.questionnaireId, questionnaire.id),
        eq(questionnaireVersions.number, number),
      ),
    )
    .get();
  if (!row || (user.role === "evaluator" && !row.published))
    throw new NotFoundError(`There is no version ${number} of "${questionnaire.slug}".`);
  return row;
}

/** The newest version of a questionnaire (every questionnaire has at least one). */
export function latestVersion(db: Db, questionnaireId: string): VersionRow | undefined {
  return db
    .select()
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.questionnaireId, questionnaireId))
    .orderBy(desc(questionnaireVersions.number))
    .limit(1)
    .get();
}

/** A request to change a draft version: who asks, which version, the body as sent. */
export interface DraftEdit {
  db: Db;
  actor: SessionUser;
  slug: string;
  number: number;
  input: unknown;
  now: Date;
}

/**
 * A draft version the user may edit, with its questionnaire: 404 as `questionnaireForEditor`
 * and `versionOf`, 409 `published` for a published version (it is frozen, a change is a new
 * version). Every verb that changes a draft opens it here.
 */
export function draftForEditor(
  db: Db,
  user: SessionUser,
  slug: string,
  number: number,
): { questionnaire: QuestionnaireRow; version: VersionRow } {
  const questionnaire = questionnaireForEditor(db, user, slug);
  const version = versionOf(db, user, questionnaire, number);
  assertDraft(version, slug);
  return { questionnaire, version };
}

function assertDraft(version: VersionRow, slug: string): void {
  if (version.published)
    throw new ProblemError(
      409,
      "published",
      "Conflict",
      `Version ${version.number} of "${slug}" is published and never changes: upload a new version instead.`,
    );
}
