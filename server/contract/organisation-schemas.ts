import { z } from "zod";
import { SLUG_PATTERN } from "./slug-pattern";

/** POST /api/admin/organisations (admins). */
export const organisationCreateSchema = z.strictObject({
  slug: z.string().regex(SLUG_PATTERN, "lower-case letters, digits and hyphens, up to 80"),
  name: z.strictObject({
    nl: z.string().trim().min(1).max(200),
    fr: z.string().trim().min(1).max(200),
    en: z.string().trim().min(1).max(200),
  }),
});
export type OrganisationCreateInput = z.infer<typeof organisationCreateSchema>;

export interface OrganisationAnswer {
  organisation: { id: string; slug: string; name: { nl: string; fr: string; en: string } };
}

type Names = { nl: string; fr: string; en: string };

/**
 * What importing a complete unit tree changes: units added; renamed (any of the three names),
 * moved (another parent), of another kind, with another headcount; retired (stored, not in the
 * file: never deleted, since campaigns refer to them); reinstated (retired, back in the file).
 */
export interface UnitImportPlan {
  added: { code: string; parentCode: string | null; kind: string; name: Names }[];
  renamed: { code: string; from: Names; to: Names }[];
  moved: { code: string; from: string | null; to: string | null }[];
  kindChanged: { code: string; from: string; to: string }[];
  headcountChanged: { code: string; from: number | null; to: number | null }[];
  retired: { code: string; name: Names }[];
  reinstated: { code: string }[];
  unchanged: number;
}

/** POST …/units/preview and …/units/import: the plan, and whether it was applied. */
export interface UnitImportAnswer {
  plan: UnitImportPlan;
  applied: boolean;
}

/**
 * One fault of a unit file (422 `invalid-unit-file`): the row (its line in the file; 0 for the
 * file as a whole) and, as in every other 422, the field at fault in `question`.
 */
export interface UnitFileError {
  row: number;
  question: string;
  message: string;
}
