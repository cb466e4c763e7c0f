import { z } from "zod";

/** POST …/headcounts/<date>: what was imported. */
export const headcountImportAnswerSchema = z.object({
  referenceDate: z.string(),
  rows: z.number().int(),
  staff: z.number().int(),
  replaced: z.boolean(),
});

const share = z.number().nullable();

/** One indicator (share of a category, at one level or all) with an optional target share. */
export const indicatorSpecSchema = z.object({
  key: z.string(),
  dimension: z.string(),
  value: z.string(),
  level: z.string().nullable(),
  target: z.number().min(0).max(1).optional(),
});
export type IndicatorSpecView = z.infer<typeof indicatorSpecSchema>;

/** GET …/headcounts/indicators: per indicator its points over the dates, published figures only. */
export const headcountIndicatorsAnswerSchema = z.object({
  unitId: z.string(),
  targets: z.string(),
  indicators: z.array(
    z.object({
      spec: indicatorSpecSchema,
      points: z.array(
        z.object({
          referenceDate: z.string(),
          count: z.number().int().nullable(),
          staff: z.number().int().nullable(),
          share,
          change: share,
          distance: share,
          peopleToTarget: z.number().int().nullable(),
        }),
      ),
    }),
  ),
});
export type HeadcountIndicatorsAnswer = z.infer<typeof headcountIndicatorsAnswerSchema>;

/** Default target sets an organisation can start from (analysis/headcount-indicators.ts). */
export const HEADCOUNT_TARGET_PRESETS = ["flanders-2020", "brussels"] as const;
export type HeadcountTargetPreset = (typeof HEADCOUNT_TARGET_PRESETS)[number];

const nameSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/);

/** PUT …/headcounts/targets: a default set, or every indicator with its target (0..1 or none). */
export const headcountTargetsInputSchema = z.union([
  z.strictObject({ preset: z.enum(HEADCOUNT_TARGET_PRESETS) }),
  z.strictObject({
    indicators: z
      .array(
        z.strictObject({
          key: nameSchema,
          dimension: nameSchema,
          value: nameSchema,
          level: nameSchema.nullable(),
          target: z.number().min(0).max(1).nullable(),
        }),
      )
      .min(1)
      .max(30)
      .refine((list) => new Set(list.map((spec) => spec.key)).size === list.length, {
        message: "Each indicator key once.",
      }),
  }),
]);
export type HeadcountTargetsInput = z.infer<typeof headcountTargetsInputSchema>;

/** GET/PUT …/headcounts/targets: the organisation's indicators; `stored` false: the default. */
export const headcountTargetsAnswerSchema = z.object({
  stored: z.boolean(),
  indicators: z.array(indicatorSpecSchema),
});
export type HeadcountTargetsAnswer = z.infer<typeof headcountTargetsAnswerSchema>;
