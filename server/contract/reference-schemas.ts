import { z } from "zod";
import { localizedSchema } from "./locale-schema";

/**
 * A unit of an organisation, as campaign forms and screens list it. A retired unit is listed
 * (past campaigns and drafts refer to it) but offered to no new campaign.
 */
export const orgUnitSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  kind: z.string(),
  name: localizedSchema,
  retired: z.boolean(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const organisationSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: localizedSchema,
  units: z.array(orgUnitSchema),
});
export type Organisation = z.infer<typeof organisationSchema>;

/** GET /organisations: the organisations a user works in (an evaluator's: their subtree). */
export const organisationsAnswerSchema = z.object({ organisations: z.array(organisationSchema) });
export type OrganisationsAnswer = z.infer<typeof organisationsAnswerSchema>;

/** One version of a questionnaire as lists show it: a draft until published (then immutable). */
export const questionnaireVersionSummarySchema = z.object({
  number: z.number().int(),
  published: z.boolean(),
  /** The version's own title (its SurveyJS `title`), in nl, fr and en. */
  title: localizedSchema,
  /** When it was uploaded; null for bundled versions stored before uploads existed. */
  createdAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type QuestionnaireVersionSummary = z.infer<typeof questionnaireVersionSummarySchema>;

export const questionnaireSchema = z.object({
  slug: z.string(),
  kind: z.string(),
  /** The owning organisation; null for a shared questionnaire (bundled, or an admin's template). */
  organisationId: z.string().nullable(),
  /** Whether it ships with Peilpunt (surveys/): a template to copy, never edited on screen. */
  bundled: z.boolean(),
  /** The title of its newest version. */
  title: localizedSchema,
  /** Oldest first. Evaluators are shown published versions only. */
  versions: z.array(questionnaireVersionSummarySchema),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

/** GET /questionnaires: the shared ones and those of the reader's organisation. */
export const questionnairesAnswerSchema = z.object({
  questionnaires: z.array(questionnaireSchema),
});
export type QuestionnairesAnswer = z.infer<typeof questionnairesAnswerSchema>;

/** A question that could single a respondent out (must be acknowledged before publishing). */
export const identifyingQuestionSchema = z.object({ question: z.string(), message: z.string() });

/** GET /questionnaires/<slug>/versions/<n>: one version's SurveyJS JSON, for the preview. */
export const questionnaireVersionSchema = z.object({
  slug: z.string(),
  number: z.number().int(),
  published: z.boolean(),
  definition: z.unknown(),
  title: localizedSchema,
  kind: z.string(),
  organisationId: z.string().nullable(),
  /** sha256 of the stored JSON text; frozen once published. */
  sha256: z.string(),
  createdAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  warnings: z.array(identifyingQuestionSchema),
  /** Whether the reader may change it (a draft they manage). */
  editable: z.boolean(),
});
export type QuestionnaireVersion = z.infer<typeof questionnaireVersionSchema>;
