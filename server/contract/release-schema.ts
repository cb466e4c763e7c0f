import { z } from "zod";
import { localizedSchema } from "./locale-schema";

/**
 * The output schema of everything the results API returns. Responses are parsed through it,
 * so a field analysis/ never suppressed (or a raw count added by mistake) cannot leave the
 * server: unknown keys are stripped, and every count is either a value or a hidden reason.
 */
export const hiddenReasonSchema = z.enum(["primary", "secondary", "unanimity", "protected"]);
const hiddenReason = hiddenReasonSchema;
export type HiddenReason = z.infer<typeof hiddenReasonSchema>;
export const figureSchema = z.union([
  z.strictObject({ value: z.number().int().nonnegative() }),
  z.strictObject({ hidden: hiddenReason }),
]);
export type Figure = z.infer<typeof figureSchema>;
/** Dimension and option values are published as strings; null is "no answer". */
const valueSchema = z.string().nullable();
export type ReleaseValue = z.infer<typeof valueSchema>;
const optionSchema = z.object({
  value: valueSchema,
  count: z.number().int().nonnegative(),
  share: z.number().min(0).max(1),
});
/** A hidden table as an earlier release readers were served showed it (earlier-tables.ts). */
const earlierTableSchema = z.object({
  builtAt: z.string(),
  n: z.number().int().nonnegative(),
  options: z.array(optionSchema),
  mean: z.number().nullable().optional(),
  favourable: z.number().min(0).max(1).nullable().optional(),
});
const itemSchema = z.union([
  z.object({
    key: z.string(),
    kind: z.enum(["single", "multi"]),
    hidden: hiddenReason,
    earlier: earlierTableSchema.optional(),
  }),
  z.object({
    key: z.string(),
    kind: z.literal("single"),
    options: z.array(optionSchema),
    mean: z.number().nullable().optional(),
    favourable: z.number().min(0).max(1).nullable().optional(),
  }),
  z.object({ key: z.string(), kind: z.literal("multi"), options: z.array(optionSchema) }),
]);
export type ReleaseItem = z.infer<typeof itemSchema>;
export const groupSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  part: z.enum(["all", "direct"]),
  filters: z.array(z.object({ dimension: z.string(), value: valueSchema })).max(2),
  n: figureSchema,
  items: z.array(itemSchema),
});
export type ReleaseGroup = z.infer<typeof groupSchema>;
export const commentsSchema = z.object({
  unitId: z.string(),
  item: z.string(),
  texts: z.array(z.string()),
});
export type ReleaseComments = z.infer<typeof commentsSchema>;
/**
 * What a reader is told about the suppression: counts of the marks they can see (so derivable
 * from the groups served to them), never solver figures or anything counted outside their scope.
 */
export const auditSchema = z.object({
  cells: z.number().int(),
  organisationOnly: z.boolean(),
  /** Organisation only because respondents came through an open link (made-up responses possible). */
  openLink: z.boolean(),
  /** Organisation only because the campaign is still open: breakdowns come at close. */
  whileOpen: z.boolean(),
  hiddenPrimary: z.number().int(),
  hiddenSecondary: z.number().int(),
  hiddenUnanimity: z.number().int(),
  /**
   * Answer distributions (question × published group) served, how many are hidden, and the
   * respondent-answers in those: counts of what the reader sees marked, like the figures above.
   */
  itemCells: z.number().int(),
  itemsHidden: z.number().int(),
  answersHidden: z.number().int(),
});
export const tableSchema = z.object({ id: z.string(), dimensions: z.array(z.string()) });
export type ReleaseTable = z.infer<typeof tableSchema>;

export const resultsSummarySchema = z.object({
  campaign: z.object({ slug: z.string(), k: z.number().int() }),
  builtAt: z.string(),
  /**
   * The campaign is still open: this is an interim release, updated when enough new answers
   * have arrived (said always while open, so it never tells whether a newer one is held back).
   */
  interim: z.boolean(),
  /**
   * The campaign is closed but this release was built while it was open, without the answers
   * given after it: the release at close is still being built ("computing"), or it was held
   * back by the sequence audit ("held-back") and this one stays.
   */
  finalRelease: z.enum(["computing", "held-back"]).optional(),
  audit: auditSchema,
  /**
   * The release's units the reader may see, named as the campaign was opened with them (its copy
   * of the tree, as in the exports), whatever they were renamed to since; the root group is the
   * organisation.
   */
  units: z.array(
    z.object({ id: z.string(), parentId: z.string().nullable(), name: localizedSchema }),
  ),
  dimensions: z.array(z.object({ key: z.string(), values: z.array(valueSchema) })),
  tables: z.array(tableSchema),
});

export const resultsTableSchema = z.object({
  campaign: z.object({ slug: z.string(), k: z.number().int() }),
  builtAt: z.string(),
  table: tableSchema,
  groups: z.array(groupSchema),
});

export const resultsCommentsSchema = z.object({
  campaign: z.object({ slug: z.string(), k: z.number().int() }),
  builtAt: z.string(),
  comments: z.array(commentsSchema),
});

export type ResultsSummary = z.infer<typeof resultsSummarySchema>;
export type ResultsTable = z.infer<typeof resultsTableSchema>;
export type ResultsComments = z.infer<typeof resultsCommentsSchema>;
