import { z } from "zod";
import { figureSchema } from "./release-schema";

/** Job levels of the headcount tables, top down (the Flemish targets name top and middle). */
export const JOB_LEVELS = ["top", "middle", "higher", "intermediate", "support"] as const;
export type JobLevel = (typeof JOB_LEVELS)[number];

/**
 * The categories every headcount file carries, as `dimension.value` columns. A file may add its
 * own dimensions the same way (`contract.statutory`, `contract.contractual`); each dimension's
 * values add up to the row's total. `gender.x` may be left out (then 0).
 */
export const HEADCOUNT_DIMENSIONS = [
  { key: "gender", values: ["woman", "man", "x"] },
  { key: "foreign_origin", values: ["yes", "no", "unknown"] },
  { key: "disability", values: ["yes", "no", "unknown"] },
] as const;
export const OPTIONAL_HEADCOUNT_COLUMNS = ["gender.x"] as const;

/** A reference date: YYYY-MM-DD. */
export const referenceDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

/** One fault of a headcount file (422 `invalid-headcount-file`); row 0 is the file as a whole. */
export interface HeadcountFileError {
  row: number;
  question: string;
  message: string;
}

/** POST …/headcounts/<date>: what was imported. */
export interface HeadcountImportAnswer {
  referenceDate: string;
  rows: number;
  staff: number;
  /** True when the date existed and its counts were replaced. */
  replaced: boolean;
}

export const headcountCellSchema = z.object({
  unitId: z.string(),
  part: z.enum(["all", "direct"]),
  level: z.string().nullable(),
  dimension: z.string().nullable(),
  value: z.string().nullable(),
  n: figureSchema,
});

/** GET …/headcounts: the audited tables, the only shape in which headcounts leave the server. */
export const headcountReleaseSchema = z.object({
  k: z.number().int(),
  builtAt: z.string(),
  /**
   * True while the release of the latest import is being built: these are the tables of the
   * import before it (empty after a first import), built at `builtAt`.
   */
  building: z.boolean().optional(),
  /**
   * Present when building the release of the latest import failed (`building` is then false):
   * these are still the tables before it. Importing a file again (or a restart) retries.
   */
  buildFailed: z.object({ failedAt: z.string() }).optional(),
  units: z.array(
    z.object({
      id: z.string(),
      parentId: z.string().nullable(),
      code: z.string(),
      name: z.object({ nl: z.string(), fr: z.string(), en: z.string() }),
    }),
  ),
  levels: z.array(z.string()),
  dimensions: z.array(z.object({ key: z.string(), values: z.array(z.string()) })),
  dates: z.array(z.object({ referenceDate: z.string(), cells: z.array(headcountCellSchema) })),
});
export type HeadcountReleaseAnswer = z.infer<typeof headcountReleaseSchema>;
