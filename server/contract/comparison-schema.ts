import { z } from "zod";
import { localizedSchema } from "./locale-schema";
import { figureSchema, hiddenReasonSchema, tableSchema } from "./release-schema";
import { UNIT_CHANGES } from "./unit-mapping-schemas";

/**
 * The output schema of a comparison of waves (GET …/results/comparison). Every figure of a wave
 * is the one its release publishes; a side that is hidden or absent carries its reason and no
 * number. Answers are parsed through it, so nothing analysis/ computed on the side leaves.
 */
const valueSchema = z.string().nullable();
const optionSchema = z.object({
  value: valueSchema,
  count: z.number().int().nonnegative(),
  share: z.number().min(0).max(1),
});

export const waveItemFiguresSchema = z.discriminatedUnion("state", [
  z.object({
    state: z.literal("shown"),
    n: z.number().int().nonnegative(),
    answered: z.number().int().nonnegative(),
    mean: z.number().nullable(),
    favourable: z.number().min(0).max(1).nullable(),
    options: z.array(optionSchema),
  }),
  z.object({
    state: z.literal("hidden"),
    reason: hiddenReasonSchema,
    of: z.enum(["group", "question"]),
  }),
  z.object({ state: z.literal("absent"), of: z.enum(["group", "question", "table"]) }),
]);
export type WaveItemFigures = z.infer<typeof waveItemFiguresSchema>;

export const VERDICTS = [
  "clearly-better",
  "clearly-worse",
  "clearly-higher",
  "clearly-lower",
  "no-clear-change",
  "too-few-answers",
] as const;
export type Verdict = (typeof VERDICTS)[number];

const polarity = z.enum(["agreement", "none"]);
export const changeTestSchema = z.union([
  z.object({
    polarity,
    change: z.number(),
    ci: z.tuple([z.number(), z.number()]),
    statistic: z.number(),
    df: z.number().optional(),
    p: z.number().min(0).max(1),
    pAdjusted: z.number().min(0).max(1),
    verdict: z.enum(VERDICTS).exclude(["too-few-answers"]),
  }),
  z.object({ polarity, change: z.number().nullable(), verdict: z.literal("too-few-answers") }),
]);
export type ChangeTest = z.infer<typeof changeTestSchema>;

export const notComparedSchema = z.union([
  z.object({ why: z.literal("hidden"), wave: z.number().int(), reason: hiddenReasonSchema }),
  z.object({
    why: z.literal("absent"),
    wave: z.number().int(),
    of: z.enum(["group", "question", "table"]),
  }),
  z.object({ why: z.enum(["kind-changed", "scale-changed", "options-changed"]) }),
]);
export type NotCompared = z.infer<typeof notComparedSchema>;

const stepSchema = z.union([
  z.object({
    from: z.number().int(),
    to: z.number().int(),
    compared: z.literal(true),
    favourable: changeTestSchema.optional(),
    mean: changeTestSchema.optional(),
    options: z.array(
      z.object({ value: valueSchema, change: z.number(), test: changeTestSchema.optional() }),
    ),
  }),
  z.object({
    from: z.number().int(),
    to: z.number().int(),
    compared: z.literal(false),
    notCompared: notComparedSchema,
  }),
]);
export type ItemStep = z.infer<typeof stepSchema>;

const itemComparisonSchema = z.object({
  key: z.string(),
  keys: z.array(z.string().nullable()),
  kind: z.enum(["single", "multi"]),
  measure: z.enum(["scale", "choice"]),
  waves: z.array(waveItemFiguresSchema),
  steps: z.array(stepSchema),
});
export type ItemComparison = z.infer<typeof itemComparisonSchema>;

const groupComparisonSchema = z.object({
  unitId: z.string(),
  part: z.enum(["all", "direct"]),
  filters: z.array(z.object({ dimension: z.string(), value: valueSchema })).max(2),
  n: z.array(z.union([figureSchema, z.strictObject({ absent: z.literal(true) })])),
  /**
   * Per step: the earlier wave's units on the earlier side (several: the sum of a merge), how
   * the group's unit came from them, and whether both sides are the same people.
   */
  population: z.array(
    z.object({
      from: z.number(),
      to: z.number(),
      same: z.boolean(),
      change: z.enum(UNIT_CHANGES),
      earlier: z.array(z.object({ id: z.string(), code: z.string(), name: localizedSchema })),
    }),
  ),
  items: z.array(itemComparisonSchema),
});
export type GroupComparison = z.infer<typeof groupComparisonSchema>;

export const comparedCampaignSchema = z.object({
  slug: z.string(),
  title: localizedSchema,
  k: z.number().int(),
  builtAt: z.string(),
  interim: z.boolean(),
  /** Closed, with a release built while it was open (see the results summary's). */
  finalRelease: z.enum(["computing", "held-back"]).optional(),
  questionnaireVersion: z.number().int(),
});
export type ComparedCampaign = z.infer<typeof comparedCampaignSchema>;

/** GET /campaigns/<slug>/results/comparison: waves oldest first, one table, adjusted by Holm. */
export const comparisonAnswerSchema = z.object({
  campaigns: z.array(comparedCampaignSchema).min(2),
  table: tableSchema,
  correction: z.literal("holm"),
  level: z.number(),
  groups: z.array(groupComparisonSchema),
});
export type ComparisonAnswer = z.infer<typeof comparisonAnswerSchema>;
