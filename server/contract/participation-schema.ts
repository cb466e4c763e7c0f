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
});
export type UnitParticipation = z.infer<typeof unitParticipationSchema>;

export const participationSchema = z.object({
  builtAt: z.string(),
  units: z.array(unitParticipationSchema),
});
export type Participation = z.infer<typeof participationSchema>;
