import { eq, inArray, isNull, or } from "drizzle-orm";
import { identifyingQuestions } from "../../surveys/identifying-questions";
import { diffVersions } from "../../surveys/model/diff-versions";
import { localizedText } from "../../surveys/model/question-texts";
import type { SessionUser } from "../auth/sessions";
import { LOCALES, type Localized } from "../contract/locales";
import type { VersionDiffAnswer } from "../contract/questionnaire-schemas";
import type { Questionnaire, QuestionnaireVersion } from "../contract/reference-schemas";
import type { Db } from "../db/open-database";
import { questionnaires, questionnaireVersions } from "../db/schema";
import { questionnaireForReader, versionOf } from "./questionnaire-access";

/** A questionnaire version's title (its SurveyJS `title`) in each language; the slug if untitled. */
function titleOf(definition: unknown, slug: string): Localized {
  const title = (definition as { title?: unknown } | null)?.title;
  return Object.fromEntries(
    LOCALES.map((locale) => [locale, localizedText(title, locale) ?? slug]),
  ) as Localized;
}

/**
 * The questionnaires a user may use: shared ones and their organisation's (admins: all), each
 * with its versions, oldest first. Evaluators see published versions only.
 */
export function listQuestionnaires(db: Db, user: SessionUser): Questionnaire[] {
  const rows = db
    .select()
    .from(questionnaires)
    .where(
      user.role === "admin"
        ? undefined
        : or(
            isNull(questionnaires.organisationId),
            eq(questionnaires.organisationId, user.organisationId ?? ""),
          ),
    )
    .orderBy(questionnaires.slug)
    .all();
  const versions =
    rows.length === 0
      ? []
      : db
          .select()
          .from(questionnaireVersions)
          .where(
            inArray(
              questionnaireVersions.questionnaireId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(questionnaireVersions.number)
          .all();
  return rows
    .map((row) => {
      const own = versions
        .filter((v) => v.questionnaireId === row.id)
        .filter((v) => user.role !== "evaluator" || v.published)
        .map((v) => ({
          number: v.number,
          published: v.published,
          title: titleOf(JSON.parse(v.definition), row.slug),
          createdAt: v.createdAt,
          publishedAt: v.publishedAt,
        }));
      return {
        slug: row.slug,
        kind: row.kind,
        organisationId: row.organisationId,
        bundled: row.bundled,
        title: own.at(-1)?.title ?? titleOf(undefined, row.slug),
        versions: own,
      };
    })
    .filter((questionnaire) => questionnaire.versions.length > 0);
}

/** One version with its SurveyJS JSON (for the preview) and its identifying-question warnings. */
export function getQuestionnaireVersion(
  db: Db,
  user: SessionUser,
  slug: string,
  number: number,
): QuestionnaireVersion {
  const questionnaire = questionnaireForReader(db, user, slug);
  const version = versionOf(db, user, questionnaire, number);
  const definition = JSON.parse(version.definition) as unknown;
  const manages =
    user.role === "admin" ||
    (user.role === "coordinator" && questionnaire.organisationId === user.organisationId);
  return {
    slug,
    number: version.number,
    published: version.published,
    definition,
    title: titleOf(definition, slug),
    kind: questionnaire.kind,
    organisationId: questionnaire.organisationId,
    sha256: version.sha256,
    createdAt: version.createdAt,
    publishedAt: version.publishedAt,
    warnings: identifyingQuestions(definition),
    editable: manages && !questionnaire.bundled && !version.published,
  };
}

/** What changed in a version since the one before it (null for a first version). */
export function diffQuestionnaireVersion(
  db: Db,
  user: SessionUser,
  slug: string,
  number: number,
): VersionDiffAnswer {
  const questionnaire = questionnaireForReader(db, user, slug);
  const version = versionOf(db, user, questionnaire, number);
  if (number === 1) return { slug, number, previous: null, diff: null };
  const previous = versionOf(db, user, questionnaire, number - 1);
  return {
    slug,
    number,
    previous: previous.number,
    diff: diffVersions(JSON.parse(previous.definition), JSON.parse(version.definition)),
  };
}
