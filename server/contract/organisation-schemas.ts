import { z } from "zod";
import { localizedSchema } from "./locale-schema";
import { SLUG_PATTERN } from "./slug-pattern";

/** What a unit is (the same list as the unit file's `kind` column). */
export const UNIT_KIND_NAMES = ["entity", "faculty", "service", "department"] as const;

const nameSchema = z.string().trim().min(1).max(200);
const namesSchema = z.strictObject({ nl: nameSchema, fr: nameSchema, en: nameSchema });

/** POST /api/admin/organisations (admins). */
export const organisationCreateSchema = z.strictObject({
  slug: z.string().regex(SLUG_PATTERN, "lower-case letters, digits and hyphens, up to 80"),
  name: namesSchema,
});
export type OrganisationCreateInput = z.infer<typeof organisationCreateSchema>;

export const organisationAnswerSchema = z.object({
  organisation: z.object({ id: z.string(), slug: z.string(), name: localizedSchema }),
});
export type OrganisationAnswer = z.infer<typeof organisationAnswerSchema>;

/** A unit code as the unit file spells it: at most 64 characters, no surrounding spaces. */
export const unitCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^/?#]+$/, "no / ? or #");

const headcountSchema = z.number().int().min(0).max(9_999_999).nullable();

/** POST …/organisations/<slug>/units: one unit added on screen. */
export const unitAddSchema = z.strictObject({
  code: unitCodeSchema,
  parentCode: unitCodeSchema.nullable(),
  kind: z.enum(UNIT_KIND_NAMES),
  name: namesSchema,
  headcount: headcountSchema.optional(),
});
export type UnitAddInput = z.infer<typeof unitAddSchema>;

/**
 * PATCH …/organisations/<slug>/units/<code>: rename, move (`parentCode`, null for the top),
 * another kind or headcount, retire (`retired: true`) or reinstate (`retired: false`).
 */
export const unitChangeSchema = z
  .strictObject({
    name: namesSchema.optional(),
    parentCode: unitCodeSchema.nullable().optional(),
    kind: z.enum(UNIT_KIND_NAMES).optional(),
    headcount: headcountSchema.optional(),
    retired: z.boolean().optional(),
  })
  .refine((change) => Object.keys(change).length > 0, "Say what to change.");
export type UnitChangeInput = z.infer<typeof unitChangeSchema>;

/** A unit on the organisation screen: with headcount, whether retired, whether a campaign uses it. */
export const managedUnitSchema = z.object({
  id: z.string(),
  code: z.string(),
  parentId: z.string().nullable(),
  kind: z.string(),
  name: localizedSchema,
  headcount: z.number().int().nullable(),
  retired: z.boolean(),
  /** In the scope of a campaign that was opened (its results were built on this unit). */
  inUse: z.boolean(),
});
export type ManagedUnit = z.infer<typeof managedUnitSchema>;

/** GET …/organisations/<slug>/units: the organisation and its whole tree, retired units too. */
export const unitTreeAnswerSchema = z.object({
  organisation: organisationAnswerSchema.shape.organisation,
  units: z.array(managedUnitSchema),
});
export type UnitTreeAnswer = z.infer<typeof unitTreeAnswerSchema>;

const codeChange = <T extends z.ZodType>(value: T) =>
  z.object({ code: z.string(), from: value, to: value });

/**
 * What a change to the unit tree does: units added; renamed (any of the three names), moved
 * (another parent), of another kind, with another headcount; retired (never deleted, since
 * campaigns refer to them); reinstated (retired, back in the tree).
 */
export const unitImportPlanSchema = z.object({
  added: z.array(
    z.object({
      code: z.string(),
      parentCode: z.string().nullable(),
      kind: z.string(),
      name: localizedSchema,
    }),
  ),
  renamed: z.array(codeChange(localizedSchema)),
  moved: z.array(codeChange(z.string().nullable())),
  kindChanged: z.array(codeChange(z.string())),
  headcountChanged: z.array(codeChange(z.number().int().nullable())),
  retired: z.array(z.object({ code: z.string(), name: localizedSchema })),
  reinstated: z.array(z.object({ code: z.string() })),
  unchanged: z.number().int(),
});
export type UnitImportPlan = z.infer<typeof unitImportPlanSchema>;

/** POST …/units/preview, …/units/import, …/units and PATCH …/units/<code>: the plan, and whether it was applied. */
export const unitImportAnswerSchema = z.object({
  plan: unitImportPlanSchema,
  applied: z.boolean(),
});
export type UnitImportAnswer = z.infer<typeof unitImportAnswerSchema>;

/** The kinds of fault a unit file can have, so that screens can say each in their language. */
export const UNIT_FILE_FAULTS = [
  "encoding",
  "separator",
  "unreadable",
  "no-units",
  "unknown-column",
  "duplicate-column",
  "missing-column",
  "field-count",
  "missing",
  "too-long",
  "duplicate-code",
  "kind",
  "headcount",
  "own-parent",
  "unknown-parent",
  "cycle",
] as const;
export type UnitFileFault = (typeof UNIT_FILE_FAULTS)[number];

/**
 * One fault of a unit file (422 `invalid-unit-file`): the row (its line in the file; 0 for the
 * file as a whole), as in every other 422 the field at fault in `question`, and its kind.
 */
export interface UnitFileError {
  row: number;
  question: string;
  fault: UnitFileFault;
  message: string;
}
