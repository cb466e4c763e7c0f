import { z } from "zod";
import { figureSchema, hiddenReasonSchema } from "./release-schema";

/**
 * The output schema of GET /campaigns/<slug>/participation: live counts leave the server only
 * through it, so a field that analysis/suppress-participation.ts did not decide on is stripped.
 */
const rateSchema = z.union([
  z.strictObject({ value: z.number().min(0) }),
  z.strictObject({ hidden: hiddenReasonSchema }),
]);
export const unitParticipationSchema = z.object({
  unitId: z.string(),
  respondents: figureSchema,
  direct: figureSchema.optional(),
  /** Codes issued for the unit and its sub-units (invitation-codes mode only). */
  issued: z.number().int().nonnegative().optional(),
  /** Respondents / issued, only where the respondents figure itself is shown. */
  rate: rateSchema.optional(),
  /**
   * The unit's staff at the headcount reference date (`staffDate`), as the headcount tables
   * show it to this reader (hidden: its reason), where respondents and staff count the same
   * people (the campaign covered the unit's whole subtree, the trees agree).
   */
  staff: figureSchema.optional(),
  /**
   * Respondents / staff, only where both figures are shown as values: the rate is then worked
   * out from two figures the reader already has, and tells nothing new. Above 1 when staff who
   * joined after the reference date answered.
   */
  staffRate: z.strictObject({ value: z.number().min(0) }).optional(),
});
export type UnitParticipation = z.infer<typeof unitParticipationSchema>;

export const participationSchema = z.object({
  builtAt: z.string(),
  /** The headcount reference date staff figures are from: the latest on or before closing. */
  staffDate: z.string().optional(),
  /** The headcount tables' minimum group size, for the reason of a hidden staff figure. */
  staffK: z.number().int().positive().optional(),
  units: z.array(unitParticipationSchema),
});
export type Participation = z.infer<typeof participationSchema>;
