import { z } from "zod";
import { localizedSchema } from "./locale-schema";
import { LOCALES } from "./locales";
import { SLUG_PATTERN } from "./slug-pattern";
import { QUESTIONNAIRE_KINDS } from "./vocabulary";

/**
 * Largest questionnaire file accepted (its text, as sent in `definition`): a 300-question
 * questionnaire with three languages is about 0.5 MB, so this leaves room for long matrices.
 */
export const MAX_QUESTIONNAIRE_CHARS = 3_000_000;

const definitionText = z
  .string()
  .min(1)
  .max(MAX_QUESTIONNAIRE_CHARS, "the questionnaire file is larger than 3 MB");

const slug = z.string().regex(SLUG_PATTERN, "lower-case letters, digits and hyphens, up to 80");

/**
 * POST /questionnaires: a new questionnaire with its first draft. `definition` is the SurveyJS
 * JSON file's text as uploaded (so invalid JSON is a 422 naming where it broke). Coordinators
 * create for their organisation; admins for one (`organisationId`) or shared (null).
 */
export const questionnaireCreateSchema = z.strictObject({
  slug,
  kind: z.enum(QUESTIONNAIRE_KINDS),
  organisationId: z.string().nullable().optional(),
  definition: definitionText,
});
export type QuestionnaireCreateInput = z.infer<typeof questionnaireCreateSchema>;

/** POST /questionnaires/<slug>/versions: a new draft (or the replacement of the open draft). */
export const versionUploadSchema = z.strictObject({ definition: definitionText });

/** POST /questionnaires/<slug>/copy: a new questionnaire starting from this one's newest published version. */
export const questionnaireCopySchema = z.strictObject({
  slug,
  organisationId: z.string().nullable().optional(),
});

/** PATCH /questionnaires/<slug>/versions/<n>: breakdown and sensitive marks, by question name. */
export const questionMarksSchema = z.strictObject({
  marks: z
    .record(
      z.string().min(1).max(200),
      z.strictObject({ breakdown: z.boolean().optional(), sensitive: z.boolean().optional() }),
    )
    .refine((marks) => Object.keys(marks).length <= 2000, "at most 2000 questions"),
});
export type QuestionMarksInput = z.infer<typeof questionMarksSchema>;

/** POST /questionnaires/<slug>/versions/<n>/publish. */
export const publishSchema = z.strictObject({
  /** Required (true) when the version has questions that could single a respondent out. */
  acknowledgeWarnings: z.boolean().optional(),
});

const locale = z.enum(LOCALES);
const listItem = z.object({ value: z.string(), text: localizedSchema });

/** GET /questionnaires/<slug>/versions/<n>/diff: what changed since version n − 1. */
export const versionDiffAnswerSchema = z.object({
  slug: z.string(),
  number: z.number().int(),
  /** null for a first version (nothing to compare with). */
  previous: z.number().int().nullable(),
  diff: z
    .object({
      added: z.array(z.object({ name: z.string(), title: localizedSchema })),
      removed: z.array(z.object({ name: z.string(), title: localizedSchema })),
      renamed: z.array(z.object({ from: z.string(), to: z.string(), title: localizedSchema })),
      reworded: z.array(
        z.object({
          name: z.string(),
          locales: z.array(locale),
          before: localizedSchema,
          after: localizedSchema,
        }),
      ),
      moved: z.array(
        z.object({
          name: z.string(),
          title: localizedSchema,
          from: z.number().int(),
          to: z.number().int(),
        }),
      ),
      lists: z.array(
        z.object({
          name: z.string(),
          title: localizedSchema,
          list: z.enum(["options", "rows"]),
          added: z.array(listItem),
          removed: z.array(listItem),
          reworded: z.array(
            z.object({
              value: z.string(),
              locales: z.array(locale),
              before: localizedSchema,
              after: localizedSchema,
            }),
          ),
        }),
      ),
      marks: z.array(
        z.object({
          name: z.string(),
          title: localizedSchema,
          mark: z.enum(["breakdown", "sensitive"]),
          before: z.boolean(),
          after: z.boolean(),
        }),
      ),
    })
    .nullable(),
});
export type VersionDiffAnswer = z.infer<typeof versionDiffAnswerSchema>;

/** What POST /questionnaires, …/copy and …/versions made: the questionnaire and its draft. */
export const uploadedVersionSchema = z.object({ slug: z.string(), number: z.number().int() });
