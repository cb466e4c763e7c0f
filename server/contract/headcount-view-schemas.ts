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
