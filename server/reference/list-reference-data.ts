import { and, eq, inArray } from "drizzle-orm";
import { unitScopeOf } from "../auth/scope";
import type { SessionUser } from "../auth/sessions";
import type { Db } from "../db/open-database";
import { organisations, questionnaires, questionnaireVersions, units } from "../db/schema";
import { NotFoundError } from "../errors";

/** The organisations a user works in, with their units (an evaluator of a subtree: that subtree). */
export function listOrganisations(db: Db, user: SessionUser) {
  const rows = db
    .select()
    .from(organisations)
    .where(user.role === "admin" ? undefined : eq(organisations.id, user.organisationId ?? ""))
    .orderBy(organisations.slug)
    .all();
  const scope = unitScopeOf(db, user);
  return rows.map((organisation) => ({
    id: organisation.id,
    slug: organisation.slug,
    name: { nl: organisation.nameNl, fr: organisation.nameFr, en: organisation.nameEn },
    units: db
      .select()
      .from(units)
      .where(
        scope === null
          ? eq(units.organisationId, organisation.id)
          : and(eq(units.organisationId, organisation.id), inArray(units.id, [...scope])),
      )
      .orderBy(units.code)
      .all()
      .map((unit) => ({
        id: unit.id,
        parentId: unit.parentId,
        code: unit.code,
        kind: unit.kind,
        name: { nl: unit.nameNl, fr: unit.nameFr, en: unit.nameEn },
        retired: unit.retiredAt !== null,
      })),
  }));
}

/** Every questionnaire with its versions (the published ones are immutable). */
export function listQuestionnaires(db: Db) {
  const rows = db
    .select({
      slug: questionnaires.slug,
      kind: questionnaires.kind,
      number: questionnaireVersions.number,
      published: questionnaireVersions.published,
    })
    .from(questionnaires)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.questionnaireId, questionnaires.id))
    .orderBy(questionnaires.slug, questionnaireVersions.number)
    .all();
  const bySlug = new Map<
    string,
    { slug: string; kind: string; versions: { number: number; published: boolean }[] }
  >();
  for (const row of rows) {
    const entry = bySlug.get(row.slug) ?? { slug: row.slug, kind: row.kind, versions: [] };
    entry.versions.push({ number: row.number, published: row.published });
    bySlug.set(row.slug, entry);
  }
  return [...bySlug.values()];
}

/** One questionnaire version's SurveyJS JSON, for the preview. */
export function getQuestionnaireVersion(db: Db, slug: string, number: number) {
  const row = db
    .select({
      number: questionnaireVersions.number,
      published: questionnaireVersions.published,
      definition: questionnaireVersions.definition,
    })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(and(eq(questionnaires.slug, slug), eq(questionnaireVersions.number, number)))
    .get();
  if (!row) throw new NotFoundError(`There is no version ${number} of "${slug}".`);
  return {
    slug,
    number: row.number,
    published: row.published,
    definition: JSON.parse(row.definition) as unknown,
  };
}
