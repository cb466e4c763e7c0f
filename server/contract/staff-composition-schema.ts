import { z } from "zod";

/**
 * The survey's background questions set against the headcount categories they measure. An
 * explicit list, never a guess from names: a question counts only when the questionnaire has it
 * as a breakdown with every value named here, and the headcount release has the dimension with
 * every value named here. Values left out on either side ("prefer not to say", "no answer";
 * "unknown" in the headcounts) are left out of both shares, which are shares among those whose
 * value is known. Migration background (EU or not) is counted as foreign origin: the survey asks
 * the person, HR records a definition of its own, so the two are close, not identical.
 */
export const STAFF_COMPOSITION_MAPPINGS: readonly {
  question: string;
  dimension: string;
  /** Headcount value → the survey values that count for it. */
  values: Readonly<Record<string, readonly string[]>>;
}[] = [
  {
    question: "gender",
    dimension: "gender",
    values: { woman: ["woman"], man: ["man"], x: ["another"] },
  },
  {
    question: "migration_background",
    dimension: "foreign_origin",
    values: { yes: ["yes_eu", "yes_non_eu"], no: ["no"] },
  },
  { question: "disability", dimension: "disability", values: { yes: ["yes"], no: ["no"] } },
];

/**
 * A group is marked under-represented among respondents when its share there is below four
 * fifths of its share among staff (the "four-fifths rule" of adverse-impact analysis): a
 * relative gap, so a 3% group is judged as fairly as a 50% one.
 */
export const UNDER_REPRESENTED_RATIO = 0.8;

const countsSchema = z.object({
  /** Per headcount value (in the mapping's order), the people counted for it. */
  counts: z.array(z.number().int().nonnegative()),
  total: z.number().int().nonnegative(),
});

export const staffCompositionSchema = z.object({
  builtAt: z.string(),
  /** The headcount reference date (latest on or before closing); null: none published. */
  staffDate: z.string().nullable(),
  dimensions: z.array(
    z.object({
      dimension: z.string(),
      question: z.string(),
      values: z.array(z.string()),
      units: z.array(
        z.object({
          unitId: z.string(),
          /** Sums of published survey figures; "hidden" when one of them is hidden. */
          respondents: z.union([countsSchema, z.literal("hidden")]),
          /** Published headcount figures; "hidden" when one of them is hidden. */
          staff: z.union([countsSchema, z.literal("hidden")]),
          /** Per value, only where both sides are published and their totals above 0. */
          rows: z.array(
            z.object({
              value: z.string(),
              respondentShare: z.number().min(0).max(1),
              staffShare: z.number().min(0).max(1),
              /** respondentShare − staffShare. */
              difference: z.number(),
              underRepresented: z.boolean(),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type StaffComposition = z.infer<typeof staffCompositionSchema>;
