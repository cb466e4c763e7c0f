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

export const questionnaireSchema = z.object({
  slug: z.string(),
  kind: z.string(),
  versions: z.array(z.object({ number: z.number().int(), published: z.boolean() })),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

/** GET /questionnaires. */
export const questionnairesAnswerSchema = z.object({
  questionnaires: z.array(questionnaireSchema),
});
export type QuestionnairesAnswer = z.infer<typeof questionnairesAnswerSchema>;

/** GET /questionnaires/<slug>/versions/<n>: one version's SurveyJS JSON, for the preview. */
export const questionnaireVersionSchema = z.object({
  slug: z.string(),
  number: z.number().int(),
  published: z.boolean(),
  definition: z.unknown(),
});
export type QuestionnaireVersion = z.infer<typeof questionnaireVersionSchema>;
